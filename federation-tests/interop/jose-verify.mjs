// panva jose verifies the node's vc+jwt with the publicKeyJwk of the verification method its kid
// names in the issuer's DID document (did:web resolved over https with did-resolver and
// web-did-resolver); a tampered copy fails. The status: the status list credential its entry names
// is fetched from the node over https as application/vc+jwt, verified with jose the same way, and
// its encodedList decoded here (GZIP, multibase base64url; the same bit as Digital Bazaar's
// decodeList reads): the credential's bit is 0 when issued, 1 once the credential is revoked with
// POST /credentials/status.
// Usage: NODE_EXTRA_CA_CERTS=ca.pem node jose-verify.mjs HTTPS_BASE_URL ADMIN_TOKEN
import {compactVerify, decodeProtectedHeader, importJWK} from 'jose';
import {decodeList} from '@digitalbazaar/vc-bitstring-status-list';
import {args, describe, didResolver, exampleDegree, get, issue, jwtOf, Results, revoke,
  statusBit, statusEntries, verificationMethod} from './lib.mjs';

const {baseUrl, token} = args();
const results = new Results('jose-verify');
const resolver = didResolver();

// Verifies a compact JWS with the JsonWebKey its kid names in the DID document; header and claims.
async function verifyJws(jwt) {
  const header = decodeProtectedHeader(jwt);
  const {method} = await verificationMethod(resolver, header.kid);
  if(method.type !== 'JsonWebKey' || !method.publicKeyJwk) {
    throw new Error(`${header.kid} is a ${method.type}, not a JsonWebKey`);
  }
  const key = await importJWK(method.publicKeyJwk, header.alg);
  const {payload} = await compactVerify(jwt, key, {algorithms: [header.alg]});
  return {header, key, claims: JSON.parse(new TextDecoder().decode(payload))};
}

const issuerOf = claims => typeof claims.issuer === 'string' ? claims.issuer : claims.issuer?.id;

// The revocation bit of the credential in its status list credential, fetched and verified now.
async function revocationBit(claims) {
  const [entry] = statusEntries(claims, 'revocation');
  const list = await get(entry.statusListCredential, 'application/vc+jwt');
  const {header, claims: listClaims} = await verifyJws(list.body.trim());
  const subject = listClaims.credentialSubject || {};
  if(header.typ !== 'vc+jwt' || !listClaims.type?.includes('BitstringStatusListCredential') ||
    subject.type !== 'BitstringStatusList' || subject.statusPurpose !== 'revocation' ||
    issuerOf(listClaims) !== issuerOf(claims)) {
    throw new Error(`not the issuer's revocation list: ${JSON.stringify({typ: header.typ,
      type: listClaims.type, subject: subject.type, purpose: subject.statusPurpose,
      issuer: issuerOf(listClaims)})}`);
  }
  const byHand = statusBit(subject.encodedList, entry.statusListIndex);
  const digitalBazaar = (await decodeList({encodedList: subject.encodedList}))
    .getStatus(Number.parseInt(entry.statusListIndex, 10));
  if(digitalBazaar !== (byHand.bit === 1)) {
    throw new Error(`decoded by hand ${byHand.bit}, by vc-bitstring-status-list ${digitalBazaar}`);
  }
  return {contentType: list.contentType, ...byHand};
}

try {
  const issued = await issue(baseUrl, token, exampleDegree(), 'vc+jwt');
  const jwt = jwtOf(issued);
  const header = decodeProtectedHeader(jwt);
  results.check('header typ vc+jwt', header.typ === 'vc+jwt', header);
  const {method} = await verificationMethod(resolver, header.kid);
  results.check('kid names a JsonWebKey method',
    method.type === 'JsonWebKey' && Boolean(method.publicKeyJwk), {kid: header.kid,
      type: method.type});
  const {key, claims} = await verifyJws(jwt);
  const issuer = issuerOf(claims);
  results.check('signature verifies, by a key of the issuer',
    issuer === header.kid.split('#')[0] &&
      issuer === `did:web:${encodeURIComponent(new URL(baseUrl).host)}`,
    {alg: header.alg, issuer});
  results.check('@context is an array starting with the v2 context',
    Array.isArray(claims['@context']) &&
      claims['@context'][0] === 'https://www.w3.org/ns/credentials/v2', claims['@context']);

  const [h, , s] = jwt.split('.');
  const forgedClaims = structuredClone(claims);
  forgedClaims.credentialSubject.degree.name = 'Doctor of Philosophy';
  const forged = `${h}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${s}`;
  let refused;
  try {
    await compactVerify(forged, key, {algorithms: [header.alg]});
    refused = false;
  } catch(e) {
    refused = e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
  }
  results.check('tampered copy fails', refused, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');

  results.check('one revocation entry', statusEntries(claims, 'revocation').length === 1,
    claims.credentialStatus);
  const before = await revocationBit(claims);
  results.check('status list vc+jwt verified, bit 0 (not revoked)',
    before.bit === 0 && before.contentType.startsWith('application/vc+jwt'), before);
  results.check('status list is at least 16 KB uncompressed', before.bytes >= 16384,
    before.bytes);

  const change = await revoke(baseUrl, token, claims.id);
  results.check('revoked (200)', change.status === 200, change.status);
  const after = await revocationBit(claims);
  results.check('after revocation: status list vc+jwt verified, bit 1 (revoked)',
    after.bit === 1, after);
} catch(e) {
  results.check('no error', false, describe(e, {stack: true}));
}
results.print();
