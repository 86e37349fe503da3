import { HttpError } from '@mytoutatice/server-kit';

// One dictionary member of RFC 9530's Content-Digest (an RFC 8941 structured field): an
// algorithm key, `=`, a byte sequence `:base64:`, optional parameters.
const MEMBER = /^([a-z*][a-z0-9_.*-]*)=:([A-Za-z0-9+/]*={0,2}):(?:;[^,]*)?$/;

function invalid(detail: string): HttpError {
  return new HttpError(400, 'invalid_digest', detail);
}

/**
 * The SHA-256 the client announced in `Content-Digest: sha-256=:<base64>:`, or undefined when it
 * sent no header. A malformed header, or one without sha-256, is a 400 `invalid_digest`: a client
 * that asked for an integrity check must not silently get none.
 */
export function parseContentDigest(header: string | undefined): Buffer | undefined {
  if (header === undefined) return undefined;
  if (header.length > 1024) throw invalid('L’en-tête Content-Digest est trop long.');
  let sha256: Buffer | undefined;
  for (const member of header.split(',')) {
    const match = MEMBER.exec(member.trim());
    if (!match) throw invalid('L’en-tête Content-Digest est mal formé (attendu : sha-256=:<base64>:).');
    const [, algorithm, base64 = ''] = match;
    if (base64.length % 4 !== 0) throw invalid('L’empreinte n’est pas du base64 valide.');
    if (algorithm === 'sha-256') sha256 = Buffer.from(base64, 'base64');
  }
  if (!sha256) throw invalid('Seul l’algorithme sha-256 est pris en charge dans Content-Digest.');
  if (sha256.length !== 32) throw invalid('Une empreinte sha-256 fait 32 octets.');
  return sha256;
}
