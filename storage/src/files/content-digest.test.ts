import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContentDigest } from './content-digest.ts';
import { HttpError } from '@mytoutatice/server-kit';

describe(parseContentDigest.name, () => {
  it('reads the sha-256 member among others', () => {
    const digest = Buffer.alloc(32, 7);
    const header = `sha-512=:${Buffer.alloc(64).toString('base64')}:, sha-256=:${digest.toString('base64')}:`;
    expect(parseContentDigest(header)).toEqual(digest);
    expect(parseContentDigest(undefined)).toBeUndefined();
  });

  it('round-trips any 32-byte digest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        expect(parseContentDigest(`sha-256=:${Buffer.from(bytes).toString('base64')}:`)).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('refuses anything else with a 400 invalid_digest, never another error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (header) => {
        try {
          expect(parseContentDigest(header)).toHaveLength(32);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect((error as HttpError).code).toBe('invalid_digest');
        }
      }),
    );
  });
});
