/** Names of the big folder's files: 1 % « École maternelle … », the rest photos, reports and homework, numbered. */
export function fileName(i: number): string {
  const num = String(i).padStart(6, '0');
  if (i % 100 === 0) return `École maternelle ${num}.txt`;
  return [`photo ${num}.jpg`, `rapport ${num}.pdf`, `Devoir de maths ${num}.txt`][i % 3] as string;
}
