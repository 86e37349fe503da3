import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readVcards } from './read-vcards.ts';
import { toVcard4 } from './vcard4.ts';

/** Text a person may type: any character but the controls a card cannot carry. */
const typed = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => !/\p{Cc}/u.test(text) && text.trim() !== '');

describe(`${readVcards.name}, on any input`, () => {
  it('never throws on any bytes, and accounts for every card it met: read, or a problem with its line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')), fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:2.1', 'VERSION:3.0', 'FN:A', 'N;CELL:=', '\r\n', ' ')), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('\r\n');
        const reading = readVcards(Buffer.from(text, 'latin1'));
        const begins = text.split(/\r\n|\r|\n/).filter((line) => /^begin:vcard\s*$/i.test(line)).length;
        expect(reading.cards.length + reading.problems.length).toBeLessThanOrEqual(begins);
        for (const problem of reading.problems) expect(problem.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps names, emails and notes with commas, semicolons, line breaks and any script through 3.0 → 4.0 → read', () => {
    fc.assert(
      fc.property(typed, fc.emailAddress(), fc.array(typed, { maxLength: 3 }), (name, email, noteLines) => {
        const card = new ICAL.Component('vcard');
        card.addPropertyWithValue('version', '3.0');
        card.addPropertyWithValue('fn', name);
        card.addPropertyWithValue('email', email);
        const note = noteLines.join('\n');
        if (note !== '') card.addPropertyWithValue('note', note);
        const reading = readVcards(toVcard4(new ICAL.Component(ICAL.parse(card.toString()) as unknown[])));
        expect(reading.problems).toEqual([]);
        const read = reading.cards[0]?.card;
        expect(read?.getFirstPropertyValue('fn')).toBe(name);
        expect(read?.getFirstPropertyValue('email')).toBe(email);
        expect(read?.getFirstPropertyValue('note') ?? '').toBe(note);
      }),
      { numRuns: 200 },
    );
  });
});

describe(`${readVcards.name}, on nasty files`, () => {
  it('unfolds a value folded at every character', () => {
    const folded = 'Élise Martin-Dubois'.split('').join('\r\n ');
    const reading = readVcards(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${folded}\r\nEND:VCARD\r\n`);
    expect(reading.cards[0]?.card.getFirstPropertyValue('fn')).toBe('Élise Martin-Dubois');
  });

  it('reads latin-1 bytes in a file that says nothing of its charset as windows-1252', () => {
    const reading = readVcards(Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gaëlle Noël\r\nEND:VCARD\r\n', 'latin1'));
    expect(reading.cards[0]?.card.getFirstPropertyValue('fn')).toBe('Gaëlle Noël');
  });

  it('reads 5,000 cards with a broken one among them, reporting only that one', () => {
    const cards = Array.from({ length: 5000 }, (_, n) => (n === 2500 ? 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN;X="x:cassée\r\nEND:VCARD' : `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact ${n}\r\nEND:VCARD`));
    const reading = readVcards(cards.join('\r\n'));
    expect(reading.cards).toHaveLength(4999);
    expect(reading.problems).toEqual([{ line: 2500 * 4 + 1, reason: expect.stringMatching(/^Carte illisible/) }]);
  });

  it('reads nothing and reports nothing in a file with no card (an image renamed .vcf)', () => {
    expect(readVcards(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ cards: [], problems: [] });
  });
});
