export const messages = {
  fr: {
    'notes.title': 'Notes',
    'notes.recent': 'Notes récentes',
    'notes.empty.title': 'Aucune note pour l’instant',
    'notes.empty.text': 'Rédigez vos notes, seul ou à plusieurs : elles seront rangées ici, dans votre espace.',
    'notes.loadError': 'Vos notes n’ont pas pu être chargées.',
    'notes.untitled': 'Note sans titre',
  },
  en: {
    'notes.title': 'Notes',
    'notes.recent': 'Recent notes',
    'notes.empty.title': 'No note yet',
    'notes.empty.text': 'Write your notes, alone or together: they will be kept here, in your space.',
    'notes.loadError': 'Your notes could not be loaded.',
    'notes.untitled': 'Untitled note',
  },
};

export type NotesKey = keyof typeof messages.fr;
