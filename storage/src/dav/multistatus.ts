import { STATUS_CODES } from 'node:http';

export const multistatusHead = () => '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">';
export const MULTISTATUS_TAIL = '</D:multistatus>\n';

export const statusLine = (status: number) => `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`;

/** One `<D:propstat>`: properties (already XML) and the status they share. */
export function propstat(status: number, properties: readonly string[]): string {
  return `<D:propstat><D:prop>${properties.join('')}</D:prop><D:status>${statusLine(status)}</D:status></D:propstat>`;
}
