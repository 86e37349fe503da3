import { describe, expect, it } from 'vitest';
import { contentDigestOf, sha256Base64 } from './digest.ts';

describe(sha256Base64.name, () => {
  it('hashes the bytes of a blob', async () => {
    expect(await sha256Base64(new Blob(['hello']))).toBe('LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=');
    expect(await sha256Base64(new Blob([]))).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('gives the RFC 9530 Content-Digest value', async () => {
    expect(await contentDigestOf(new Blob(['hello']))).toBe('sha-256=:LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=:');
  });
});
