export { NOTE_FRAGMENT, noteExtensions, noteSchema } from './note-extensions.ts';
export { markdownToJson, jsonToMarkdown } from './markdown.ts';
export { docToJson, docToMarkdown, replaceDocContent, markdownToNote } from './y-doc.ts';
export { noteTitle, noteText } from './note-text.ts';
export { Panel, PANEL_KINDS } from './panel.ts';
export type { PanelKind } from './panel.ts';
export { isSafeLinkHref, isSafeImageSrc, isSafeColor } from './safe-values.ts';
