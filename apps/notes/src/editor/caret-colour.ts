/** Co-editors' caret colours: dark enough for white names on them (contrast ≥ 4.5:1). */
const COLOURS = ['#1a62a8', '#b42318', '#067647', '#6941c6', '#b54708', '#c11574', '#0e7090', '#475467'] as const;

/** The same person gets the same colour in every tab and on every device. */
export function caretColour(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLOURS[hash % COLOURS.length] ?? COLOURS[0];
}
