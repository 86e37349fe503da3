import type { Editor, JSONContent } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { MenuButton, useT } from '@mytoutatice/ui';
import type { MenuItem } from '@mytoutatice/ui';
import { useRef, type ReactNode } from 'react';
import { NOTE_IMAGE_TYPES } from '@mytoutatice/sdk';
import type { NotesKey } from '../messages.ts';

const HEADINGS = [1, 2, 3] as const;
const PANELS = ['info', 'warning', 'error', 'success'] as const;
const COLOURS = { red: '#b42318', orange: '#b54708', green: '#067647', blue: '#1a62a8', purple: '#6941c6' } as const;
const HIGHLIGHTS = { yellow: '#fef08a', green: '#bbf7d0', blue: '#bfdbfe', pink: '#fbcfe8' } as const;

/** Drawn glyphs where no character reads well in every font (and none may be a letter: axe wants the name to hold what shows). */
const GLYPHS = {
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1.2L3.5 19H6',
  panel: 'M12 8v.01M11 12h1v5h1M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15 9.5a1.5 1.5 0 1 0 0-.01',
} as const;

function Glyph({ name }: { name: keyof typeof GLYPHS }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={GLYPHS[name]} />
    </svg>
  );
}

/**
 * A 3 × 3 table whose header cells are named « Colonne 1… » (Markdown tables need a header row,
 * and empty header cells leave the columns without a name for screen readers).
 */
function newTable(column: (n: number) => string): JSONContent {
  const cell = (type: 'tableHeader' | 'tableCell', text: string) => ({
    type,
    content: [{ type: 'paragraph', ...(text === '' ? {} : { content: [{ type: 'text', text }] }) }],
  });
  const columns = [1, 2, 3];
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: columns.map((n) => cell('tableHeader', column(n))) },
      ...[1, 2].map(() => ({ type: 'tableRow', content: columns.map(() => cell('tableCell', '')) })),
    ],
  };
}

