import { noteImageOf } from '@mytoutatice/sdk';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * « Exporter en HTML »: the note's HTML (`editor.getHTML()`, already escaped by ProseMirror) in a
 * page of its own that opens anywhere, with a few rules for tables, panels and task lists.
 */
export function standaloneHtml(title: string, bodyHtml: string, lang = 'fr'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
table{border-collapse:collapse}td,th{border:1px solid #d0d5dd;padding:.25rem .5rem}
blockquote{border-left:3px solid #d0d5dd;margin-left:0;padding-left:1rem}
pre{background:#f5f7fa;padding:.75rem;overflow:auto}
ul[data-type=taskList]{list-style:none;padding-left:0}ul[data-type=taskList] li{display:flex;gap:.5rem}
div[data-panel]{border-left:4px solid;padding:.5rem 1rem;margin:1rem 0;border-radius:4px}
div[data-kind=info]{border-color:#1a62a8;background:#eef4fb}div[data-kind=warning]{border-color:#b54708;background:#fffaeb}
div[data-kind=error]{border-color:#b42318;background:#fef3f2}div[data-kind=success]{border-color:#067647;background:#ecfdf3}
</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}

/** A `data:` URL of the bytes (base64), as FileReader makes, without a DOM. */
async function dataUrlOf(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In pieces: spreading a whole photo into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

/**
 * The note's HTML with its own images (`/api/notes/…/images/…`, which need the session's token)
 * inside as `data:` URLs, so the exported file shows them anywhere. An image that cannot be read
 * keeps its address; images from elsewhere (http(s)) are left as they are.
 */
export async function inlineNoteImages(html: string, load: (src: string) => Promise<Blob>): Promise<string> {
  const sources = new Set(Array.from(html.matchAll(/<img [^>]*?src="([^"]+)"/g), (match) => match[1] ?? '').filter((src) => noteImageOf(src)));
  const inlined = new Map<string, string>();
  for (const src of sources) {
    const data = await load(src).then(dataUrlOf, () => undefined);
    if (data !== undefined) inlined.set(src, data);
  }
  return html.replace(/(<img [^>]*?src=")([^"]+)(")/g, (whole, before: string, src: string, after: string) => {
    const data = inlined.get(src);
    return data === undefined ? whole : `${before}${data}${after}`;
  });
}
