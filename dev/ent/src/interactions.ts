import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Logger } from 'pino';
import { authenticate } from './accounts.ts';
import { entBar, html, renderPage, sendHtml } from './page.ts';

const MAX_FORM_BYTES = 8 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function loginPage(uid: string, opts: { login: string; error: boolean }): string {
  const errorAttrs = opts.error ? html`aria-invalid="true" aria-describedby="login-error"` : '';
  return renderPage({
    title: "Connexion à l'ENT Toutatice",
    body: html`${entBar}
<main class="narrow">
  <div class="card">
    <h1>Connexion à l'ENT Toutatice</h1>
    <form method="post" action="/interaction/${uid}/login" novalidate>
      ${opts.error ? html`<p class="error" id="login-error" role="alert">Identifiant ou mot de passe incorrect.</p>` : ''}
      <label for="login">Identifiant</label>
      <input type="text" id="login" name="login" value="${opts.login}" autocomplete="username"
        autocapitalize="none" spellcheck="false" required ${errorAttrs} autofocus>
      <label for="password">Mot de passe</label>
      <input type="password" id="password" name="password" autocomplete="current-password"
        required ${errorAttrs}>
      <button type="submit">Se connecter</button>
    </form>
    <p class="hint">Comptes de démonstration : enseignant, eleve, agent, admin — mot de passe demo</p>
  </div>
</main>`,
  });
}

function expiredPage(publicUrl: string): string {
  return renderPage({
    title: 'Session de connexion expirée',
    body: html`${entBar}
<main class="narrow">
  <div class="card">
    <h1>Session de connexion expirée</h1>
    <p>Cette demande de connexion n'est plus valable. Recommencez depuis MyToutatice.</p>
    <p><a class="button" href="${publicUrl}/">Retour à MyToutatice</a></p>
  </div>
</main>`,
  });
}

/**
 * The login page of the authorization flow: GET /interaction/:uid shows it, POST
 * /interaction/:uid/login checks the demo credentials. Consent prompts (only when a client
 * explicitly asks prompt=consent) are granted without a screen: the only client is first-party.
 * Returns false when the path is not an interaction route.
 */
export function interactionRoutes(provider: Provider, publicUrl: string, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
    if (!match) return false;
    const [, uid, login] = match;

    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (err) {
      if (err instanceof Error && err.name === 'SessionNotFound') {
        sendHtml(res, 400, expiredPage(publicUrl));
        return true;
      }
      throw err;
    }
    if (details.uid !== uid) {
      sendHtml(res, 400, expiredPage(publicUrl));
      return true;
    }

    if (details.prompt.name === 'consent') {
      const accountId = details.session?.accountId;
      const clientId = String(details.params.client_id);
      const grant =
        (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
        new provider.Grant({ accountId, clientId });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return true;
    }

    if (req.method === 'GET' && !login) {
      const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
      sendHtml(res, 200, loginPage(details.uid, { login: hint, error: false }));
      return true;
    }

    if (req.method === 'POST' && login) {
      const form = await readForm(req);
      const typed = form?.get('login') ?? '';
      const account = authenticate(typed, form?.get('password') ?? '');
      if (!account) {
        log.info({ login: typed }, 'ENT login refused');
        sendHtml(res, 401, loginPage(details.uid, { login: typed, error: true }));
        return true;
      }
      log.info({ login: account.login }, 'ENT login');
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
      return true;
    }

    res.writeHead(405, { allow: login ? 'POST' : 'GET' }).end();
    return true;
  };
}
