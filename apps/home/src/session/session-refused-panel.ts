export type SessionActions = {
  /** A new sign-in at the ENT. */
  signInAgain(): Promise<void>;
  /** Ends the session here and at the ENT. */
  signOut(): Promise<void>;
};

/**
 * Takes the whole page when the gateway refuses the session's token: nothing else can work, and
 * the person needs to know it and how to get out. Plain DOM, like the error panel: it may have
 * to show before React or the ui module ever loaded.
 */
export function renderSessionRefused(host: HTMLElement, actions: SessionActions): void {
  const main = document.createElement('main');
  main.className = 'mt-session-refused';
  const panel = document.createElement('section');
  panel.className = 'mt-error-panel';
  panel.setAttribute('aria-labelledby', 'mt-session-refused-title');
  const title = document.createElement('h1');
  title.id = 'mt-session-refused-title';
  title.tabIndex = -1;
  title.textContent = 'Votre session n’est pas valide';
  const text = document.createElement('p');
  text.textContent =
    'MyToutatice ne reconnaît pas votre connexion à l’ENT. Reconnectez-vous pour retrouver votre espace ; si le problème revient, déconnectez-vous et signalez-le à l’assistance de l’ENT.';
  const buttons = document.createElement('div');
  buttons.className = 'mt-session-refused__actions';
  buttons.append(
    button('Se reconnecter', 'mt-button--primary', actions.signInAgain),
    button('Se déconnecter', 'mt-button--secondary', actions.signOut),
  );
  panel.append(title, text, buttons);
  main.append(panel);
  host.replaceChildren(main);
  title.focus();
}

function button(label: string, variant: string, action: () => Promise<void>): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `mt-button ${variant}`;
  element.textContent = label;
  element.addEventListener('click', () => {
    element.disabled = true;
    void action().catch(() => {
      element.disabled = false;
    });
  });
  return element;
}
