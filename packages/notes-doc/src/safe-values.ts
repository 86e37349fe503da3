/**
 * What a note may carry in attributes that end up in the page: notes come from other people
 * (sharing) and from imported Markdown, so a link, an image or a colour is kept only when it
 * cannot run code or load something unexpected.
 */

/** http(s) and mailto, or a path of this site (`/…` but not `//host`) or an anchor. */
export function isSafeLinkHref(href: unknown): href is string {
  return typeof href === 'string' && (/^(?:https?:\/\/|mailto:)/i.test(href) || /^\/(?!\/)/.test(href) || href.startsWith('#'));
}

/** http(s) or an API path of this site (images stored with the note); never `data:` or `javascript:`. */
export function isSafeImageSrc(src: unknown): src is string {
  return typeof src === 'string' && (/^https?:\/\//i.test(src) || src.startsWith('/api/'));
}

/** A colour written into a `style` attribute: a hex, rgb()/hsl() or a CSS colour name, nothing that ends the declaration. */
export function isSafeColor(color: unknown): color is string {
  return (
    typeof color === 'string' &&
    /^(?:#[0-9a-f]{3,8}|(?:rgb|rgba|hsl|hsla)\(\s*[\d.%\s,/+-]+\)|var\(--[\w-]+\)|[a-z]{3,30})$/i.test(color.trim())
  );
}
