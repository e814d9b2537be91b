// What the interop scripts share: HTTP calls to the node, the result they print, a DID resolver for
// the node's did:web and a JSON-LD document loader that serves contexts from the repo's bundled
// copies (vocab/src/main/resources/baton/contexts, read in place: nothing is copied or fetched).
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';
import {Resolver} from 'did-resolver';

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
 * did-resolver with a did:web method that reads the node's own base URL. web-did-resolver always
 * calls https://HOST/.well-known/did.json (cross-fetch, no way to name another URL or trust
 * store), so it cannot reach a node on loopback http; this method does the same over baseUrl.
 */
export function nodeResolver(baseUrl) {
  return new Resolver({
    web: async (did, parsed) => {
      const response = await fetch(`${baseUrl}/.well-known/did.json`);
      if(!response.ok) {
        return {didResolutionMetadata: {error: 'notFound'}, didDocument: null,
          didDocumentMetadata: {}};
      }
      const didDocument = await response.json();
      if(didDocument.id !== parsed.did) {
        return {didResolutionMetadata: {error: 'invalidDid',
          message: `document ${didDocument.id} is not ${parsed.did}`},
        didDocument: null, didDocumentMetadata: {}};
      }
      return {didResolutionMetadata: {contentType: 'application/did+json'}, didDocument,
        didDocumentMetadata: {}};
    }
  });
}

/** The verification method a DID URL names in the node's DID document (resolved afresh). */
export async function verificationMethod(resolver, didUrl) {
  const {didDocument, didResolutionMetadata} = await resolver.resolve(didUrl.split('#')[0]);
  if(!didDocument) throw new Error(`cannot resolve ${didUrl}: ${didResolutionMetadata.error}`);
  const method = (didDocument.verificationMethod || []).find(m =>
    m.id === didUrl || didDocument.id + m.id === didUrl);
  if(!method) throw new Error(`no verification method ${didUrl}`);
  return {didDocument, method};
}

/**
 * A JSON-LD document loader: the contexts the repo bundles (by the index its Java loader uses) and
 * the node's did:web documents and their verification methods; anything else is refused.
 */
export function documentLoader(resolver) {
  const index = JSON.parse(readFileSync(join(CONTEXTS, 'index.json'), 'utf8'));
  const files = new Map(index.contexts.filter(c => !c.file.startsWith('/'))
    .map(c => [c.url, join(CONTEXTS, c.file)]));
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
      const {didDocument} = await resolver.resolve(url);
      if(!didDocument) throw new Error(`cannot resolve ${url}`);
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    throw new Error(`document loader: ${url} is not bundled (nothing is fetched)`);
  };
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
