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
