/** What the sentence needs of a zod issue (zod 4's `$ZodIssue`, read structurally). */
export interface InputIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: string;
  readonly origin?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
}

/** Where the checked value came from: a JSON body's field or a query parameter. */
export type InputPlace = 'body' | 'query';

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un entier',
  boolean: 'un booléen (true ou false)',
  array: 'une liste',
  object: 'un objet',
  null: 'null',
  record: 'un objet',
};

/** A name taken from the caller's input (a key, an index): kept short, never the caller's whole text. */
function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function fieldName(path: readonly PropertyKey[]): string {
  return short(path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join(''));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** « doit compter au plus 255 caractères », « doit valoir au moins 1 »… */
function limit(issue: InputIssue, big: boolean): string {
  const n = String(big ? issue.maximum : issue.minimum);
  const side = issue.inclusive === false ? (big ? 'moins de' : 'plus de') : big ? 'au plus' : 'au moins';
  const plural = n === '0' || n === '1' ? '' : 's';
  if (issue.origin === 'string') return `doit compter ${side} ${n} caractère${plural}`;
  if (issue.origin === 'array' || issue.origin === 'set') return `doit compter ${side} ${n} élément${plural}`;
  return `doit valoir ${side} ${n}`;
}

function quoted(values: readonly unknown[]): string {
  const shown = values.slice(0, 6).map((value) => `« ${short(String(value))} »`);
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} ou ${shown.at(-1) ?? ''}` : (shown[0] ?? '');
}

/**
 * One short French sentence saying which field is wrong and what was expected, for a 400 answer.
 * It names the field and the expectation, never the value the caller sent (it may be huge, or a
 * secret such as a password).
 */
export function issueSentence(issue: InputIssue, input: unknown, place: InputPlace): string {
  const name = fieldName(issue.path);
  const what = place === 'query' ? `Le paramètre « ${name} »` : `Le champ « ${name} »`;
  if (issue.path.length === 0 && place === 'body') {
    return issue.code === 'invalid_type' ? 'Le corps doit être un objet JSON.' : 'Le corps de la requête est invalide.';
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return `${what} est requis.`;
      const expected = EXPECTED[issue.expected ?? ''];
      return expected ? `${what} doit être ${expected}.` : `${what} n’a pas le type attendu.`;
    }
    case 'too_big':
      return `${what} ${limit(issue, true)}.`;
    case 'too_small':
      return `${what} ${limit(issue, false)}.`;
    case 'invalid_value':
      return issue.values && issue.values.length > 0 ? `${what} doit valoir ${quoted(issue.values)}.` : `${what} a une valeur inattendue.`;
    case 'invalid_format':
      return `${what} n’a pas le format attendu${issue.format ? ` (${issue.format})` : ''}.`;
    case 'unrecognized_keys':
      return `Le champ « ${fieldName([...issue.path, issue.keys?.[0] ?? ''])} » n’est pas attendu.`;
    default:
      return `${what} est invalide.`;
  }
}
