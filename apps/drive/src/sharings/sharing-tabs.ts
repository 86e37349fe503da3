/** « Reçus » then « Envoyés ». */
export const SHARING_TABS = ['received', 'sent'] as const;
export type SharingTab = (typeof SHARING_TABS)[number];

/** ← → Home End across the tabs (automatic activation: the tab reached is shown). */
export function tabAfter(current: SharingTab, key: string): SharingTab | null {
  const index = SHARING_TABS.indexOf(current);
  const last = SHARING_TABS.length - 1;
  const to =
    key === 'ArrowRight' ? (index === last ? 0 : index + 1)
    : key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
    : key === 'Home' ? 0
    : key === 'End' ? last
    : null;
  return to === null ? null : (SHARING_TABS[to] ?? null);
}
