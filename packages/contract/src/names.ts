/**
 * What a file or folder name may be. One rule for the storage backend (which enforces it) and
 * the apps (which explain it before sending).
 */
export const MAX_NAME_BYTES = 255;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

// Control characters (C0, DEL, C1) and the bidi overrides used to disguise extensions.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\]/u;

export function checkName(raw: string): NameCheck {
  const name = raw.normalize('NFC');
  if (name.trim() === '') return { ok: false, reason: 'Le nom ne peut pas être vide.' };
  if (name === '.' || name === '..') return { ok: false, reason: 'Ce nom est réservé.' };
  if (FORBIDDEN.test(name)) {
    return { ok: false, reason: 'Le nom contient un caractère interdit (/, \\ ou caractère de contrôle).' };
  }
  // A lone UTF-16 surrogate has no UTF-8 form: it would be stored as U+FFFD, another name.
  if (/\p{Cs}/u.test(name)) return { ok: false, reason: 'Le nom contient un caractère invalide.' };
  if (name !== name.trim()) return { ok: false, reason: 'Le nom ne peut pas commencer ou finir par un espace.' };
  if (new TextEncoder().encode(name).byteLength > MAX_NAME_BYTES) {
    return { ok: false, reason: `Le nom est trop long (${MAX_NAME_BYTES} octets au plus).` };
  }
  return { ok: true, name };
}

/** « rapport.pdf » → « rapport (2).pdf », « rapport (3).pdf »…: the free name offered on a clash. */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name} (${n})`;
  return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}
