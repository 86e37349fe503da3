/**
 * vCard 2.1 (Outlook, old Android and Nokia exports) rewritten as 3.0, which ical.js reads:
 * bare parameters (`TEL;CELL;PREF`) named `TYPE`, quoted-printable values (with their soft line
 * breaks) decoded in their `CHARSET`, base64 photos as 3.0's `ENCODING=b`, and the version line.
 * Only the lexical form changes; ical.js does all the parsing afterwards.
 */
export function vcard21To30(card: string): string {
  return logicalLines(card).map(rewriteLine).join('\r\n');
}

/** Whether a card says it is 2.1. */
export function isVcard21(card: string): boolean {
  return /^version:\s*2\.1\s*$/im.test(card);
}

const PARAMETER_NAMES = new Set(['TYPE', 'VALUE', 'ENCODING', 'CHARSET', 'LANGUAGE']);
const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

/** Splits `NAME;PARAMS:value` at the first colon outside a quoted parameter. */
function splitLine(line: string): { head: string; value: string } | null {
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return { head: line.slice(0, at), value: line.slice(at + 1) };
  }
  return null;
}

const encodingOf = (head: string) => {
  const params = head.split(';').slice(1).map((param) => param.trim().toUpperCase());
  if (params.some((param) => param === 'QUOTED-PRINTABLE' || param === 'ENCODING=QUOTED-PRINTABLE')) return 'qp';
  if (params.some((param) => param === 'BASE64' || param === 'ENCODING=BASE64' || param === 'ENCODING=B')) return 'base64';
  return null;
};

/**
 * The card's lines unfolded: a folded line (starting with a space or tab) joins the one before, a
 * quoted-printable line ending in « = » the next one, and a base64 value the lines after it up to
 * a blank line (2.1 does not require them indented).
 */
function logicalLines(card: string): string[] {
  const raw = card.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let at = 0; at < raw.length; at++) {
    let line = raw[at] ?? '';
    const parts = splitLine(line);
    const encoding = parts ? encodingOf(parts.head) : null;
    if (encoding === 'qp') {
      while (line.endsWith('=') && at + 1 < raw.length) line = line.slice(0, -1) + (raw[++at] ?? '').replace(/^[ \t]/, '');
    } else if (encoding === 'base64') {
      while (at + 1 < raw.length && /^[\sA-Za-z0-9+/=]+$/.test(raw[at + 1] ?? '') && (raw[at + 1] ?? '').trim() !== '') line += (raw[++at] ?? '').trim();
    }
    if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1] += line.slice(1);
    else if (line.trim() !== '') out.push(line);
  }
  return out;
}

function rewriteLine(line: string): string {
  const parts = splitLine(line);
  if (!parts) return line;
  const [name = '', ...rawParams] = parts.head.split(';');
  if (name.toUpperCase() === 'VERSION') return 'VERSION:3.0';
  const types: string[] = [];
  const kept: string[] = [];
  let encoding: string | undefined;
  let charset: string | undefined;
  for (const raw of rawParams) {
    const param = raw.trim();
    if (param === '') continue;
    const equals = param.indexOf('=');
    const key = equals === -1 ? '' : param.slice(0, equals).trim().toUpperCase();
    const value = equals === -1 ? param : param.slice(equals + 1).trim();
    if (equals === -1 && ENCODINGS.has(value.toUpperCase())) encoding = value.toUpperCase();
    else if (equals === -1 || key === 'TYPE') types.push(...value.split(',').filter((type) => type !== ''));
    else if (key === 'ENCODING') encoding = value.toUpperCase();
    else if (key === 'CHARSET') charset = value;
    else if (PARAMETER_NAMES.has(key) || key.startsWith('X-')) kept.push(`${key}=${value}`);
    else kept.push(param);
  }
  let value = parts.value;
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset).replace(/\r\n|\r|\n/g, '\\n');
  if (encoding === 'BASE64' || encoding === 'B') kept.push('ENCODING=b');
  const params = [...(types.length > 0 ? [`TYPE=${types.join(',')}`] : []), ...kept];
  return `${[name, ...params].join(';')}:${value}`;
}

/** Quoted-printable bytes read in `charset` (UTF-8 unless said, windows-1252 when they are not UTF-8). */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (const piece of value.split(/(=[0-9A-Fa-f]{2})/)) {
    // Characters outside ASCII were already decoded with the file: their UTF-8 bytes.
    if (/^=[0-9A-Fa-f]{2}$/.test(piece)) bytes.push(parseInt(piece.slice(1), 16));
    else bytes.push(...new TextEncoder().encode(piece));
  }
  return decodeBytes(Uint8Array.from(bytes), charset);
}

/** Text from bytes in `charset`; bytes that are not valid UTF-8 are read as windows-1252 (what Outlook writes). */
export function decodeBytes(bytes: Uint8Array, charset?: string): string {
  const label = (charset ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
