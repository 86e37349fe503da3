import type { InstalledApp } from '@mytoutatice/contract';

export type Layout = {
  navbar: HTMLElement;
  /** The area an app mounts into; each app has its own, so one failing leaves the others be. */
  areaOf(slug: string): HTMLElement;
};

/** The page's frame: a navigation bar and one area per app (each app's PageLayout is the <main>). */
export function mountLayout(host: HTMLElement, apps: readonly Pick<InstalledApp, 'slug'>[]): Layout {
  host.replaceChildren();
  const skip = document.createElement('a');
  skip.className = 'mt-skip-link';
  skip.href = '#mt-main';
  skip.textContent = 'Aller au contenu';
  const navbar = document.createElement('header');
  navbar.id = 'mt-navbar';
  const main = document.createElement('div');
  main.id = 'mt-main';
  main.tabIndex = -1;
  const areas = new Map<string, HTMLElement>();
  for (const { slug } of [{ slug: 'home' }, ...apps]) {
    const area = document.createElement('div');
    area.id = `mt-app-${slug}`;
    area.className = 'mt-app-area';
    area.dataset.app = slug;
    main.append(area);
    areas.set(slug, area);
  }
  host.append(skip, navbar, main);
  return {
    navbar,
    areaOf(slug) {
      const area = areas.get(slug);
      if (!area) throw new Error(`no area for app ${slug}`);
      return area;
    },
  };
}
