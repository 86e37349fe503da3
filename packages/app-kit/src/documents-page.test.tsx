import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError, createClient } from '@mytoutatice/sdk';
import { MyToutaticeProvider, createQueryClient, queryKeys } from '@mytoutatice/sdk/react';
import { I18nProvider } from '@mytoutatice/ui';
import type { Locale } from '@mytoutatice/ui';
import { AppCrashed } from './app-crashed.tsx';
import { DocumentsPage } from './documents-page.tsx';

const NOTES = 'io.mytoutatice.notes';
const SERVER_SAID = 'upstream storage answered 413 (quota of instance 7f3a)';
const failure = new ApiError({ status: 413, code: 'quota_exceeded', title: 'Payload Too Large', detail: SERVER_SAID });

/** The page as first drawn, its listing having failed with `failure`. */
async function drawn(locale: Locale): Promise<string> {
  const queryClient = createQueryClient();
  const key = queryKeys.documentListing(NOTES, {});
  // Drawn as failed, not fetched again on mount.
  queryClient.setQueryDefaults(key, { retryOnMount: false });
  await queryClient.prefetchInfiniteQuery({
    queryKey: key,
    queryFn: () => Promise.reject(failure),
    initialPageParam: null,
    getNextPageParam: () => null,
    retry: false,
  });
  const client = createClient({ getToken: () => 'token', fetch: () => Promise.reject(new Error('no request expected')) });
  return renderToString(
    <MyToutaticeProvider client={client} queryClient={queryClient}>
      <I18nProvider locale={locale}>
        <DocumentsPage title="Notes" doctype={NOTES} empty={{ title: 'Aucune note', text: '' }} loadError="Les notes n’ont pas pu être chargées" label={() => ''} />
      </I18nProvider>
    </MyToutaticeProvider>,
  );
}

describe(DocumentsPage.name, () => {
  it('says what went wrong in the dictionary’s words, French or English, never the server’s', async () => {
    const french = await drawn('fr');
    expect(french).toContain('Votre espace est plein');
    expect(french).not.toContain(SERVER_SAID);
    const english = await drawn('en');
    expect(english).toContain('Your space is full');
    expect(english).not.toContain(SERVER_SAID);
  });
});

describe(AppCrashed.name, () => {
  it('names the app and gives the error’s sentence, not its message', () => {
    const crash = (locale: Locale, error: unknown) =>
      renderToString(
        <I18nProvider locale={locale}>
          <AppCrashed name="Notes" error={error} />
        </I18nProvider>,
      );
    expect(crash('fr', new TypeError('Cannot read properties of undefined'))).toContain('Notes a rencontré un problème');
    expect(crash('fr', new TypeError('Cannot read properties of undefined'))).not.toContain('Cannot read');
    expect(crash('en', failure)).toContain('Notes ran into a problem');
    expect(crash('en', failure)).not.toContain(SERVER_SAID);
  });
});
