import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createLinkVisitor } from '@mytoutatice/sdk/links';
import { I18nProvider, ToastProvider } from '@mytoutatice/ui';
import { linkCodeFrom, unlockTokenStore } from './link-code.ts';
import { messages } from './messages.ts';
import { PublicPage } from './public-page.tsx';
import { VisitorContext } from './visitor-context.tsx';

const code = linkCodeFrom(location.pathname);
const tokens = unlockTokenStore(code);
const visitor = createLinkVisitor({ code, getUnlockToken: tokens.get });
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');

createRoot(root).render(
  <StrictMode>
    <I18nProvider locale="fr" messages={messages}>
      <QueryClientProvider client={queryClient}>
        <VisitorContext value={visitor}>
          <ToastProvider>
            <PublicPage tokens={tokens} />
          </ToastProvider>
        </VisitorContext>
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
