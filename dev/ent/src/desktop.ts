import { html, renderPage } from './page.ts';

const header = html`<header class="bar"><p>ENT Toutatice — académie de Rennes</p></header>`;

/** The ENT's home page, as a school user sees it: a few services, one of them MyToutatice. */
export function desktopPage(publicUrl: string): string {
  const demoTile = (name: string, text: string) => html`<li class="card">
      <span class="badge">démo</span>
      <h2>${name}</h2>
      <p>${text} Service de démonstration, inactif.</p>
    </li>`;
  return renderPage({
    title: "Bureau de l'ENT Toutatice",
    body: html`${header}
<main>
  <h1>Bureau de l'ENT Toutatice</h1>
  <ul class="tiles">
    <li class="card">
      <h2 id="tile-mytoutatice"><a href="${publicUrl}/">MyToutatice</a></h2>
      <p>Votre espace numérique personnel : fichiers, notes, contacts, photos.</p>
      <p><a href="/bureau/mytoutatice" aria-describedby="tile-mytoutatice">Ouvrir dans le bureau</a></p>
    </li>
    ${demoTile('Messagerie', 'Courrier de l’établissement.')}
    ${demoTile('Cahier de textes', 'Devoirs et séances de la classe.')}
  </ul>
</main>`,
  });
}

/** MyToutatice embedded in the ENT, the way the real desktop frames it. */
export function embeddedHomePage(publicUrl: string): string {
  return renderPage({
    title: "MyToutatice — Bureau de l'ENT Toutatice",
    body: html`<div class="embed">
  <nav aria-label="Bureau de l'ENT"><a href="/">Retour au bureau</a></nav>
  <iframe src="${publicUrl}/" title="MyToutatice"></iframe>
</div>`,
  });
}
