// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, useLocale, useT } from './i18n-provider.tsx';

afterEach(cleanup);

const notes = { fr: { 'notes.add': 'Ajouter une note' }, en: { 'notes.add': 'Add a note' } };

function Probe() {
  const t = useT<keyof typeof notes.fr>();
  return (
    <p>
      {useLocale()} | {t('action.share')} | {t('notes.add')}
    </p>
  );
}

describe(I18nProvider.name, () => {
  it('is French without a provider', () => {
    render(<Probe />);
    expect(screen.getByText('fr | Partager | notes.add')).toBeTruthy();
  });

  it('inherits the locale and adds an app’s dictionaries in a nested provider', () => {
    render(
      <I18nProvider locale="en">
        <I18nProvider messages={notes}>
          <Probe />
        </I18nProvider>
      </I18nProvider>,
    );
    expect(screen.getByText('en | Share | Add a note')).toBeTruthy();
  });
});
