import { lazy, StrictMode, Suspense } from 'react';
import type { ComponentType } from 'react';
import * as React from 'react';
import * as ReactDOMClient from 'react-dom/client';
import singleSpaReact from 'single-spa-react';
import type { ReactAppOrParcel } from 'single-spa-react';
import { MyToutaticeProvider } from '@mytoutatice/sdk/react';
import type { ShellProps } from '@mytoutatice/sdk/react';
import { I18nProvider, Loading, ToastProvider } from '@mytoutatice/ui';
import type { Messages } from '@mytoutatice/ui';
import { AppCrashed } from './app-crashed.tsx';

export type AppDefinition = {
  /** The app's name as people see it (used in the error panel). */
  name: string;
  /** The root component, loaded lazily so the entry stays a few hundred bytes. */
  load: () => Promise<ComponentType<ShellProps>>;
  /** App-specific strings, by locale, merged over the ui's own. */
  messages?: Messages;
};

/**
 * The single-spa lifecycles of a first-party app: its root component inside the shared client,
 * query cache, strings and toasts, mounted in the area the shell gave it, with an error
 * boundary that keeps a crash inside that area.
 */
export function defineApp(app: AppDefinition): ReactAppOrParcel<ShellProps> {
  const Root = lazy(async () => ({ default: await app.load() }));
  function AppRoot(props: ShellProps) {
    return (
      <StrictMode>
        <MyToutaticeProvider client={props.client} queryClient={props.queryClient}>
          <I18nProvider messages={app.messages}>
            <ToastProvider>
              <Suspense fallback={<Loading />}>
                <Root {...props} />
              </Suspense>
            </ToastProvider>
          </I18nProvider>
        </MyToutaticeProvider>
      </StrictMode>
    );
  }
  return singleSpaReact<ShellProps>({
    React,
    ReactDOMClient,
    rootComponent: AppRoot,
    errorBoundary: (error) => <AppCrashed name={app.name} error={error} />,
  });
}
