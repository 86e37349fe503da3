/** The panel's words, loaded with it (the navbar's own go with the shell). */
export const notificationsMessages = {
  fr: {
    'notifications.none': 'Aucune notification pour le moment.',
    'notifications.markAllRead': 'Tout marquer comme lu',
    'notifications.unread': 'Non lue :',
    'notifications.sharedFolder': '{owner} a partagé le dossier « {name} » avec vous ({role})',
    'notifications.sharedFile': '{owner} a partagé le fichier « {name} » avec vous ({role})',
    'notifications.role.write': 'Peut modifier',
    'notifications.role.read': 'Peut consulter',
    'notifications.role.drop': 'Dépôt',
  },
  en: {
    'notifications.none': 'No notifications yet.',
    'notifications.markAllRead': 'Mark all as read',
    'notifications.unread': 'Unread:',
    'notifications.sharedFolder': '{owner} shared the folder “{name}” with you ({role})',
    'notifications.sharedFile': '{owner} shared the file “{name}” with you ({role})',
    'notifications.role.write': 'Can edit',
    'notifications.role.read': 'Can view',
    'notifications.role.drop': 'Drop folder',
  },
};

export type NotificationsKey = keyof typeof notificationsMessages.fr;
