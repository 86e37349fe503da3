import fc from 'fast-check';

/**
 * Characters that break naive name handling: path separators and dots, C0/DEL/C1 controls,
 * bidi overrides and isolates, zero-width and non-breaking spaces, combining marks and their
 * precomposed forms (NFC/NFD), compatibility forms, emoji sequences, lone surrogates.
 */
const trickyUnit = fc.constantFrom(
  '.', '/', '\\', ' ', '\u0000', '\u0009', '\u001f', '\u007f', '\u0085', '\u009f',
  '\u202a', '\u202d', '\u202e', '\u2066', '\u2069', '\u200b', '\u200d', '\u200e', '\ufeff', '\u00a0', '\u2028',
  'a', 'Z', '-', '(', ')', '%', '?', '#', '&', '+', '"', "'", ':', '*',
  'e', '\u0301', '\u0308', 'é', 'ü', '\u212b', 'Å', 'ﬁ', '\u1100', '\u1161', '한', 'ع', 'א',
  '😀', '👩‍👩‍👧', '🇫🇷', '\ud800', '\udfff',
);

/** Reserved and dot-only names, with and without padding. */
const dotted = fc.constantFrom('.', '..', '...', ' .', '.. ', './', '../x', '..\\x', '/..', 'a/../b');

/** Names around the byte limit, with no extension, a short one, or one that takes nearly all of it. */
const aroundTheLimit = fc
  .tuple(
    fc.integer({ min: 240, max: 270 }),
    fc.constantFrom('', '.pdf', '.tar.gz', `.${'x'.repeat(248)}`),
    fc.constantFrom('a', 'é', '😀'),
  )
  .map(([bytes, extension, unit]) => {
    const unitBytes = new TextEncoder().encode(unit).byteLength;
    return unit.repeat(Math.max(1, Math.floor((bytes - extension.length) / unitBytes))) + extension;
  });

/** Any string a caller might send as a file or folder name, weighted towards trouble. */
export const nameLike: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: trickyUnit, maxLength: 24 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 120 }), weight: 2 },
  { arbitrary: dotted, weight: 1 },
  { arbitrary: aroundTheLimit, weight: 1 },
  { arbitrary: fc.string({ unit: trickyUnit, maxLength: 24 }).map((name) => name.normalize('NFD')), weight: 1 },
);

/** A plausible name whose NFD form differs from its NFC form (an accent, a Hangul syllable…). */
export const accentedName: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ unit: fc.constantFrom('a', 'b', 'x', '-', '_', '1'), maxLength: 8 }),
    fc.constantFrom('é', 'ü', 'Å', 'ñ', 'ç', '한', 'ḱ'),
    fc.string({ unit: fc.constantFrom('a', 'é', 'o', ' ', '2'), maxLength: 8 }),
    fc.constantFrom('', '.txt', '.pdf'),
  )
  .map(([before, accented, after, extension]) => `${before}${accented}${after}`.trim() + extension)
  .filter((name) => name !== '' && !name.startsWith('.'));
