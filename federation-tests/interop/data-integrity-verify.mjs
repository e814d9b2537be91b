// Digital Bazaar's vc.verifyCredential with the eddsa-rdfc-2022 cryptosuite verifies the node's Data
// Integrity credential (contexts from the repo's bundled copies, the DID document from the node);
// a tampered copy fails. Status is the node's business here (vc-api-client.mjs checks it).
// Usage: node data-integrity-verify.mjs BASE_URL ADMIN_TOKEN
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {args, documentLoader, exampleDegree, issue, nodeResolver, Results} from './lib.mjs';

const {baseUrl, token} = args();
const results = new Results('data-integrity-verify');
const loader = documentLoader(nodeResolver(baseUrl));
const suite = new DataIntegrityProof({cryptosuite});
const checkStatus = async () => ({verified: true});

function errorsOf(result) {
  const errors = [result.error, ...(result.results || []).map(r => r.error)].filter(Boolean);
  return errors.flatMap(e => e.errors || [e]).map(e => e.message || String(e));
}

try {
  const credential = await issue(baseUrl, token, exampleDegree(), 'eddsa-rdfc-2022');
  const good = await vc.verifyCredential({credential, suite, documentLoader: loader, checkStatus});
  results.check('node credential verifies', good.verified === true,
    good.verified ? credential.proof.verificationMethod : errorsOf(good));

  const tampered = structuredClone(credential);
  tampered.credentialSubject.degree.name = 'Doctor of Philosophy';
  const bad = await vc.verifyCredential({credential: tampered, suite, documentLoader: loader,
    checkStatus});
  results.check('tampered copy fails (invalid signature)',
    bad.verified === false && errorsOf(bad).includes('Invalid signature.'), errorsOf(bad));
} catch(e) {
  results.check('no error', false, String(e.stack || e));
}
results.print();
