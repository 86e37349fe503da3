import type { KoaContextWithOIDC } from 'oidc-provider';
import { entBar, Html, html, renderPage } from './page.ts';

export const LOGOUT_SCRIPT_PATH = '/static/logout.js';

/**
 * Served as a file, so the logout page works under a CSP without 'unsafe-inline'. The form only
 * submits itself when the request came from a known client (a valid id_token_hint): a bare link to
 * /session/end elsewhere still asks the user.
 */
export const logoutScript = `'use strict';
var form = document.getElementById('op.logoutForm');
if (form && form.getAttribute('data-auto-submit') === 'true') form.submit();
`;

export function logoutSource(publicUrl: string) {
  return (ctx: KoaContextWithOIDC, form: string): void => {
    const autoSubmit = ctx.oidc.entities.IdTokenHint !== undefined;
    // oidc-provider's form holds only the xsrf field; `logout=yes` ends the whole ENT session,
    // not only this client's part of it.
    const fullForm = form
      .replace('<form ', `<form data-auto-submit="${autoSubmit}" `)
      .replace(
        '</form>',
        '<input type="hidden" name="logout" value="yes"/><button type="submit">Se déconnecter</button></form>',
      );
    ctx.type = 'html';
    ctx.body = renderPage({
      title: "Déconnexion de l'ENT Toutatice",
      scripts: [LOGOUT_SCRIPT_PATH],
      body: html`${entBar}
<main class="narrow">
  <div class="card">
    <h1>Déconnexion de l'ENT Toutatice</h1>
    <p>${autoSubmit ? 'Déconnexion en cours…' : "Voulez-vous vous déconnecter de l'ENT Toutatice ?"}</p>
    ${new Html(fullForm)}
    <p class="hint"><a href="${publicUrl}/">Retour à MyToutatice</a></p>
  </div>
</main>`,
    });
  };
}

export function postLogoutSuccessSource(publicUrl: string) {
  return (ctx: KoaContextWithOIDC): void => {
    ctx.type = 'html';
    ctx.body = renderPage({
      title: "Vous êtes déconnecté de l'ENT Toutatice",
      body: html`${entBar}
<main class="narrow">
  <div class="card">
    <h1>Vous êtes déconnecté de l'ENT Toutatice</h1>
    <p><a class="button" href="${publicUrl}/">Retour à MyToutatice</a></p>
    <p class="hint"><a href="/">Bureau de l'ENT</a></p>
  </div>
</main>`,
    });
  };
}
