const UNITS: Record<string, number> = {
  '': 1,
  B: 1,
  O: 1,
  K: 1024,
  KB: 1024,
  KIB: 1024,
  KO: 1024,
  M: 1024 ** 2,
  MB: 1024 ** 2,
  MIB: 1024 ** 2,
  MO: 1024 ** 2,
  G: 1024 ** 3,
  GB: 1024 ** 3,
  GIB: 1024 ** 3,
  GO: 1024 ** 3,
  T: 1024 ** 4,
  TB: 1024 ** 4,
  TIB: 1024 ** 4,
  TO: 1024 ** 4,
};

/** `5368709120`, `5GB`, `500 Mo`, `1.5G` → bytes (units are powers of 1024); undefined if unreadable. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*([0-9]+(?:[.,][0-9]+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!match) return undefined;
  const [, amount = '', unit = ''] = match;
  const factor = UNITS[unit.toUpperCase()];
  if (factor === undefined) return undefined;
  const bytes = Math.round(Number(amount.replace(',', '.')) * factor);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** 1536 → « 1,5 Kio »: for people reading the CLI's output. */
export function formatBytes(bytes: number): string {
  const units = ['o', 'Kio', 'Mio', 'Gio', 'Tio'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: digits })} ${units[unit]}`;
}
