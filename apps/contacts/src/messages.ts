export const messages = {
  fr: {
    'contacts.title': 'Contacts',
    'contacts.empty.title': 'Aucun contact pour l’instant',
    'contacts.empty.text': 'Regroupez ici les contacts de vos collègues, de vos élèves et de vos proches.',
    'contacts.loadError': 'Vos contacts n’ont pas pu être chargés.',
    'contacts.unnamed': 'Contact sans nom',
  },
  en: {
    'contacts.title': 'Contacts',
    'contacts.empty.title': 'No contact yet',
    'contacts.empty.text': 'Keep the contacts of your colleagues, pupils and family here.',
    'contacts.loadError': 'Your contacts could not be loaded.',
    'contacts.unnamed': 'Unnamed contact',
  },
};

export type ContactsKey = keyof typeof messages.fr;
