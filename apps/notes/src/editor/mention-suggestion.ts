import type { Client } from '@mytoutatice/sdk';
import { MIN_PEOPLE_QUERY } from '@mytoutatice/sdk';

/** A person offered after « @ »: their space's slug (the mention's id) and name. */
export type MentionItem = { id: string; label: string };

type SuggestionProps = {
  editor: { view: { dom: Element } };
  items: MentionItem[];
  command: (item: MentionItem) => void;
  clientRect?: (() => DOMRect | null) | null;
};

/**
 * « @ » followed by two letters offers people of the académie's directory (the same search as
 * « Partager »), in a list under the caret: arrows choose, Enter or a click inserts, Escape closes.
 */
export function mentionSuggestion(client: Client, label: string) {
  return {
    char: '@',
    items: async ({ query }: { query: string }): Promise<MentionItem[]> => {
      if (query.trim().length < MIN_PEOPLE_QUERY) return [];
      try {
        return (await client.people.search(query.trim())).people.slice(0, 8).map((person) => ({ id: person.slug, label: person.name }));
      } catch {
        return [];
      }
    },
    render: () => {
      let list: HTMLUListElement | null = null;
      let props: SuggestionProps | null = null;
      let active = 0;
      const draw = () => {
        if (!list || !props) return;
        const { items, command } = props;
        list.hidden = items.length === 0;
        list.replaceChildren(
          ...items.map((item, index) => {
            const option = document.createElement('li');
            option.id = `mt-mention-${index}`;
            option.setAttribute('role', 'option');
            option.setAttribute('aria-selected', String(index === active));
            option.className = 'mt-mention-list__option';
            option.textContent = item.label;
            option.addEventListener('mousedown', (event) => {
              event.preventDefault();
              command(item);
            });
            return option;
          }),
        );
        const rect = props.clientRect?.();
        if (rect) {
          list.style.left = `${Math.min(rect.left, window.innerWidth - list.offsetWidth - 8)}px`;
          list.style.top = `${rect.bottom + 4}px`;
        }
      };
      return {
        onStart: (next: SuggestionProps) => {
          props = next;
          active = 0;
          list = document.createElement('ul');
          list.setAttribute('role', 'listbox');
          list.setAttribute('aria-label', label);
          list.className = 'mt-mention-list';
          // Inside the page's landmark, beside the editor (fixed under the caret).
          (next.editor.view.dom.closest('main') ?? document.body).append(list);
          draw();
        },
        onUpdate: (next: SuggestionProps) => {
          props = next;
          active = Math.min(active, Math.max(0, next.items.length - 1));
          draw();
        },
        onKeyDown: ({ event }: { event: KeyboardEvent }) => {
          const count = props?.items.length ?? 0;
          if (count === 0) return false;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            active = (active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
            draw();
            return true;
          }
          if (event.key === 'Enter' || event.key === 'Tab') {
            const item = props?.items[active];
            if (item) props?.command(item);
            return true;
          }
          return false;
        },
        onExit: () => {
          list?.remove();
          list = null;
          props = null;
        },
      };
    },
  };
}
