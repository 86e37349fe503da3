import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '@mytoutatice/server-kit';
import { ifHolds, parseIfHeader, submittedTokens } from './if-header.ts';

const ETAG = '"4d6f"';
const state = { etag: ETAG, lockTokens: ['urn:lock:a'] };

describe(parseIfHeader.name, () => {
  it('reads untagged and tagged lists, Not, state tokens and entity tags', () => {
    expect(parseIfHeader('(<urn:lock:a> ["4d6f"]) (Not <DAV:no-lock>)')).toEqual([
      { resource: undefined, conditions: [{ not: false, token: 'urn:lock:a' }, { not: false, etag: ETAG }] },
      { resource: undefined, conditions: [{ not: true, token: 'DAV:no-lock' }] },
    ]);
    expect(parseIfHeader('<http://h/dav/files/x> (<urn:lock:a>)')).toEqual([
      { resource: 'http://h/dav/files/x', conditions: [{ not: false, token: 'urn:lock:a' }] },
    ]);
  });

  it('holds when one list has all its conditions true, as litmus’s conditional PUTs expect', () => {
    const holds = (header: string) => ifHolds(parseIfHeader(header), () => state);
    expect(holds('(<urn:lock:a> ["4d6f"])')).toBe(true);
    expect(holds('(<DAV:no-lock> ["4d6f"])')).toBe(false);
    expect(holds('(<urn:lock:ax>) (Not <DAV:no-lock>)')).toBe(true);
    expect(holds('(<urn:lock:a> ["beef"]) (Not <DAV:no-lock> ["beef"])')).toBe(false);
    expect(holds('(Not <urn:lock:a>)')).toBe(false);
  });

  it('submits the tokens named without Not', () => {
    expect([...submittedTokens(parseIfHeader('(<urn:lock:a>) (Not <urn:lock:b>)'))]).toEqual(['urn:lock:a']);
  });

  it('turns anything malformed into a 400, never another error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (header) => {
        try {
          parseIfHeader(header);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect((error as HttpError).status).toBe(400);
        }
      }),
    );
    for (const bad of ['(', '(<a>', '()', '[x]', '(<a>) junk', '(Not)']) expect(() => parseIfHeader(bad)).toThrow(HttpError);
  });
});
