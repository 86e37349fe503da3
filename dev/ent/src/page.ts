import type { ServerResponse } from 'node:http';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const part = Array.isArray(v)
      ? v.map((x) => (x instanceof Html ? x.value : escapeHtml(x))).join('')
      : v instanceof Html
        ? v.value
        : escapeHtml(v);
    out += part + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

// Contrast: #1b1b1b on #fff is 17:1, #fff on #00468c is 9.6:1, #a8001c on #fff is 7.9:1.
const css = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1b;background:#f3f5f8}
body{margin:0;min-height:100vh}
header.bar{background:#00468c;color:#fff;padding:.75rem 1rem}
header.bar p{margin:0;font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem}
main.narrow{max-width:28rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
.card{background:#fff;border:1px solid #c9d1dc;border-radius:.5rem;padding:1.25rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.6rem .7rem;border:2px solid #5a6472;border-radius:.35rem;background:#fff;color:inherit}
input[aria-invalid=true]{border-color:#a8001c}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.65rem 1.1rem;margin-top:1.25rem;border:0;border-radius:.35rem;background:#00468c;color:#fff;cursor:pointer;text-decoration:none}
button:hover,.button:hover{background:#003366}
a{color:#00468c}
:focus-visible{outline:3px solid #c25400;outline-offset:2px}
.error{color:#a8001c;font-weight:600;margin:0 0 .5rem}
.hint{font-size:.95rem;color:#3d4550;margin-top:1.25rem}
.tiles{list-style:none;padding:0;margin:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
.tiles h2{font-size:1.15rem;margin:0 0 .5rem}
.tiles p{margin:0}
.badge{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:.1rem .45rem;border-radius:.25rem;background:#e4e8ee;color:#333b45;margin-bottom:.5rem}
.embed{display:flex;flex-direction:column;height:100vh}
.embed nav{padding:.5rem 1rem;background:#fff;border-bottom:1px solid #c9d1dc}
.embed iframe{flex:1;width:100%;border:0}
`;

/** The ENT's top bar, on every page but the desktop (which names the académie). */
export const entBar = html`<header class="bar"><p>ENT Toutatice</p></header>`;

export function renderPage(opts: { title: string; body: Html; scripts?: string[] }): string {
  const scripts = (opts.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`);
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<style>${new Html(css)}</style>
${scripts}
</head>
<body>
${opts.body}
</body>
</html>
`.value;
}

export function sendHtml(res: ServerResponse, status: number, page: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
