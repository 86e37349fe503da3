import type { LifeCycles } from 'single-spa';
import { renderErrorPanel } from './error-panel.ts';

const loadedStyles = new Set<string>();

function loadStyle(href: string): Promise<void> {
  if (loadedStyles.has(href)) return Promise.resolve();
  loadedStyles.add(href);
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    // A missing stylesheet must not keep the app from showing.
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

function isLifeCycles(mod: unknown): mod is LifeCycles {
  const m = mod as Partial<Record<keyof LifeCycles, unknown>>;
  return typeof m.mount === 'function' && typeof m.unmount === 'function';
}

/**
 * Loads an app's module (and its stylesheets) by URL. A failure gives lifecycles that show the
 * error panel in the app's area instead of taking the shell down.
 */
export async function loadApp(app: { name: string; url: string; styles?: string[]; area: HTMLElement }): Promise<LifeCycles> {
  try {
    const [mod] = await Promise.all([import(/* @vite-ignore */ app.url), ...(app.styles ?? []).map(loadStyle)]);
    if (!isLifeCycles(mod)) throw new Error(`${app.url} n'exporte pas les fonctions d'une application (mount, unmount).`);
    return mod;
  } catch (error) {
    console.error(`app ${app.name} failed to load`, error);
    return {
      bootstrap: async () => {},
      mount: async () => renderErrorPanel(app.area, app.name, error),
      unmount: async () => app.area.replaceChildren(),
    };
  }
}
