// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderSessionRefused } from './session-refused-panel.ts';

describe(renderSessionRefused.name, () => {
  it('replaces the loader with a French panel whose two buttons lead out', async () => {
    document.body.innerHTML = '<div id="host"><p role="status">Chargement de MyToutatice…</p></div>';
    const host = document.getElementById('host') as HTMLElement;
    const actions = { signInAgain: vi.fn(async () => {}), signOut: vi.fn(async () => {}) };
    renderSessionRefused(host, actions);

    expect(screen.queryByText('Chargement de MyToutatice…')).toBeNull();
    const title = screen.getByRole('heading', { level: 1, name: 'Votre session n’est pas valide' });
    expect(document.activeElement).toBe(title);
    expect(screen.getByRole('main').contains(title)).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Se reconnecter' }));
    expect(actions.signInAgain).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    expect(actions.signOut).toHaveBeenCalledTimes(1);
  });
});
