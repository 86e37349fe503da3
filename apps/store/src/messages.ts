export const messages = {
  fr: {
    'store.title': 'Store',
    'store.apps': 'Applications',
    'store.installed': 'Installée',
    'store.connectors': 'Connecteurs',
    'store.connectors.empty.title': 'Aucun connecteur disponible pour l’instant',
    'store.connectors.empty.text': 'Les connecteurs de l’académie (ENSAP, MGEN…) seront proposés ici.',
    'store.open': 'Ouvrir {name}',
    'store.openShort': 'Ouvrir',
    'store.loadError': 'Le Store n’a pas pu être chargé.',
  },
  en: {
    'store.title': 'Store',
    'store.apps': 'Apps',
    'store.installed': 'Installed',
    'store.connectors': 'Connectors',
    'store.connectors.empty.title': 'No connector available yet',
    'store.connectors.empty.text': 'The académie’s connectors (ENSAP, MGEN…) will be offered here.',
    'store.open': 'Open {name}',
    'store.openShort': 'Open',
    'store.loadError': 'The Store could not be loaded.',
  },
};

export type StoreKey = keyof typeof messages.fr;
