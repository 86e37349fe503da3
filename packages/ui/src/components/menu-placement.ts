/** Where an open menu goes: below its button unless it only fits above, never past the window. */
export type MenuPlacement = { up: boolean; maxHeight: number };

/** Room kept between the menu and the window's edge, and between the menu and its button. */
const EDGE = 8;
const GAP = 4;

/**
 * Below the button when the whole menu fits there; otherwise on the side with more room, its
 * height capped to that room (the menu then scrolls), so that its last item (« Supprimer ») is
 * never cut off by the bottom of the window.
 */
export function placeMenu(button: { top: number; bottom: number }, menuHeight: number, windowHeight: number): MenuPlacement {
  const below = Math.max(0, windowHeight - button.bottom - GAP - EDGE);
  const above = Math.max(0, button.top - GAP - EDGE);
  const up = menuHeight > below && above > below;
  return { up, maxHeight: up ? above : below };
}
