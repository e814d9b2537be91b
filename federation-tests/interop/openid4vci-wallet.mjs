// A wallet built on the OpenWallet Foundation's OpenID4VCI client (@openid4vc/openid4vci), which
// knows nothing of BATON: for each credential configuration the node offers (jwt_vc_json,
// ldp_vc, dc+sd-jwt), staff make an offer
// with a transaction code (the admin route), and the client resolves the offer link, reads the
// issuer and authorization server metadata, redeems the pre-authorized code with the code, gets a
// nonce, makes its key proof (a P-256 key of panva's jose, sent as jwk) and receives the
// credential, which the node's verifier then accepts. Usage: node openid4vci-wallet.mjs BASE_URL TOKEN
import {createHash, randomBytes} from 'node:crypto';
import * as jose from 'jose';
import {clientAuthenticationAnonymous} from '@openid4vc/oauth2';
import {Openid4vciClient} from '@openid4vc/openid4vci';
import {args, post, Results} from './lib.mjs';

const {baseUrl, token} = args();
const results = new Results('openid4vci-wallet');

const {publicKey, privateKey} = await jose.generateKeyPair('ES256', {extractable: true});
const publicJwk = await jose.exportJWK(publicKey);

const client = new Openid4vciClient({
  callbacks: {
    fetch,
    hash: (data, alg) => createHash(alg.replace('-', '')).update(data).digest(),
    generateRandom: length => randomBytes(length),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer, {header, payload}) => {
      const jwt = await new jose.SignJWT(payload).setProtectedHeader(header).sign(privateKey);
      return {jwt, signerJwk: publicJwk};
    }
  }
});

async function receive(configurationId) {
  const made = await post(`${baseUrl}/admin/credential-offers`,
    {course: 'kosen-mc4-ec', txCode: true, credentialConfigurationIds: [configurationId]}, token);
  results.check(`${configurationId}: offer made (201)`, made.status === 201, made.status);
  const offer = await client.resolveCredentialOffer(made.body.offerUri);
  results.check(`${configurationId}: offer resolved`, offer.credential_issuer === baseUrl,
    offer.credential_issuer);
  const metadata = await client.resolveIssuerMetadata(offer.credential_issuer);
  results.check(`${configurationId}: metadata read`,
    Boolean(metadata.credentialIssuer.credential_configurations_supported[configurationId]));
  const {accessTokenResponse} = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer: offer, issuerMetadata: metadata, txCode: made.body.txCode
  });
  results.check(`${configurationId}: access token`, Boolean(accessTokenResponse.access_token));
  const {c_nonce: nonce} = await client.requestNonce({issuerMetadata: metadata});
  const {jwt} = await client.createCredentialRequestJwtProof({
    issuerMetadata: metadata, credentialConfigurationId: configurationId, nonce,
    signer: {method: 'jwk', alg: 'ES256', publicJwk}
  });
  const response = await client.retrieveCredentials({
    issuerMetadata: metadata, accessToken: accessTokenResponse.access_token,
    credentialConfigurationId: configurationId, proofs: {jwt: [jwt]}
  });
  const credential = response.credentialResponse.credentials[0].credential;
  results.check(`${configurationId}: credential received`, Boolean(credential));
  const verified = await post(`${baseUrl}/credentials/verify`, {verifiableCredential: credential});
  results.check(`${configurationId}: the node verifies it (200)`,
    verified.status === 200 && verified.body.verified === true, verified.body);
  return credential;
}

try {
  const jwt = await receive('BatonCourseCredential_jwt_vc_json');
  const subject = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url')).credentialSubject.id;
  results.check('jwt_vc_json: bound to the wallet key (did:key)', subject.startsWith('did:key:z'),
    subject);
  const ldp = await receive('BatonCourseCredential_ldp_vc');
  results.check('ldp_vc: an eddsa-rdfc-2022 proof', ldp.proof?.cryptosuite === 'eddsa-rdfc-2022');
  const sdJwt = await receive('BatonSkillCredential_dc_sd_jwt');
  const cnf = JSON.parse(Buffer.from(sdJwt.split('~')[0].split('.')[1], 'base64url')).cnf?.jwk;
  results.check('dc+sd-jwt: bound to the wallet key (cnf.jwk)',
    cnf?.x === publicJwk.x && cnf?.y === publicJwk.y, cnf);
} catch(e) {
  results.check('flow completed', false, String(e?.stack ?? e));
}
results.print();
