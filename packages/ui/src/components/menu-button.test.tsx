// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu-button.tsx';

afterEach(cleanup);

function setup() {
  const chosen = vi.fn();
  const labels = ['Partager', 'Télécharger', 'Renommer', 'Supprimer'];
  render(
    <>
      <MenuButton label="Plus d’actions" items={labels.map((label) => ({ id: label, label, onSelect: () => chosen(label) }))} />
      <button type="button">Après</button>
    </>,
  );
  const button = screen.getByRole('button', { name: 'Plus d’actions' });
  return { chosen, button, user: userEvent.setup() };
}

const focusedName = () => document.activeElement?.textContent;

describe(MenuButton.name, () => {
  it('opens with Enter on its first item, moves with the arrows, Home and End', async () => {
    const { button, user } = setup();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menu', { name: 'Plus d’actions' })).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(focusedName()).toBe('Partager');
    await user.keyboard('{ArrowDown}');
    expect(focusedName()).toBe('Télécharger');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(focusedName()).toBe('Supprimer');
    await user.keyboard('{Home}');
    expect(focusedName()).toBe('Partager');
    await user.keyboard('{End}');
    expect(focusedName()).toBe('Supprimer');
    await user.keyboard('r');
    expect(focusedName()).toBe('Renommer');
  });

  it('opens with Space or ArrowDown on the first item, ArrowUp on the last', async () => {
    const { button, user } = setup();
    button.focus();
    await user.keyboard(' ');
    expect(focusedName()).toBe('Partager');
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowUp}');
    expect(focusedName()).toBe('Supprimer');
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowDown}');
    expect(focusedName()).toBe('Partager');
  });

  it('closes on Escape and gives focus back to the button', async () => {
    const { button, user } = setup();
    button.focus();
    await user.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('chooses the focused item with Enter, once', async () => {
    const { button, chosen, user } = setup();
    button.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(chosen).toHaveBeenCalledExactlyOnceWith('Télécharger');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('chooses with a click, and closes on Tab', async () => {
    const { button, chosen, user } = setup();
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Renommer' }));
    expect(chosen).toHaveBeenCalledWith('Renommer');
    button.focus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows why an item is disabled, and does not choose it', async () => {
    const chosen = vi.fn();
    render(<MenuButton label="Actions" items={[{ id: 'share', label: 'Partager', disabled: true, title: 'Bientôt', onSelect: chosen }]} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    const item = screen.getByRole('menuitem', { name: 'Partager' });
    expect(item.getAttribute('aria-disabled')).toBe('true');
    expect(item.getAttribute('title')).toBe('Bientôt');
    await user.click(item);
    expect(chosen).not.toHaveBeenCalled();
  });
});
