/** Joins the truthy class names: `classNames('mt-button', danger && 'mt-button--danger')`. */
export function classNames(...names: readonly (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
