/** One `BEGIN:VCARD … END:VCARD` of a file, as written, and where it starts (1-based line). */
export type CardText = { text: string; line: number };

/** What cannot be read as a card: where, and why, in French. */
export type CardProblem = { line: number; reason: string };

const BEGIN = /^begin:vcard\s*$/i;
const END = /^end:vcard\s*$/i;

/**
 * Cuts a file into its cards, before any card is parsed, so that one malformed card is reported
 * on its own and never stops the others. Cards do not nest (an AGENT card inside another, from
 * vCard 2.1, is folded into its property's value). Text between cards is ignored.
 */
export function splitCards(text: string): { cards: CardText[]; problems: CardProblem[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const cards: CardText[] = [];
  const problems: CardProblem[] = [];
  let start = -1;
  let depth = 0;
  lines.forEach((line, at) => {
    if (BEGIN.test(line)) {
      if (depth === 0) start = at;
      depth += 1;
    } else if (END.test(line) && depth > 0) {
      depth -= 1;
      if (depth === 0) cards.push({ text: lines.slice(start, at + 1).join('\r\n'), line: start + 1 });
    }
  });
  if (depth > 0) problems.push({ line: start + 1, reason: 'Carte incomplète : le fichier s’arrête avant « END:VCARD ».' });
  return { cards, problems };
}
