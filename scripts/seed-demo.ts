/**
 * Demo data for `npm start`: the teacher's space with the folders of the product's screens
 * (« Administratif › Ensap », « Cours »…), created through the public API with a real sign-in,
 * exactly as a person would. Skipped when the space already exists.
 */
import { passwordSignIn } from '@mytoutatice/dev-ent/scripted-login';

export type SeedTarget = { publicUrl: string; issuer: string; gatewayUrl: string };

const DEMO_LOGIN = 'enseignant';

export async function seedDemo({ publicUrl, issuer, gatewayUrl }: SeedTarget): Promise<void> {
  const { tokens } = await passwordSignIn({ issuer, publicUrl, clientId: process.env.OIDC_CLIENT_ID ?? 'mytoutatice' }, DEMO_LOGIN, 'demo');
  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${gatewayUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json', ...init.headers },
    });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const me = await api<{ space: unknown; user: { email: string } }>('/gateway/me');
  if (me.space) return;
  await api('/gateway/onboarding', { method: 'POST', body: JSON.stringify({ email: me.user.email, acceptCgu: true }) });

  const folder = async (parentId: string, name: string) =>
    (await api<{ id: string }>(`/api/files/${parentId}/folders`, { method: 'POST', body: JSON.stringify({ name }) })).id;
  const file = (parentId: string, name: string, body: string, type: string) =>
    api(`/api/files/${parentId}/files?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers: { 'content-type': type } });

  const administratif = await folder('root', 'Administratif');
  const ensap = await folder(administratif, 'Ensap');
  for (const month of ['2026_09', '2026_10']) {
    await file(ensap, `${month}_Bulletin_de_paie.pdf`, minimalPdf(`Bulletin de paie ${month.replace('_', '-')}`), 'application/pdf');
  }
  const cours = await folder('root', 'Cours');
  await file(cours, 'Progression 4e.md', '# Progression de 4e\n\n1. La lettre\n2. Le récit\n3. Le théâtre\n', 'text/markdown');
  await folder('root', 'Photos');
  await folder('root', 'Restitution des devoirs');
  // A note (in « Notes »), as the seed's own screenshot shows one.
  await api('/api/notes', { method: 'POST', body: JSON.stringify({ markdown: DEMO_NOTE }) });
  console.log(`demo data: space « ${DEMO_LOGIN} » seeded`);
}

const DEMO_NOTE = `# Retours sur les tests utilisateurs

> [!NOTE]
> Notes prises pendant les tests de la rentrée : à compléter ensemble.

## Ce qui a plu

- Retrouver ses documents au même endroit
- Partager un dossier avec la classe en deux clics

## À faire

- [x] Relire les retours des élèves
- [ ] Préparer la réunion de l’équipe

| Point | Priorité |
| --- | --- |
| Import des fichiers | Haute |
| Notifications | Moyenne |

> [!WARNING]
> Ne pas partager ce compte rendu en dehors de l’équipe.
`;

/** A one-page PDF with a line of text: enough for previews and downloads to be real. */
function minimalPdf(text: string): string {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
