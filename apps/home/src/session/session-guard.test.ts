import { describe, expect, it, vi } from 'vitest';
import { createClient } from '@mytoutatice/sdk';
import { meQueryOptions } from '@mytoutatice/sdk/react';
import { createSessionGuard } from './session-guard.ts';

const refused = () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Session non valide', status: 401, code: 'invalid_token' }), {
    status: 401,
    headers: { 'content-type': 'application/problem+json' },
  });
const me = () =>
  new Response(JSON.stringify({ user: { sub: 's', username: 'eleve', name: 'Élève', email: null, profile: 'pupil' }, space: null, proposedSlug: 'eleve', proposedAddress: 'eleve.mytoutatice.cloud' }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

function shell(answers: () => Response, renewed = true) {
  const fetch = vi.fn(async () => answers());
  const renewToken = vi.fn(async () => renewed);
  const onRefused = vi.fn();
  const guard = createSessionGuard(renewToken, onRefused);
  const client = createClient({ getToken: () => 'token', onUnauthorized: guard.renew, fetch, retryDelayMs: 1 });
  return { fetch, renewToken, onRefused, guard, client };
}

describe(createSessionGuard.name, () => {
  it('renews once when the gateway refuses the token, then ends the session instead of asking again and again', async () => {
    const { fetch, renewToken, onRefused, guard, client } = shell(refused);
    await expect(guard.queryClient.fetchQuery(meQueryOptions(client))).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(renewToken).toHaveBeenCalledTimes(1);
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(guard.refused).toBe(true);

    // Whatever still asks afterwards gets no renewal and no second panel.
    await expect(guard.queryClient.fetchQuery({ ...meQueryOptions(client), queryKey: ['again'] })).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(renewToken).toHaveBeenCalledTimes(1);
    expect(onRefused).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the renewal itself fails (the ENT session is over)', async () => {
    const { fetch, onRefused, guard, client } = shell(refused, false);
    await expect(guard.queryClient.fetchQuery(meQueryOptions(client))).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onRefused).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the renewed token is taken', async () => {
    const answers = [refused(), me()];
    const { renewToken, onRefused, guard, client } = shell(() => answers.shift() ?? me());
    await expect(guard.queryClient.fetchQuery(meQueryOptions(client))).resolves.toMatchObject({ proposedSlug: 'eleve' });
    expect(renewToken).toHaveBeenCalledTimes(1);
    expect(onRefused).not.toHaveBeenCalled();
    expect(guard.refused).toBe(false);
  });

  it('leaves other 4xx to the app that asked', async () => {
    const forbidden = () =>
      new Response(JSON.stringify({ type: 'about:blank', title: 'Interdit', status: 403, code: 'no_space' }), {
        status: 403,
        headers: { 'content-type': 'application/problem+json' },
      });
    const { fetch, onRefused, guard, client } = shell(forbidden);
    await expect(guard.queryClient.fetchQuery(meQueryOptions(client))).rejects.toMatchObject({ status: 403 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onRefused).not.toHaveBeenCalled();
  });
});
