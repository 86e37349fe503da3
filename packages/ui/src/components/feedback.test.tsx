// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n-provider.tsx';
import { ErrorPanel } from './error-panel.tsx';
import { PageLayout } from './page-layout.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { Spinner } from './spinner.tsx';

afterEach(cleanup);

describe(ErrorPanel.name, () => {
  it('says the app failed to load, as an alert, and offers « Réessayer »', async () => {
    const onRetry = vi.fn();
    render(<ErrorPanel detail="Le réseau est coupé." onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Cette application n’a pas pu se charger');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

describe(ProgressBar.name, () => {
  it('is a labelled progressbar carrying its value', () => {
    render(<ProgressBar label="cours.pdf" value={42} max={100} />);
    const bar = screen.getByRole('progressbar', { name: 'cours.pdf' }) as HTMLProgressElement;
    expect(bar.value).toBe(42);
    expect(bar.max).toBe(100);
  });
});

describe(Spinner.name, () => {
  it('has accessible text, « Chargement… » by default, in the current language', () => {
    render(<Spinner />);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    cleanup();
    render(
      <I18nProvider locale="en">
        <Spinner />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });
});

describe(PageLayout.name, () => {
  it('has a heading, a main landmark and a named navigation with its phone toggle', async () => {
    render(
      <PageLayout title="Mes fichiers" actions={<button type="button">Importer des fichiers</button>} sidebar={<a href="/drive/recent">Récents</a>}>
        <p>contenu</p>
      </PageLayout>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Mes fichiers' })).toBeTruthy();
    // The title is inside the one main landmark, with the content.
    const main = screen.getByRole('main');
    expect(main.querySelector('h1')?.textContent).toBe('Mes fichiers');
    expect(main.textContent).toContain('contenu');
    expect(screen.getByRole('navigation', { name: 'Navigation' })).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Menu' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });
});
