import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/** Moves to another route of the page without reloading it (single-spa follows pushState). */
export function navigate(href: string): void {
  window.history.pushState(null, '', href);
}

/**
 * A real link (open in a new tab, copy address, keyboard all work) that navigates in place on a
 * plain click.
 */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
