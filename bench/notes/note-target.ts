/** Where bench/notes opens its collaborative clients: a plain Hocuspocus server, or the real system. */
export type NoteSocket = {
  /** The WebSocket address the provider connects to. */
  url: string;
  /** The Hocuspocus document name (the note's file id through the gateway). */
  name: string;
  /** WebSocket subprotocols to offer (the gateway's `mytoutatice.v1` and `bearer.<token>`). */
  protocols: string[];
  /** Headers of the upgrade (the internal token, straight to the storage). */
  headers?: Record<string, string>;
};

export type NoteTarget = {
  /** How the tables name it. */
  label: string;
  /** A new note to type into: empty, or holding `markdown` as an import would. */
  newNote(markdown?: string): Promise<NoteSocket>;
  stop(): Promise<void>;
};
