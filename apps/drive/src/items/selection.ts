/**
 * What is selected in a list, by id, with the keyboard's place (`focus`) and the end a shift-click
 * or shift-arrow extends from (`anchor`), both as positions in the list's current order.
 */
export type Selection = { readonly ids: ReadonlySet<string>; readonly anchor: number; readonly focus: number };

export const noSelection: Selection = { ids: new Set(), anchor: 0, focus: 0 };

export type PickMode = { range?: boolean; toggle?: boolean };

function between(order: readonly string[], a: number, b: number): string[] {
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/**
 * A click: alone it selects one item; with ctrl/cmd (`toggle`) it adds or removes that item; with
 * shift (`range`) it selects from the anchor to it (added to the rest when ctrl is held too).
 */
export function pick(selection: Selection, order: readonly string[], index: number, { range, toggle }: PickMode = {}): Selection {
  const id = order[index];
  if (id === undefined) return selection;
  if (range) {
    const span = between(order, selection.anchor, index);
    return { ids: new Set(toggle ? [...selection.ids, ...span] : span), anchor: selection.anchor, focus: index };
  }
  if (toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: index, focus: index };
  }
  return { ids: new Set([id]), anchor: index, focus: index };
}

/** Arrow keys: plain, the item reached is selected alone; shift extends; ctrl/cmd only moves the focus. */
export function moveTo(selection: Selection, order: readonly string[], index: number, { range, toggle }: PickMode = {}): Selection {
  if (order.length === 0) return selection;
  const to = Math.min(Math.max(index, 0), order.length - 1);
  if (toggle && !range) return { ...selection, focus: to };
  return pick(selection, order, to, { range });
}

export function selectAll(order: readonly string[], selection: Selection): Selection {
  return { ...selection, ids: new Set(order) };
}

/** After the list changed (items trashed, moved away): ids no longer shown leave the selection. */
export function keepShown(selection: Selection, order: readonly string[]): Selection {
  const shown = new Set(order);
  const ids = [...selection.ids].filter((id) => shown.has(id));
  const focus = Math.min(selection.focus, Math.max(order.length - 1, 0));
  if (ids.length === selection.ids.size && focus === selection.focus) return selection;
  return { ids: new Set(ids), anchor: Math.min(selection.anchor, focus), focus };
}

/**
 * Where a key moves the focus in a list of `count` items laid out `columns` per line (1 for the
 * list view); null for keys that do not move it.
 */
export function keyTarget(key: string, focus: number, count: number, columns: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(focus + columns, count - 1);
    case 'ArrowUp':
      return Math.max(focus - columns, 0);
    case 'ArrowRight':
      return columns > 1 ? Math.min(focus + 1, count - 1) : null;
    case 'ArrowLeft':
      return columns > 1 ? Math.max(focus - 1, 0) : null;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(focus + 10 * columns, count - 1);
    case 'PageUp':
      return Math.max(focus - 10 * columns, 0);
    default:
      return null;
  }
}
