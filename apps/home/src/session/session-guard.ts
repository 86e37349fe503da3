import { MutationCache, QueryCache } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@mytoutatice/sdk';
import { createQueryClient } from '@mytoutatice/sdk/react';

/**
 * Whether the gateway will not take this session's token. The transport has already renewed the
 * token once and sent the request again when such an error reaches a query: signing in silently
 * once more would only get another token the gateway refuses (a provider whose tokens it cannot
 * read, a session ended at the ENT).
 */
export function isRefusedSession(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && (error.code === 'invalid_token' || error.code === 'unauthenticated');
}

export type SessionGuard = {
  /** The transport's `onUnauthorized`: renews the token, until the session is known refused. */
  renew(): Promise<boolean>;
  /** Ends the page's session once: the caller's `onRefused` runs at most once. */
  refuse(): void;
  readonly refused: boolean;
  /** The page's one QueryClient, whose failed queries and mutations end the session when refused. */
  queryClient: QueryClient;
};

/**
 * Stops the loop the Home used to fall into when the gateway refused its token: every query
 * (retried too) renewed the token and was refused again, forever, behind the loader. Now a
 * request gets one renewal (the transport's rule), a refused session ends every further renewal,
 * 4xx are not retried, and `onRefused` shows the way out.
 */
export function createSessionGuard(renewToken: () => Promise<boolean>, onRefused: () => void): SessionGuard {
  let refused = false;
  const refuse = () => {
    if (refused) return;
    refused = true;
    onRefused();
  };
  const onError = (error: unknown) => {
    if (isRefusedSession(error)) refuse();
  };
  return {
    // A renewal that fails is not yet a refusal (the network may be back in a moment): the
    // request it was for fails with its 401, and that ends the session.
    renew: () => (refused ? Promise.resolve(false) : renewToken()),
    refuse,
    get refused() {
      return refused;
    },
    queryClient: createQueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { staleTime: 15_000 } },
    }),
  };
}
