/** The live note's words, loaded with it (the shell's dictionary does not carry them). */
export const noteMessages = {
  fr: {
    'note.live': 'Mise à jour en direct',
    'note.connecting': 'Connexion…',
    'note.offline': 'Hors ligne — la note sera mise à jour au retour du réseau',
    'note.gone': 'Cette note n’est plus disponible.',
    'note.failed': 'La note n’a pas pu être ouverte.',
    'image.loading': 'Chargement de l’image…',
    'image.failed': 'Image indisponible',
  },
  en: {
    'note.live': 'Updated live',
    'note.connecting': 'Connecting…',
    'note.offline': 'Offline — the note will update when the network is back',
    'note.gone': 'This note is no longer available.',
    'note.failed': 'The note could not be opened.',
    'image.loading': 'Loading the image…',
    'image.failed': 'Image unavailable',
  },
};

export type NoteKey = keyof typeof noteMessages.fr;
