export const messages = {
  fr: {
    'photos.title': 'Photos',
    'photos.albums': 'Albums',
    'photos.empty.title': 'Aucun album pour l’instant',
    'photos.empty.text': 'Vos photos importées dans le Drive et vos albums apparaîtront ici.',
    'photos.loadError': 'Vos albums n’ont pas pu être chargés.',
    'photos.untitled': 'Album sans titre',
  },
  en: {
    'photos.title': 'Photos',
    'photos.albums': 'Albums',
    'photos.empty.title': 'No album yet',
    'photos.empty.text': 'Photos you import into the Drive and your albums will appear here.',
    'photos.loadError': 'Your albums could not be loaded.',
    'photos.untitled': 'Untitled album',
  },
};

export type PhotosKey = keyof typeof messages.fr;
