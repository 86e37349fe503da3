import * as z from 'zod/mini';

/**
 * Stable error codes carried by every problem+json answer. Clients branch on `code`, never on
 * `title` or `detail`, so a code, once published, keeps its meaning.
 */
export const errorCodes = [
  'bad_request',
  'invalid_name',
  'invalid_email',
  'cgu_not_accepted',
  'email_locked',
  'unauthenticated',
  'invalid_token',
  'forbidden',
  'no_space',
  'space_exists',
  'not_found',
  'not_a_folder',
  'not_a_file',
  'name_conflict',
  'invalid_move',
  'revision_conflict',
  'precondition_required',
  'in_trash',
  'hash_mismatch',
  'invalid_digest',
  'payload_too_large',
  'quota_exceeded',
  'range_not_satisfiable',
  'unsupported_media_type',
  'upstream_unavailable',
  'upstream_timeout',
  'internal',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** RFC 9457 problem details, with our stable `code` and the request id for support. */
export const Problem = z.object({
  type: z._default(z.string(), 'about:blank'),
  title: z.string(),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  code: ErrorCode,
  detail: z.optional(z.string()),
  requestId: z.optional(z.string()),
  /** Extra, code-specific fields a client may use (e.g. `suggestedName` on `name_conflict`). */
  suggestedName: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
