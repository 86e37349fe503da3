import { createAppPasswordRoute, listAppPasswordsRoute, revokeAppPasswordRoute } from '@mytoutatice/contract';
import type { AppPassword, CreatedAppPassword } from '@mytoutatice/contract';
import type { CallOptions, Transport } from './transport.ts';

/** The space's device app passwords, for DAV clients (the owner's session only). */
export type AppPasswordsResource = {
  /** Oldest first; labels and dates, never the passwords. */
  list(options?: CallOptions): Promise<AppPassword[]>;
  /** The answer holds the password: the only time it can be shown. */
  create(label: string, options?: CallOptions): Promise<CreatedAppPassword>;
  /** DAV clients using it are refused from then on; `not_found` for an unknown id. */
  revoke(id: string, options?: CallOptions): Promise<void>;
};

export function createAppPasswords(transport: Transport): AppPasswordsResource {
  return {
    list: async ({ signal } = {}) => (await transport.call(listAppPasswordsRoute, {}, { signal })).items,
    create: (label, { signal } = {}) => transport.call(createAppPasswordRoute, { body: { label } }, { signal }),
    revoke: async (id, { signal } = {}) => {
      await transport.call(revokeAppPasswordRoute, { params: { id } }, { signal });
    },
  };
}
