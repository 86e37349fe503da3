/** Letters that NFD leaves whole but people type as two. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/**
 * The words of a name as a search matches them: lower case, accents dropped, split on anything
 * that is not a letter or a digit (« Jean-Christophe Boullé » → jean, christophe, boulle). The
 * same function reads names and queries, so « bre » finds « Yannick Bré ».
 */
export function nameWords(text: string): string[] {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (letter) => LIGATURES[letter] ?? letter);
  return [...new Set(plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''))];
}

/** The smallest string above every string that starts with `prefix`, for an index range. */
export function prefixEnd(prefix: string): string {
  return prefix + '\u{10ffff}';
}
