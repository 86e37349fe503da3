import { randomBytes } from 'node:crypto';
import { HttpError } from '@mytoutatice/server-kit';
import { entityTags } from '../http/entity-tags.ts';

/** `<n>-<hex>`: n counts the document's writes, the hex tells two writes of the same n apart. */
export function firstRevision(): string {
  return `1-${randomBytes(16).toString('hex')}`;
}

export function nextRevision(rev: string): string {
  const n = Number.parseInt(rev, 10);
  return `${Number.isSafeInteger(n) ? n + 1 : 1}-${randomBytes(16).toString('hex')}`;
}

export function etagOf(rev: string): string {
  return `"${rev}"`;
}

/** The revision an `If-Match` names, quoted or bare. Missing (or `*`, which would skip the check) → 428. */
export function revisionFromIfMatch(header: string | undefined): string {
  const value = header?.trim() ?? '';
  if (value === '' || value === '*') {
    throw new HttpError(
      428,
      'precondition_required',
      'Indiquez la révision que vous modifiez dans l’en-tête If-Match (par exemple If-Match: "2-9f…").',
    );
  }
  return /^"(.*)"$/.exec(value)?.[1] ?? value;
}

/** Whether an `If-None-Match` names this revision (or is `*`). */
export function ifNoneMatchHits(header: string | undefined, rev: string): boolean {
  if (!header) return false;
  const tags = entityTags(header);
  return tags.includes('*') || tags.includes(etagOf(rev)) || tags.includes(rev);
}

export function revisionConflict(): HttpError {
  return new HttpError(409, 'revision_conflict', 'Ce document a changé depuis cette révision : relisez-le puis recommencez.');
}
