import type { Person } from '@mytoutatice/contract';

/** « Jordan Abiven » → « JA »: the avatar of someone without a picture. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s-]+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase('fr');
}

/** Where ↑ ↓ Home End move the highlighted option of `count`; -1 is none (the text field itself). */
export function nextActive(active: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return active >= count - 1 ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
    case 'Home':
      return active === -1 ? null : 0;
    case 'End':
      return active === -1 ? null : count - 1;
    default:
      return null;
  }
}

/** What a search offers: not oneself, nor who is chosen or has access already. */
export function offered(found: readonly Person[], excluded: ReadonlySet<string>): Person[] {
  return found.filter((person) => !excluded.has(person.slug));
}

/**
 * `eleve` → `https://eleve.mytoutatice.cloud`, as the directory's search shows addresses: a
 * member's address, the domain read from one's own space's.
 */
export function addressOf(slug: string, space: { slug: string; address: string } | null | undefined): string {
  if (!space || !space.address.startsWith(`${space.slug}.`)) return slug;
  return `https://${slug}${space.address.slice(space.slug.length)}`;
}
