import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { QueryClientConfig } from '@tanstack/react-query';
import { createContext, use } from 'react';
import type { ReactNode } from 'react';
import { isApiError } from '../api-error.ts';
import type { Client } from '../client.ts';

const ClientContext = createContext<Client | null>(null);

export type MyToutaticeProviderProps = {
  client: Client;
  /** The page's one QueryClient, created by the shell and handed to each app. */
  queryClient: QueryClient;
  children?: ReactNode;
};

export function MyToutaticeProvider({ client, queryClient, children }: MyToutaticeProviderProps) {
  return (
    <ClientContext value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ClientContext>
  );
}

export function useClient(): Client {
  const client = use(ClientContext);
  if (!client) throw new Error('useClient() needs a <MyToutaticeProvider> above it');
  return client;
}

/**
 * A QueryClient suited to the sdk: the transport already retries transient failures, so a query
 * is retried once more at most, and never for a 4xx (the answer will not change).
 */
export function createQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        ...config.defaultOptions?.queries,
      },
    },
  });
}
