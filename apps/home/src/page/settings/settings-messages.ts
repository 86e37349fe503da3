/** The settings page's strings: they travel in its lazy chunk, not in the Home's entry. */
export const settingsMessages = {
  fr: {
    'settings.title': 'Paramètres',
    'settings.devices.title': 'Appareils et mots de passe d’application',
    'settings.devices.intro':
      'Pour retrouver vos fichiers dans l’explorateur de fichiers d’un ordinateur ou dans une application de synchronisation sur téléphone, ajoutez-y une connexion WebDAV avec l’adresse et le nom d’utilisateur ci-dessous, et un mot de passe d’application.',
    'settings.devices.perDevice':
      'Créez un mot de passe par appareil : si vous perdez l’un d’eux, révoquez son mot de passe sans toucher aux autres. Votre mot de passe de l’ENT n’est jamais demandé.',
    'settings.devices.address': 'Adresse WebDAV',
    'settings.devices.username': 'Nom d’utilisateur',
    'settings.devices.label': 'Nom de l’appareil',
    'settings.devices.labelHint': 'Par exemple : Ordinateur de la maison, Téléphone. 100 caractères au plus.',
    'settings.devices.labelRequired': 'Donnez un nom à l’appareil.',
    'settings.devices.create': 'Créer un mot de passe',
    'settings.devices.creating': 'Création…',
    'settings.devices.created': 'Mot de passe créé pour « {label} »',
    'settings.devices.password': 'Mot de passe',
    'settings.devices.onceWarning':
      'Saisissez-le maintenant dans l’appareil ou copiez-le : il ne sera plus jamais affiché. Si vous l’oubliez, révoquez-le et créez-en un autre.',
    'settings.devices.copy': 'Copier',
    'settings.devices.copied': 'Mot de passe copié.',
    'settings.devices.copyFailed': 'La copie n’a pas fonctionné : le mot de passe est sélectionné, copiez-le avec Ctrl+C.',
    'settings.devices.done': 'J’ai terminé',
    'settings.devices.list': 'Mots de passe créés',
    'settings.devices.empty': 'Aucun mot de passe d’application pour l’instant.',
    'settings.devices.createdAt': 'Créé le {date}',
    'settings.devices.lastUsed': 'Dernière utilisation : {date}',
    'settings.devices.neverUsed': 'Jamais utilisé',
    'settings.devices.revoke': 'Révoquer',
    'settings.devices.revokeTitle': 'Révoquer « {label} » ?',
    'settings.devices.revokeText':
      'Les appareils qui utilisent ce mot de passe n’auront plus accès à vos fichiers. Vos fichiers ne sont pas supprimés.',
    'settings.devices.revoked': 'Mot de passe « {label} » révoqué.',
    'settings.devices.loadError': 'Les mots de passe d’application n’ont pas pu être chargés.',
  },
  en: {
    'settings.title': 'Settings',
    'settings.devices.title': 'Devices and app passwords',
    'settings.devices.intro':
      'To reach your files from a computer’s file manager or from a sync app on a phone, add a WebDAV connection there with the address and user name below, and an app password.',
    'settings.devices.perDevice':
      'Create one password per device: if you lose one, revoke its password without touching the others. Your ENT password is never asked for.',
    'settings.devices.address': 'WebDAV address',
    'settings.devices.username': 'User name',
    'settings.devices.label': 'Device name',
    'settings.devices.labelHint': 'For example: Home computer, Phone. At most 100 characters.',
    'settings.devices.labelRequired': 'Give the device a name.',
    'settings.devices.create': 'Create a password',
    'settings.devices.creating': 'Creating…',
    'settings.devices.created': 'Password created for “{label}”',
    'settings.devices.password': 'Password',
    'settings.devices.onceWarning':
      'Type it into the device now or copy it: it will never be shown again. If you forget it, revoke it and create another.',
    'settings.devices.copy': 'Copy',
    'settings.devices.copied': 'Password copied.',
    'settings.devices.copyFailed': 'Copying did not work: the password is selected, copy it with Ctrl+C.',
    'settings.devices.done': 'Done',
    'settings.devices.list': 'Passwords created',
    'settings.devices.empty': 'No app password yet.',
    'settings.devices.createdAt': 'Created on {date}',
    'settings.devices.lastUsed': 'Last used: {date}',
    'settings.devices.neverUsed': 'Never used',
    'settings.devices.revoke': 'Revoke',
    'settings.devices.revokeTitle': 'Revoke “{label}”?',
    'settings.devices.revokeText': 'Devices using this password will no longer reach your files. Your files are not deleted.',
    'settings.devices.revoked': 'Password “{label}” revoked.',
    'settings.devices.loadError': 'The app passwords could not be loaded.',
  },
};

export type SettingsKey = keyof typeof settingsMessages.fr;
