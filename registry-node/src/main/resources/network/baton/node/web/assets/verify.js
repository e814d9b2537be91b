// Progressive enhancement for the verify page: load a credential file by choosing it or by
// dropping it on the text box. Without scripts the page works by pasting.
(function () {
  var box = document.getElementById('credential');
  var picker = document.getElementById('credential-file');
  if (!box || !picker || !window.FileReader) return;
  document.querySelectorAll('.js-only').forEach(function (el) { el.hidden = false; });
  function load(file) {
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () { box.value = String(reader.result).trim(); box.focus(); };
    reader.readAsText(file);
  }
  picker.addEventListener('change', function () { load(picker.files[0]); });
  box.addEventListener('dragover', function (e) { e.preventDefault(); box.classList.add('dragging'); });
  box.addEventListener('dragleave', function () { box.classList.remove('dragging'); });
  box.addEventListener('drop', function (e) {
    e.preventDefault();
    box.classList.remove('dragging');
    if (e.dataTransfer && e.dataTransfer.files.length) load(e.dataTransfer.files[0]);
  });
})();
