/**
 * Shown in an app's own area when it cannot load or crashes, so the shell and the other apps
 * keep working. Plain DOM: it must render even when the failure is in React or the ui module.
 */
export function renderErrorPanel(area: HTMLElement, appName: string, error: unknown): void {
  const panel = document.createElement('section');
  panel.className = 'mt-error-panel';
  panel.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = `${appName} n’a pas pu se charger`;
  const text = document.createElement('p');
  text.textContent = "Le reste de MyToutatice fonctionne. Réessayez dans un instant ; si le problème continue, signalez-le à l'assistance de l'ENT.";
  const detail = document.createElement('p');
  detail.className = 'mt-error-panel__detail';
  detail.textContent = error instanceof Error ? error.message : String(error);
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'mt-button mt-button--primary';
  retry.textContent = 'Réessayer';
  retry.addEventListener('click', () => window.location.reload());
  panel.append(title, text, detail, retry);
  area.replaceChildren(panel);
}
