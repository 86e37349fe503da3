import { InstalledApps, InstanceInfo, Me, Space } from '@mytoutatice/contract';
import type { InstalledApp, OnboardingBody } from '@mytoutatice/contract';
import type { CallOptions, Transport } from './transport.ts';

export type SpaceResource = {
  /** The signed-in person and their space (null before onboarding). */
  me(options?: CallOptions): Promise<Me>;
  /** Onboarding: creates the person's space. */
  create(body: OnboardingBody, options?: CallOptions): Promise<Space>;
  /** Apps installed in the space, URLs resolved by the gateway. */
  apps(options?: CallOptions): Promise<InstalledApp[]>;
  /** The space's quota and what it uses (files, trash, versions); the person's own session only. */
  usage(options?: CallOptions): Promise<InstanceInfo>;
};

export function createSpace(transport: Transport): SpaceResource {
  return {
    me: ({ signal } = {}) => transport.request('/gateway/me', Me, { signal }),
    create: (body, { signal } = {}) =>
      transport.request('/gateway/onboarding', Space, { method: 'POST', json: body, signal }),
    apps: ({ signal } = {}) => transport.request('/gateway/apps', InstalledApps, { signal }),
    usage: ({ signal } = {}) => transport.request('/api/instance', InstanceInfo, { signal }),
  };
}
