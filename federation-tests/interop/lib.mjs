// What the interop scripts share: HTTP calls to the node, the result they print, a DID resolver for
// the node's did:web and a JSON-LD document loader that serves contexts from the repo's bundled
// copies (vocab/src/main/resources/baton/contexts, read in place: nothing is copied or fetched).
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import {Resolver} from 'did-resolver';
import {getResolver} from 'web-did-resolver';

const CONTEXTS = join(dirname(fileURLToPath(import.meta.url)),
  '../../vocab/src/main/resources/baton/contexts');

/** The node's base URL and admin token from the command line (or BATON_ADMIN_TOKEN). */
export function args() {
  const [baseUrl, token = process.env.BATON_ADMIN_TOKEN] = process.argv.slice(2);
  if(!baseUrl || !token) {
    console.error('usage: node <script> BASE_URL ADMIN_TOKEN (or BATON_ADMIN_TOKEN)');
    process.exit(2);
  }
  return {baseUrl: baseUrl.replace(/\/$/, ''), token};
}

/** Collects named checks and prints them as one JSON object; exit 1 if any failed. */
export class Results {
  constructor(name) {
    this.name = name;
    this.checks = [];
  }
  check(name, ok, detail) {
    this.checks.push({name, ok: Boolean(ok), detail});
  }
  print() {
    const ok = this.checks.length > 0 && this.checks.every(c => c.ok);
    console.log(JSON.stringify({script: this.name, ok, checks: this.checks}, null, 2));
    process.exitCode = ok ? 0 : 1;
  }
}

/** POST a JSON body; {status, contentType, body}. */
export async function post(url, body, token) {
  const headers = {'content-type': 'application/json', accept: 'application/json'};
  if(token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, {method: 'POST', headers, body: JSON.stringify(body)});
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = {text};
  }
  return {status: response.status, contentType: response.headers.get('content-type'), body: json};
}

/** A plain VC 2.0 credential, the shape of the data model's examples; nothing of BATON in it. */
export function exampleDegree() {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/ns/credentials/examples/v2'
    ],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'ExampleDegreeCredential'],
    credentialSubject: {
      id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
      degree: {type: 'ExampleBachelorDegree', name: 'Bachelor of Science and Arts'}
    }
  };
}

/** The VC API issue request for one securing format, asking for a revocation status entry. */
export function issueRequest(credential, format) {
  return {
    credential,
    options: {
      format,
      credentialStatus: {type: 'BitstringStatusListEntry', statusPurpose: 'revocation'}
    }
  };
}

/** POST /credentials/issue; the verifiableCredential, or throws with the node's answer. */
export async function issue(baseUrl, token, credential, format) {
  const answer = await post(`${baseUrl}/credentials/issue`, issueRequest(credential, format), token);
  if(answer.status !== 201) {
    throw new Error(`issue ${format}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body.verifiableCredential;
}

/**
 * did-resolver with web-did-resolver's did:web method, unchanged: did:web:HOST%3APORT is read from
 * https://HOST:PORT/.well-known/did.json (a path form from https://HOST:PORT/PATH/did.json), over
 * https with Node's trust store (NODE_EXTRA_CA_CERTS names a local CA).
 */
export function didResolver() {
  return new Resolver(getResolver());
}

/** The verification method a DID URL names in the node's DID document (resolved afresh). */
export async function verificationMethod(resolver, didUrl) {
  const {didDocument, didResolutionMetadata} = await resolver.resolve(didUrl.split('#')[0]);
  if(!didDocument) {
    throw new Error(`cannot resolve ${didUrl}: ${didResolutionMetadata.error} ` +
      (didResolutionMetadata.message || ''));
  }
  const method = (didDocument.verificationMethod || []).find(m =>
    m.id === didUrl || didDocument.id + m.id === didUrl);
  if(!method) throw new Error(`no verification method ${didUrl}`);
  return {didDocument, method};
}

/**
 * A JSON-LD document loader: the contexts the repo bundles (by the index its Java loader uses), the
 * did:web documents and their verification methods (resolved with {@link didResolver}), and the
 * status list credentials of the node at baseUrl, fetched from it over https as JSON-LD
 * (application/vc); anything else is refused, so nothing comes from the internet.
 */
export function documentLoader(resolver, baseUrl) {
  const index = JSON.parse(readFileSync(join(CONTEXTS, 'index.json'), 'utf8'));
  const files = new Map(index.contexts.filter(c => !c.file.startsWith('/'))
    .map(c => [c.url, join(CONTEXTS, c.file)]));
  const node = new URL(baseUrl);
  return async url => {
    if(files.has(url)) {
      return {contextUrl: null, documentUrl: url,
        document: JSON.parse(readFileSync(files.get(url), 'utf8'))};
    }
    if(url.startsWith('did:web:')) {
      if(url.includes('#')) {
        const {didDocument, method} = await verificationMethod(resolver, url);
        return {contextUrl: null, documentUrl: url,
          document: {'@context': didDocument['@context'], ...method}};
      }
      const {didDocument, didResolutionMetadata} = await resolver.resolve(url);
      if(!didDocument) {
        throw new Error(`cannot resolve ${url}: ${didResolutionMetadata.message || ''}`);
      }
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    if(node.protocol === 'https:' && new URL(url).origin === node.origin) {
      const {body} = await get(url, 'application/vc');
      return {contextUrl: null, documentUrl: url, document: JSON.parse(body)};
    }
    throw new Error(`document loader: ${url} is neither bundled nor the node's (nothing else ` +
      'is fetched)');
  };
}

