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
  'precondition_failed',
  'in_trash',
  'hash_mismatch',
  'invalid_digest',
  'payload_too_large',
  'image_too_large',
  'quota_exceeded',
  'range_not_satisfiable',
  'upload_offset_conflict',
  'upload_expired',
  'length_required',
  'unsupported_media_type',
  'locked',
  'method_not_allowed',
  'missing_parent',
  'too_many_attempts',
  'password_required',
  'wrong_password',
  'too_many_items',
  'lock_token_mismatch',
  'upstream_unavailable',
  'upstream_timeout',
  'internal',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The status each code is answered with through `/api` (what the OpenAPI document promises). */
export const errorStatus: { readonly [C in ErrorCode]: number } = {
  bad_request: 400,
  invalid_name: 400,
  invalid_email: 400,
  cgu_not_accepted: 400,
  email_locked: 400,
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  no_space: 403,
  space_exists: 409,
  not_found: 404,
  not_a_folder: 400,
  not_a_file: 400,
  name_conflict: 409,
  invalid_move: 400,
  revision_conflict: 409,
  precondition_required: 428,
  precondition_failed: 412,
  in_trash: 409,
  hash_mismatch: 422,
  invalid_digest: 400,
  payload_too_large: 413,
  image_too_large: 413,
  quota_exceeded: 413,
  range_not_satisfiable: 416,
  upload_offset_conflict: 409,
  upload_expired: 410,
  length_required: 411,
  unsupported_media_type: 415,
  locked: 423,
  method_not_allowed: 405,
  missing_parent: 409,
  too_many_attempts: 429,
  password_required: 401,
  wrong_password: 401,
  too_many_items: 413,
  lock_token_mismatch: 409,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  internal: 500,
};

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
