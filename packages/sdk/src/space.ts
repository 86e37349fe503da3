import { createSpaceRoute, getInstanceRoute, getMeRoute, listAppsRoute } from '@mytoutatice/contract';
import type { InstalledApp, InstanceInfo, Me, OnboardingBody, Space } from '@mytoutatice/contract';
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
    me: ({ signal } = {}) => transport.call(getMeRoute, {}, { signal }),
    create: (body, { signal } = {}) => transport.call(createSpaceRoute, { body }, { signal }),
    apps: ({ signal } = {}) => transport.call(listAppsRoute, {}, { signal }),
    usage: ({ signal } = {}) => transport.call(getInstanceRoute, {}, { signal }),
  };
}
