import { createAppPasswords } from './app-passwords.ts';
import type { AppPasswordsResource } from './app-passwords.ts';
import { createDocuments } from './documents.ts';
import type { DocumentsResource } from './documents.ts';
import { createFiles } from './files.ts';
import type { FilesResource } from './files.ts';
import { createNotes } from './notes.ts';
import type { NotesResource } from './notes.ts';
import { createPeople } from './people.ts';
import type { PeopleResource } from './people.ts';
import { createSharings } from './sharings.ts';
import type { SharingsResource } from './sharings.ts';
import { createSpace } from './space.ts';
import type { SpaceResource } from './space.ts';
import { createTransport } from './transport.ts';
import type { Transport, TransportOptions } from './transport.ts';

export type ClientOptions = Omit<TransportOptions, 'baseUrl'> & { baseUrl?: string };

export type Client = {
  readonly transport: Transport;
  readonly files: FilesResource;
  readonly documents: DocumentsResource;
  readonly space: SpaceResource;
  readonly appPasswords: AppPasswordsResource;
  readonly sharings: SharingsResource;
  readonly people: PeopleResource;
  readonly notes: NotesResource;
};

export function createClient({ baseUrl = '', ...options }: ClientOptions): Client {
  const transport = createTransport({ baseUrl, ...options });
  return {
    transport,
    files: createFiles(transport),
    documents: createDocuments(transport),
    space: createSpace(transport),
    appPasswords: createAppPasswords(transport),
    sharings: createSharings(transport, { getToken: options.getToken, onUnauthorized: options.onUnauthorized }),
    people: createPeople(transport),
    notes: createNotes(transport),
  };
}
