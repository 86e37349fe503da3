import ICAL from 'ical.js';
import { splitCards, type CardProblem } from './split-cards.ts';
import { decodeBytes, isVcard21, vcard21To30 } from './vcard21.ts';

/** A card read from a file: where it starts (1-based line) and what ical.js made of it (3.0 or 4.0). */
export type ReadCard = { line: number; card: ICAL.Component };

export type VcardReading = { cards: ReadCard[]; problems: CardProblem[] };

/**
 * Every card of a .vcf file, whatever its version (2.1 is rewritten as 3.0 first), each parsed on
 * its own by ical.js: a card it cannot read is one problem, with its line and why, and the others
 * are read all the same. Bytes that are not UTF-8 are read as windows-1252.
 */
export function readVcards(input: Uint8Array | string): VcardReading {
  const text = typeof input === 'string' ? input : decodeBytes(input);
  const { cards: texts, problems } = splitCards(text.replace(/^\uFEFF/, ''));
  const cards: ReadCard[] = [];
  for (const { text: cardText, line } of texts) {
    try {
      const parsed: unknown = ICAL.parse(isVcard21(cardText) ? vcard21To30(cardText) : cardText);
      const card = new ICAL.Component(parsed as unknown[]);
      if (card.name !== 'vcard') throw new Error(`a ${card.name} component`);
      cards.push({ line, card });
    } catch (error) {
      problems.push({ line, reason: `Carte illisible : ${error instanceof Error ? error.message : String(error)}.` });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { cards, problems };
}
