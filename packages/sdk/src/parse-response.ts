import { ApiError } from './api-error.ts';

/**
 * What the sdk needs of a zod schema (every contract schema fits), so the core does not depend
 * on zod itself.
 */
export type Schema<T> = {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

/**
 * Validates a successful answer against the contract. A server that breaks the contract gives a
 * clear ApiError (`internal`, with the HTTP status it answered) instead of `undefined` errors far
 * away in the UI.
 */
export function parseResponse<T>(schema: Schema<T>, body: string, status: number): T {
  let value: unknown;
  try {
    value = body === '' ? undefined : JSON.parse(body);
  } catch (cause) {
    throw new ApiError({ status, code: 'internal', title: 'Réponse illisible du serveur', detail: 'not JSON', cause });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw new ApiError({ status, code: 'internal', title: 'Réponse inattendue du serveur', detail: issues });
}
