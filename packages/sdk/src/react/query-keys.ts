/**
 * Every React Query key the sdk uses, in one place, so apps can invalidate or prefetch the same
 * data (`queryClient.invalidateQueries({ queryKey: queryKeys.folder(id) })`).
 */
export const queryKeys = {
  all: ['mytoutatice'] as const,
  me: () => ['mytoutatice', 'me'] as const,
  apps: () => ['mytoutatice', 'apps'] as const,
  file: (id: string) => ['mytoutatice', 'file', id] as const,
  /** Prefix of every folder listing. */
  folders: () => ['mytoutatice', 'folder'] as const,
  folder: (id: string) => ['mytoutatice', 'folder', id] as const,
  documents: (doctype: string) => ['mytoutatice', 'documents', doctype] as const,
};
