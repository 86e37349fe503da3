import type { Document } from '@mytoutatice/contract';

/** A `documents` row as the API shows it. */
export function toDocument(row: Record<string, unknown>): Document {
  return {
    id: String(row.id),
    rev: String(row.rev),
    doctype: String(row.doctype),
    data: JSON.parse(String(row.data)) as Record<string, unknown>,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}
