// panva jose verifies the node's vc+jwt with the publicKeyJwk of the verification method its kid
// names in the node's DID document (resolved with did-resolver); a tampered copy fails.
// Usage: node jose-verify.mjs BASE_URL ADMIN_TOKEN
import {compactVerify, decodeProtectedHeader, importJWK} from 'jose';
import {args, exampleDegree, issue, jwtOf, nodeResolver, Results, verificationMethod}
  from './lib.mjs';

const {baseUrl, token} = args();
const results = new Results('jose-verify');
const resolver = nodeResolver(baseUrl);

try {
  const jwt = jwtOf(await issue(baseUrl, token, exampleDegree(), 'vc+jwt'));
  const header = decodeProtectedHeader(jwt);
  results.check('header typ vc+jwt', header.typ === 'vc+jwt', header);
  const {method} = await verificationMethod(resolver, header.kid);
  results.check('kid names a JsonWebKey method',
    method.type === 'JsonWebKey' && Boolean(method.publicKeyJwk), {kid: header.kid,
      type: method.type});
  const key = await importJWK(method.publicKeyJwk, header.alg);
  const {payload, protectedHeader} = await compactVerify(jwt, key, {algorithms: [header.alg]});
  const claims = JSON.parse(new TextDecoder().decode(payload));
  const issuer = typeof claims.issuer === 'string' ? claims.issuer : claims.issuer?.id;
  results.check('signature verifies, by a key of the issuer',
    protectedHeader.kid === header.kid && issuer === header.kid.split('#')[0],
    {alg: protectedHeader.alg, issuer});
  results.check('@context is an array starting with the v2 context',
    Array.isArray(claims['@context']) &&
      claims['@context'][0] === 'https://www.w3.org/ns/credentials/v2', claims['@context']);

  const [h, , s] = jwt.split('.');
  claims.credentialSubject.degree.name = 'Doctor of Philosophy';
  const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
  let refused;
  try {
    await compactVerify(forged, key, {algorithms: [header.alg]});
    refused = false;
  } catch(e) {
    refused = e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
  }
  results.check('tampered copy fails', refused, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
} catch(e) {
  results.check('no error', false, String(e.stack || e));
}
results.print();
