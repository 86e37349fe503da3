import { describe, expect, it } from 'vitest';
import { readVcards } from './read-vcards.ts';
import { toVcard4 } from './vcard4.ts';

const crlf = (lines: string[]) => lines.join('\r\n');
const value = (reading: ReturnType<typeof readVcards>, at: number, name: string) => reading.cards[at]?.card.getFirstPropertyValue(name);

describe(readVcards.name, () => {
  it('reads an Outlook vCard 2.1: bare parameters, quoted-printable with soft breaks, windows-1252', () => {
    const outlook = Buffer.from(
      crlf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=Windows-1252:L=E9vy;H=E9l=E8ne',
        'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:H=E9l=E8ne L=E9vy',
        'TEL;CELL;PREF:+33 6 11 22 33 44',
        'NOTE;ENCODING=QUOTED-PRINTABLE:Professeure de fran=C3=A7ais=0D=0A=',
        'Coll=C3=A8ge Anne de Bretagne',
        'END:VCARD',
      ]),
      'latin1',
    );
    const reading = readVcards(outlook);
    expect(reading.problems).toEqual([]);
    expect(value(reading, 0, 'fn')).toBe('Hélène Lévy');
    expect(value(reading, 0, 'note')).toBe('Professeure de français\nCollège Anne de Bretagne');
    expect(reading.cards[0]?.card.getFirstProperty('tel')?.getParameter('type')).toEqual(['CELL', 'PREF']);
  });

  it('reads an old Android 2.1 card whose base64 photo runs over unindented lines up to a blank one, and writes it as a data: URI', () => {
    const reading = readVcards(
      crlf(['BEGIN:VCARD', 'VERSION:2.1', 'N:Martin;Paul;;;', 'FN:Paul Martin', 'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ', 'SkZJRg==', '', 'TEL;HOME;VOICE:02 99 00 11 22', 'END:VCARD']),
    );
    expect(reading.problems).toEqual([]);
    const card = reading.cards[0]?.card;
    if (!card) throw new Error('no card');
    expect(card.getFirstPropertyValue('tel')).toBe('02 99 00 11 22');
    expect(toVcard4(card)).toContain('PHOTO:data:image/jpeg;base64,/9j/4AAQSkZJRg==');
  });

  it('reports a broken card on its own, with its line, and reads the others', () => {
    const reading = readVcards(
      crlf([
        'BEGIN:VCARD', 'VERSION:3.0', 'FN:Avant', 'END:VCARD',
        'BEGIN:VCARD', 'VERSION:3.0', 'FN;TYPE="non fermé:Cassée', 'END:VCARD',
        'BEGIN:VCARD', 'VERSION:4.0', 'FN:Après', 'END:VCARD',
        'BEGIN:VCARD', 'VERSION:3.0', 'FN:Tronquée',
      ]),
    );
    expect(reading.cards.map(({ card }) => card.getFirstPropertyValue('fn'))).toEqual(['Avant', 'Après']);
    expect(reading.problems.map(({ line }) => line)).toEqual([5, 13]);
    expect(reading.problems[1]?.reason).toMatch(/incomplète/);
  });

  it('reads Google’s 3.0 with a folded line and an embedded photo, and writes it as 4.0 without losing a property', () => {
    const reading = readVcards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Jeanne Dupont',
        'N:Dupont;Jeanne;;;',
        'EMAIL;TYPE=INTERNET;TYPE=HOME:jeanne@exam',
        ' ple.org',
        'TEL;TYPE=CELL:+33 6 12 34 56 78',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==',
        'X-ADDRESSBOOKSERVER-KIND:group',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1234',
        'item1.X-ABLabel:Collège',
        'X-CUSTOM;X-P=1:valeur',
        'END:VCARD',
      ]),
    );
    expect(value(reading, 0, 'email')).toBe('jeanne@example.org');
    const card = reading.cards[0]?.card;
    if (!card) throw new Error('no card');
    const v4 = toVcard4(card);
    expect(v4).toContain('VERSION:4.0');
    expect(v4).toContain('PHOTO:data:image/jpeg;base64,/9j/4AAQSkZJRg==');
    expect(v4).toContain('TEL;TYPE=CELL;VALUE=TEXT:+33 6 12 34 56 78');
    expect(v4).toContain('KIND:group');
    expect(v4).toContain('MEMBER:urn:uuid:1234');
    expect(v4).toContain('X-CUSTOM;X-P=1:valeur');
    expect(v4).toMatch(/X-ABLABEL:Collège/i);
    // And 4.0 reads back to the same card.
    const again = readVcards(v4);
    expect(again.problems).toEqual([]);
    expect(toVcard4(again.cards[0]!.card)).toBe(v4);
  });
});