/** GET with this Accept header; {contentType, body} of a 200 answer, or throws. */
export async function get(url, accept) {
  const response = await fetch(url, {headers: {accept}});
  const body = await response.text();
  if(response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body}`);
  return {contentType: response.headers.get('content-type'), body};
}

/** The credential's BitstringStatusListEntry entries of this purpose. */
export function statusEntries(credential, purpose) {
  const entries = [credential.credentialStatus || []].flat();
  return entries.filter(e => e.type === 'BitstringStatusListEntry' &&
    e.statusPurpose === purpose);
}

/**
 * The bit at index of an encodedList, decoded as the W3C Bitstring Status List says: multibase
 * base64url ('u' prefix, no padding) of the GZIP of the bitstring, whose index 0 is the left-most
 * bit of the first byte; and the uncompressed length in bytes (at least 16 KB by the spec).
 */
export function statusBit(encodedList, index) {
  if(typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new Error(`encodedList is not multibase base64url: ${String(encodedList).slice(0, 20)}`);
  }
  const bitstring = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  const position = Number.parseInt(index, 10);
  if(!(position >= 0 && position < bitstring.length * 8)) {
    throw new Error(`statusListIndex ${index} is outside a list of ${bitstring.length * 8} bits`);
  }
  const bit = (bitstring[position >> 3] >> (7 - (position & 7))) & 1;
  return {bit, bytes: bitstring.length};
}

/** POST /credentials/status revoking the credential with this id; the node's answer. */
export async function revoke(baseUrl, token, credentialId) {
  return post(`${baseUrl}/credentials/status`, {
    credentialId,
    credentialStatus: [{type: 'BitstringStatusListEntry', status: 'revoked'}]
  }, token);
}

/**
 * An error's message with its causes (fetch puts the TLS or socket error in cause), and the stack
 * of the first when asked.
 */
export function describe(error, {stack = false} = {}) {
  const lines = [];
  for(let e = error; e; e = e.cause) {
    const message = e === error && stack && e.stack ? e.stack : (e.message || String(e));
    lines.push(e.code ? `${e.code}: ${message}` : message);
  }
  return lines.join('\ncaused by ');
}

/** The compact JWS inside an EnvelopedVerifiableCredential (or the string itself). */
export function jwtOf(verifiableCredential) {
  if(typeof verifiableCredential === 'string') return verifiableCredential;
  const id = verifiableCredential.id || '';
  const comma = id.indexOf(',');
  if(!id.startsWith('data:application/vc+jwt') || comma < 0) {
    throw new Error(`not an enveloped vc+jwt: ${id.slice(0, 40)}`);
  }
  return id.slice(comma + 1);
}
