import type { ErrorCode } from '@mytoutatice/contract';

/** Code-specific fields a problem may carry besides the RFC 9457 ones. */
export interface ProblemExtras {
  suggestedName?: string;
}

/**
 * What services throw when the caller asked for something that cannot be done. The problem
 * handler turns it into application/problem+json; `detail` is shown to the caller (4xx only).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly extras: ProblemExtras;
  /** Headers the answer must carry (e.g. `Content-Range` on a 416). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode,
    detail?: string,
    options: { extras?: ProblemExtras; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? code);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.extras = options.extras ?? {};
    this.headers = options.headers ?? {};
  }
}

export function badRequest(detail: string): HttpError {
  return new HttpError(400, 'bad_request', detail);
}

export function notFound(detail = 'Cette ressource n’existe pas.'): HttpError {
  return new HttpError(404, 'not_found', detail);
}
