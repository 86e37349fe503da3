import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Button } from './button.tsx';
import type { ButtonVariant } from './button.tsx';
import { classNames } from './class-names.ts';
import { placeMenu, type MenuPlacement } from './menu-placement.ts';

export type MenuItem = {
  /** Stable key. */
  id: string;
  /** The item's accessible name, e.g. « Renommer ». */
  label: string;
  onSelect: () => void;
  icon?: ReactNode;
  disabled?: boolean;
  /** Shown in the danger colour (« Supprimer »). */
  danger?: boolean;
  /** A tooltip, e.g. why the item is disabled. */
  title?: string;
};

export type MenuButtonProps = {
  /** The button's accessible name, e.g. « Plus d’actions ». */
  label: string;
  items: readonly MenuItem[];
  icon?: ReactNode;
  hideLabel?: boolean;
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
  className?: string;
};

/**
 * WAI-ARIA menu button: Enter, Space or ↓ opens on the first item (↑ on the last); ↑ ↓ Home End
 * and the first letter move; Enter or Space chooses; Escape closes and gives focus back to the
 * button; Tab closes and moves on.
 */
export function MenuButton({
  label,
  items,
  icon,
  hideLabel,
  variant = 'secondary',
  size,
  align = 'start',
  className,
}: MenuButtonProps) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  /** The focused item; null while the menu is closed. */
  const [active, setActive] = useState<number | null>(null);
  const open = active !== null;
  const count = items.length;
  const [placement, setPlacement] = useState<MenuPlacement | null>(null);

  // Measured before paint and before the first item takes focus (which would scroll the page).
  useLayoutEffect(() => {
    const button = buttonRef.current;
    const menu = menuRef.current;
    setPlacement(open && button && menu ? placeMenu(button.getBoundingClientRect(), menu.scrollHeight, window.innerHeight) : null);
  }, [open]);

  useEffect(() => {
    if (active !== null) itemRefs.current[active]?.focus();
  }, [active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setActive(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setActive(null);
    buttonRef.current?.focus();
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close();
    item.onSelect();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? 0 : count - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    if (active === null) return;
    const item = items[active];
    switch (event.key) {
      case 'ArrowDown':
        setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        setActive((active - 1 + count) % count);
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(count - 1);
        break;
      case 'Escape':
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        // Focus goes back to the button, so the browser's Tab moves on from there.
        close();
        return;
      case 'Enter':
      case ' ':
        if (item) choose(item);
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const next = findByLetter(items, active, event.key);
        if (next !== null) setActive(next);
        break;
      }
    }
    event.preventDefault();
  };

  return (
    <div ref={rootRef} className={classNames('mt-menu-button', className)}>
      <Button
        ref={buttonRef}
        id={`${id}-button`}
        variant={variant}
        size={size}
        icon={icon}
        hideLabel={hideLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? setActive(null) : count > 0 && setActive(0))}
        onKeyDown={onButtonKeyDown}
      >
        {label}
      </Button>
      {open ? (
        <ul
          ref={menuRef}
          id={`${id}-menu`}
          role="menu"
          aria-labelledby={`${id}-button`}
          className={classNames('mt-menu', align === 'end' && 'mt-menu--end', placement?.up && 'mt-menu--up')}
          style={placement ? { maxHeight: placement.maxHeight } : undefined}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item, index) => (
            <li
              key={item.id}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabled || undefined}
              title={item.title}
              className={classNames('mt-menu__item', item.danger && 'mt-menu__item--danger')}
              onClick={() => choose(item)}
              onPointerMove={() => index !== active && setActive(index)}
            >
              {item.icon ? (
                <span className="mt-menu__icon" aria-hidden="true">
                  {item.icon}
                </span>
              ) : null}
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The next item after `from` whose label starts with `letter`, wrapping around. */
function findByLetter(items: readonly MenuItem[], from: number, letter: string): number | null {
  const wanted = letter.toLocaleLowerCase();
  for (let step = 1; step <= items.length; step++) {
    const index = (from + step) % items.length;
    if (items[index]?.label.toLocaleLowerCase().startsWith(wanted)) return index;
  }
  return null;
}
