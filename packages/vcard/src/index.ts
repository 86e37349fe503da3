export { readVcards } from './read-vcards.ts';
export type { ReadCard, VcardReading } from './read-vcards.ts';
export type { CardProblem } from './split-cards.ts';
export { toVcard4 } from './vcard4.ts';