function ToolButton({ label, active, onClick, children }: { label: string; active?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="mt-note-tool" aria-label={label} title={label} aria-pressed={active} onClick={onClick}>
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

/**
 * The seed's toolbar (« Texte normal », B, I, …), every command also a Tiptap keyboard shortcut or
 * Markdown rule. Wraps onto more lines on a phone; each control has its French name. « Insérer une
 * image » picks files (`onImages`) for those who can neither paste nor drop (keyboard, phone).
 */
export function NoteToolbar({ editor, onImages }: { editor: Editor; onImages: (files: File[]) => void }) {
  const t = useT<NotesKey>();
  const picker = useRef<HTMLInputElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: HEADINGS.find((level) => e.isActive('heading', { level })) ?? 0,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      link: e.isActive('link'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      taskList: e.isActive('taskList'),
      quote: e.isActive('blockquote'),
      codeBlock: e.isActive('codeBlock'),
      table: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();

  const setLink = () => {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? '';
    const href = window.prompt(t('toolbar.linkPrompt'), previous);
    if (href === null) return;
    if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  const panel = (kind: (typeof PANELS)[number]) => {
    if (editor.isActive('panel', { kind })) chain().lift('panel').run();
    else if (editor.isActive('panel')) chain().updateAttributes('panel', { kind }).run();
    else chain().wrapIn('panel', { kind }).run();
  };

  const colours: MenuItem[] = [
    { id: 'default', label: t('toolbar.colors.default'), onSelect: () => chain().unsetColor().run() },
    ...Object.entries(COLOURS).map(([name, colour]) => ({
      id: name,
      label: t(`toolbar.colors.${name}` as NotesKey),
      icon: <span className="mt-note-swatch" style={{ background: colour }} />,
      onSelect: () => chain().setColor(colour).run(),
    })),
  ];
  const highlights: MenuItem[] = [
    { id: 'none', label: t('toolbar.highlight.none'), onSelect: () => chain().unsetHighlight().run() },
    ...Object.entries(HIGHLIGHTS).map(([name, colour]) => ({
      id: name,
      label: t(`toolbar.highlight.${name}` as NotesKey),
      icon: <span className="mt-note-swatch" style={{ background: colour }} />,
      onSelect: () => chain().setHighlight({ color: colour }).run(),
    })),
  ];
  const outside = !state.table;
  const table: MenuItem[] = [
    { id: 'insert', label: t('toolbar.table.insert'), onSelect: () => chain().insertContent(newTable((n) => t('toolbar.table.column', { n }))).run() },
    { id: 'addRow', label: t('toolbar.table.addRow'), disabled: outside, onSelect: () => chain().addRowAfter().run() },
    { id: 'deleteRow', label: t('toolbar.table.deleteRow'), disabled: outside, onSelect: () => chain().deleteRow().run() },
    { id: 'addColumn', label: t('toolbar.table.addColumn'), disabled: outside, onSelect: () => chain().addColumnAfter().run() },
    { id: 'deleteColumn', label: t('toolbar.table.deleteColumn'), disabled: outside, onSelect: () => chain().deleteColumn().run() },
    { id: 'delete', label: t('toolbar.table.delete'), disabled: outside, danger: true, onSelect: () => chain().deleteTable().run() },
  ];
  const panels: MenuItem[] = PANELS.map((kind) => ({ id: kind, label: t(`toolbar.panel.${kind}`), onSelect: () => panel(kind) }));

  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="mt-note-toolbar">
      <select
        className="mt-field__input mt-note-toolbar__block"
        aria-label={t('toolbar.block')}
        value={state.block}
        onChange={(event) => {
          const level = Number(event.target.value);
          if (level === 1 || level === 2 || level === 3) chain().setHeading({ level }).run();
          else chain().setParagraph().run();
        }}
      >
        <option value={0}>{t('toolbar.paragraph')}</option>
        {HEADINGS.map((level) => (
          <option key={level} value={level}>
            {t('toolbar.heading', { level })}
          </option>
        ))}
      </select>
      <ToolButton label={t('toolbar.bold')} active={state.bold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </ToolButton>
      <ToolButton label={t('toolbar.italic')} active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </ToolButton>
      <ToolButton label={t('toolbar.underline')} active={state.underline} onClick={() => chain().toggleUnderline().run()}>
        <u>U</u>
      </ToolButton>
      <ToolButton label={t('toolbar.strike')} active={state.strike} onClick={() => chain().toggleStrike().run()}>
        <s>S</s>
      </ToolButton>
      <MenuButton label={t('toolbar.color')} icon={<span aria-hidden="true">A</span>} hideLabel variant="ghost" size="sm" items={colours} />
      <MenuButton label={t('toolbar.highlight')} icon={<span aria-hidden="true" className="mt-note-tool__mark">A</span>} hideLabel variant="ghost" size="sm" items={highlights} />
      <ToolButton label={t('toolbar.link')} active={state.link} onClick={setLink}>
        <Glyph name="link" />
      </ToolButton>
      <ToolButton label={t('toolbar.bulletList')} active={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
        •≡
      </ToolButton>
      <ToolButton label={t('toolbar.orderedList')} active={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
        <Glyph name="orderedList" />
      </ToolButton>
      <ToolButton label={t('toolbar.taskList')} active={state.taskList} onClick={() => chain().toggleTaskList().run()}>
        ☑
      </ToolButton>
      <ToolButton label={t('toolbar.quote')} active={state.quote} onClick={() => chain().toggleBlockquote().run()}>
        ❝
      </ToolButton>
      <ToolButton label={t('toolbar.rule')} onClick={() => chain().setHorizontalRule().run()}>
        ―
      </ToolButton>
      <MenuButton label={t('toolbar.table')} icon={<span aria-hidden="true">▦</span>} hideLabel variant="ghost" size="sm" items={table} />
      <MenuButton label={t('toolbar.panel')} icon={<Glyph name="panel" />} hideLabel variant="ghost" size="sm" items={panels} />
      <ToolButton label={t('toolbar.codeBlock')} active={state.codeBlock} onClick={() => chain().toggleCodeBlock().run()}>
        {'</>'}
      </ToolButton>
      <ToolButton label={t('toolbar.image')} onClick={() => picker.current?.click()}>
        <Glyph name="image" />
      </ToolButton>
      <input
        ref={picker}
        type="file"
        accept={NOTE_IMAGE_TYPES.join(',')}
        multiple
        hidden
        aria-label={t('toolbar.image')}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Emptied, so choosing the same file again is a change too.
          event.target.value = '';
          if (files.length > 0) onImages(files);
        }}
      />
    </div>
  );
}
