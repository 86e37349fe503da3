import type { InstalledApp, SessionUser } from '@mytoutatice/contract';
import type { QueryClient } from '@tanstack/react-query';
import type { Client } from '../client.ts';

/**
 * What the shell hands every first-party app as single-spa custom props: the page's one client
 * and QueryClient (one cache, one auth state), and the shell services apps may call.
 */
export type ShellProps = {
  client: Client;
  queryClient: QueryClient;
  /** The installed apps, URLs resolved (for links between apps). */
  apps: InstalledApp[];
  /** Who signed in on this tab, from the ENT's tokens: known offline too, when `useMe()` cannot be read. */
  user: Pick<SessionUser, 'sub' | 'name'>;
  /** Signs out here and at the ENT. */
  signOut: () => void | Promise<void>;
  /** The onboarding calls it once the space exists, so the shell activates the apps. */
  onSpaceCreated: () => void;
};
