// Digital Bazaar's vc.verifyCredential with the eddsa-rdfc-2022 cryptosuite verifies the node's Data
// Integrity credential, its issuer's did:web resolved over https with web-did-resolver (contexts
// from the repo's bundled copies); a tampered copy fails. The status is Digital Bazaar's
// vc-bitstring-status-list checkStatus: it fetches the status list credential from the node over
// https, verifies its proof with the same suite and reads the credential's bit: 0 when issued, 1
// once the credential is revoked with POST /credentials/status.
// Usage: NODE_EXTRA_CA_CERTS=ca.pem node data-integrity-verify.mjs HTTPS_BASE_URL ADMIN_TOKEN
import * as vc from '@digitalbazaar/vc';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {args, describe, didResolver, documentLoader, exampleDegree, issue, Results, revoke,
  statusEntries} from './lib.mjs';

const {baseUrl, token} = args();
const results = new Results('data-integrity-verify');
const loader = documentLoader(didResolver(), baseUrl);
const suite = new DataIntegrityProof({cryptosuite});

function errorsOf(result) {
  const errors = [result.error, ...(result.results || []).map(r => r.error),
    result.statusResult?.error].filter(Boolean);
  return errors.flatMap(e => e.errors || [e]).map(e => describe(e));
}

async function verify(credential) {
  return vc.verifyCredential({credential, suite, documentLoader: loader, checkStatus});
}

// The revocation bit the status check read (true: set), or the errors when it read none.
function revocationBit(result) {
  const found = (result.statusResult?.results || [])
    .find(r => r.credentialStatus?.statusPurpose === 'revocation');
  return found ? found.status : errorsOf(result);
}

try {
  const credential = await issue(baseUrl, token, exampleDegree(), 'eddsa-rdfc-2022');
  results.check('issuer is the did:web of the node', credential.issuer ===
    `did:web:${encodeURIComponent(new URL(baseUrl).host)}`, credential.issuer);
  results.check('one revocation entry', statusEntries(credential, 'revocation').length === 1,
    credential.credentialStatus);

  const good = await verify(credential);
  results.check('node credential verifies', good.verified === true,
    good.verified ? credential.proof.verificationMethod : errorsOf(good));
  results.check('status list credential verified, bit 0 (not revoked)',
    good.statusResult?.verified === true && revocationBit(good) === false, revocationBit(good));

  const tampered = structuredClone(credential);
  tampered.credentialSubject.degree.name = 'Doctor of Philosophy';
  const bad = await verify(tampered);
  results.check('tampered copy fails (invalid signature)',
    bad.verified === false && errorsOf(bad).some(e => e.includes('Invalid signature.')),
    errorsOf(bad));

  const change = await revoke(baseUrl, token, credential.id);
  results.check('revoked (200)', change.status === 200, change.status);
  const after = await verify(credential);
  results.check('after revocation: signature verifies, bit 1 (revoked)',
    after.verified === true && after.statusResult?.verified === true &&
      revocationBit(after) === true, revocationBit(after));
} catch(e) {
  results.check('no error', false, describe(e, {stack: true}));
}
results.print();
