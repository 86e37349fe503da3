import { ErrorCode } from '@mytoutatice/contract';

export type ApiErrorInit = {
  status: number;
  code: ErrorCode;
  title: string;
  detail?: string | undefined;
  requestId?: string | undefined;
  suggestedName?: string | undefined;
  cause?: unknown;
};

/**
 * The one error the sdk throws for anything that went wrong talking to the server: a problem+json
 * answer, a non-JSON error page from a proxy, a network failure (status 0) or an answer that does
 * not match the contract. Callers branch on `code`; `title` and `detail` are for people.
 */
export class ApiError extends Error {
  /** HTTP status, or 0 when no answer arrived (network failure, CORS, timeout). */
  readonly status: number;
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  /** On `name_conflict`: a free name the server proposes (« rapport (2).pdf »). */
  readonly suggestedName: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.suggestedName = init.suggestedName;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** What we know of an error answer, from fetch or from XMLHttpRequest. */
export type ErrorAnswer = {
  status: number;
  contentType: string | null;
  body: string;
  /** The `X-Request-Id` header, used when the body does not carry one. */
  requestId: string | null;
};

/** Turns an error answer into an ApiError, keeping whatever the body says in problem+json. */
export function apiErrorFrom(answer: ErrorAnswer): ApiError {
  const fields = problemFields(answer.contentType, answer.body);
  const code = ErrorCode.safeParse(fields.code);
  return new ApiError({
    status: answer.status,
    code: code.success ? code.data : codeForStatus(answer.status),
    title: text(fields.title) ?? titleForStatus(answer.status),
    detail: text(fields.detail),
    requestId: text(fields.requestId) ?? answer.requestId ?? undefined,
    suggestedName: text(fields.suggestedName),
  });
}

/** No answer at all: DNS, refused connection, CORS, connection reset. */
export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0,
    code: 'upstream_unavailable',
    title: 'Serveur injoignable',
    detail: cause instanceof Error ? cause.message : undefined,
    cause,
  });
}

function problemFields(contentType: string | null, body: string): Record<string, unknown> {
  if (!contentType || !/[/+]json\b/i.test(contentType)) return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** For answers without a usable problem+json body (e.g. a proxy's HTML 502 page). */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 502:
    case 503:
      return 'upstream_unavailable';
    case 504:
      return 'upstream_timeout';
    default:
      return status >= 500 ? 'internal' : 'bad_request';
  }
}

function titleForStatus(status: number): string {
  if (status === 502 || status === 503) return 'Service indisponible';
  if (status === 504) return 'Le service a mis trop de temps à répondre';
  if (status >= 500) return 'Erreur du serveur';
  return `Requête refusée (${status})`;
}
