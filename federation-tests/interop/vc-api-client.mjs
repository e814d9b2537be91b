// A VC API client that knows nothing of BATON: issues a plain VC 2.0 credential with a status entry
// in each securing format, verifies it and a tampered copy, revokes it and verifies it again.
// Usage: NODE_EXTRA_CA_CERTS=ca.pem node vc-api-client.mjs HTTPS_BASE_URL ADMIN_TOKEN
import {args, describe, exampleDegree, issue, jwtOf, post, Results, revoke} from './lib.mjs';

const {baseUrl, token} = args();
const results = new Results('vc-api-client');

function tamper(format, vc) {
  if(format === 'vc+jwt') {
    const [header, payload, signature] = jwtOf(vc).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url'));
    claims.credentialSubject.degree.name = 'Doctor of Philosophy';
    const forged = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return {...vc, id: `data:application/vc+jwt,${header}.${forged}.${signature}`};
  }
  const copy = structuredClone(vc);
  copy.credentialSubject.degree.name = 'Doctor of Philosophy';
  return copy;
}

function failedCheck(report, words) {
  return (report.checks || []).some(c => !c.passed && words.test(c.reason || ''));
}

async function lifeOf(format) {
  const credential = exampleDegree();
  const vc = await issue(baseUrl, token, credential, format);
  const secured = format === 'vc+jwt' ?
    vc.type === 'EnvelopedVerifiableCredential' && jwtOf(vc).split('.').length === 3 :
    vc.proof?.cryptosuite === 'eddsa-rdfc-2022';
  results.check(`${format}: issued`, secured && (format === 'vc+jwt' || vc.credentialStatus),
    format === 'vc+jwt' ? vc.type : vc.proof?.cryptosuite);

  const verified = await post(`${baseUrl}/credentials/verify`, {verifiableCredential: vc});
  results.check(`${format}: verifies (200, verified)`,
    verified.status === 200 && verified.body.verified === true, verified.status);

  const tampered = await post(`${baseUrl}/credentials/verify`,
    {verifiableCredential: tamper(format, vc)});
  results.check(`${format}: tampered copy refused (400, not verified, signature)`,
    tampered.status === 400 && tampered.body.verified === false &&
      (tampered.body.checks || []).some(c => c.check === 'signature' && !c.passed),
    (tampered.body.checks || []).filter(c => !c.passed).map(c => `${c.check}: ${c.reason}`));

  const change = await revoke(baseUrl, token, credential.id);
  results.check(`${format}: revoked (200)`, change.status === 200, change.status);

  const revoked = await post(`${baseUrl}/credentials/verify`, {verifiableCredential: vc});
  results.check(`${format}: revoked credential refused (400, status reason)`,
    revoked.status === 400 && revoked.body.verified === false &&
      failedCheck(revoked.body, /revoked/i),
    (revoked.body.checks || []).filter(c => !c.passed).map(c => `${c.check}: ${c.reason}`));
}

try {
  for(const format of ['eddsa-rdfc-2022', 'vc+jwt']) await lifeOf(format);
} catch(e) {
  results.check('no error', false, describe(e, {stack: true}));
}
results.print();
