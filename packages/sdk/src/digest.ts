import { contentDigest } from '@mytoutatice/contract';

/**
 * Base64 SHA-256 of a blob, with Web Crypto. Web Crypto has no streaming digest, so the whole
 * file is read in memory once: fine for the sizes the Drive accepts today.
 */
export async function sha256Base64(blob: Blob): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  let binary = '';
  for (const byte of hash) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** RFC 9530 `Content-Digest` header value for a blob: `sha-256=:<base64>:`. */
export async function contentDigestOf(blob: Blob): Promise<string> {
  return contentDigest(await sha256Base64(blob));
}
