// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider, useToast } from './toast.tsx';
import type { ToastApi } from './toast.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderWithToasts() {
  const api: { current?: ToastApi } = {};
  function Grab() {
    api.current = useToast();
    return null;
  }
  render(
    <ToastProvider>
      <Grab />
    </ToastProvider>,
  );
  return (run: (toast: ToastApi) => void) => act(() => run(api.current as ToastApi));
}

describe(ToastProvider.name, () => {
  it('announces messages in a polite status region that exists beforehand', () => {
    const toast = renderWithToasts();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');
    toast((t) => t.success('« cours.pdf » importé'));
    expect(within(status).getByText('« cours.pdf » importé')).toBeTruthy();
  });

  it('announces errors as alerts, kept until dismissed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const toast = renderWithToasts();
    toast((t) => t.error('Le service est indisponible.'));
    toast((t) => t.info('Copie en cours'));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Le service est indisponible.')).toBeTruthy();
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.queryByText('Copie en cours')).toBeNull();
    expect(within(alert).getByText('Le service est indisponible.')).toBeTruthy();
    await userEvent.click(within(alert).getByRole('button', { name: 'Fermer la notification' }));
    expect(screen.queryByText('Le service est indisponible.')).toBeNull();
  });

  it('runs a toast’s action and dismisses it', async () => {
    const toast = renderWithToasts();
    const retry = vi.fn();
    toast((t) => t.show({ message: 'Échec de l’envoi', action: { label: 'Réessayer', onClick: retry } }));
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(retry).toHaveBeenCalledOnce();
    expect(screen.queryByText('Échec de l’envoi')).toBeNull();
  });
});
