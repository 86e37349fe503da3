import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, checkName, numberedName } from './names.ts';
import { accentedName, nameLike } from './testing/name-arbitraries.ts';

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_OVERRIDE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe(checkName.name, () => {
  it('accepts only NFC, trimmed, well-formed names of 1 to 255 UTF-8 bytes, free of separators and controls', () => {
    fc.assert(
      fc.property(nameLike, (raw) => {
        const check = checkName(raw);
        if (!check.ok) {
          expect(check.reason).not.toBe('');
          return;
        }
        const { name } = check;
        expect(name).toBe(raw.normalize('NFC'));
        expect(name).toBe(name.trim());
        expect(name).not.toBe('');
        expect(['.', '..']).not.toContain(name);
        expect(name).not.toMatch(/[/\\]/);
        expect(name).not.toMatch(CONTROL_OR_OVERRIDE);
        expect(name).not.toMatch(/\p{Cs}/u);
        expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same verdict for every normalization form of a name, and is idempotent', () => {
    fc.assert(
      fc.property(nameLike, (raw) => {
        const nfc = checkName(raw.normalize('NFC'));
        expect(checkName(raw.normalize('NFD'))).toEqual(nfc);
        expect(checkName(raw)).toEqual(nfc);
        if (nfc.ok) expect(checkName(nfc.name)).toEqual(nfc);
      }),
      { numRuns: 2000 },
    );
  });

  it('stores the NFD and NFC spellings of an accented name as one name', () => {
    fc.assert(
      fc.property(accentedName, (name) => {
        expect(name.normalize('NFD')).not.toBe(name.normalize('NFC'));
        expect(checkName(name.normalize('NFD'))).toEqual({ ok: true, name: name.normalize('NFC') });
      }),
    );
  });

  it('refuses a valid name once a separator, a control or a bidi override is slipped into it', () => {
    const forbidden = fc.constantFrom('/', '\\', '\u0000', '\u001b', '\u007f', '\u0085', '\u202e', '\u2067');
    fc.assert(
      fc.property(accentedName, forbidden, fc.nat(), (name, bad, at) => {
        const position = at % (name.length + 1);
        expect(checkName(name.slice(0, position) + bad + name.slice(position)).ok).toBe(false);
      }),
    );
  });

  it('refuses leading or trailing whitespace and lone surrogates', () => {
    const space = fc.constantFrom(' ', '\u00a0', '\u3000', '\ufeff', '\u2028');
    const surrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
    fc.assert(
      fc.property(accentedName, space, surrogate, (name, blank, lone) => {
        expect(checkName(blank + name).ok).toBe(false);
        expect(checkName(name + blank).ok).toBe(false);
        expect(checkName(name + lone).ok).toBe(false);
        expect(checkName(lone + name).ok).toBe(false);
      }),
    );
  });

  it('refuses a name ending in a lone surrogate, which the server could only store as U+FFFD (found by the property above)', () => {
    expect(checkName('é\ud800').ok).toBe(false);
  });

  it('draws the byte limit at 255 UTF-8 bytes whatever the characters weigh', () => {
    const unit = fc.constantFrom('a', 'é', '€', '😀');
    fc.assert(
      fc.property(unit, fc.integer({ min: 1, max: 300 }), (character, count) => {
        const name = character.repeat(count);
        expect(checkName(name).ok).toBe(bytes(name) <= MAX_NAME_BYTES);
      }),
    );
  });
});

describe(numberedName.name, () => {
  it('turns a valid name into another valid name, keeping its extension', () => {
    fc.assert(
      fc.property(nameLike, fc.integer({ min: 2, max: 1000 }), (raw, n) => {
        const check = checkName(raw);
        fc.pre(check.ok && bytes(check.name) < MAX_NAME_BYTES - 8);
        if (!check.ok) return;
        const numbered = numberedName(check.name, n);
        expect(numbered).not.toBe(check.name);
        expect(checkName(numbered)).toEqual({ ok: true, name: numbered });
        const dot = check.name.lastIndexOf('.');
        if (dot > 0) expect(numbered.endsWith(check.name.slice(dot))).toBe(true);
      }),
    );
  });
});
