import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/** Moves to another route of the page without reloading it (single-spa follows pushState). */
export function navigate(href: string): void {
  window.history.pushState(null, '', href);
}

/**
 * Handles a click on a link in place, unless the person asked for something else (new tab or
 * window, download): those stay the browser's.
 */
export function followInPlace(event: MouseEvent<HTMLElement>, href: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.currentTarget.getAttribute('target');
  if (target && target !== '_self') return;
  event.preventDefault();
  navigate(href);
}

/** A real link (new tab, copy address, keyboard all work) that navigates in place on a plain click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        followInPlace(event, href);
      }}
      {...rest}
    />
  );
}
