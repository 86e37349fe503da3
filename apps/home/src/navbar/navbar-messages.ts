export const navbarMessages = {
  fr: {
    'navbar.account': 'Mon compte',
    'navbar.settings': 'Paramètres',
    'navbar.notifications': 'Notifications',
    'navbar.notificationsOneUnread': 'Notifications, 1 non lue',
    'navbar.notificationsUnread': 'Notifications, {count} non lues',
    'navbar.noNotifications': 'Aucune notification pour le moment.',
    'navbar.markAllRead': 'Tout marquer comme lu',
    'navbar.unread': 'Non lue :',
    'navbar.sharedFolder': '{owner} a partagé le dossier « {name} » avec vous ({role})',
    'navbar.sharedFile': '{owner} a partagé le fichier « {name} » avec vous ({role})',
    'navbar.role.write': 'Peut modifier',
    'navbar.role.read': 'Peut consulter',
    'navbar.role.drop': 'Dépôt',
  },
  en: {
    'navbar.account': 'My account',
    'navbar.settings': 'Settings',
    'navbar.notifications': 'Notifications',
    'navbar.notificationsOneUnread': 'Notifications, 1 unread',
    'navbar.notificationsUnread': 'Notifications, {count} unread',
    'navbar.noNotifications': 'No notifications yet.',
    'navbar.markAllRead': 'Mark all as read',
    'navbar.unread': 'Unread:',
    'navbar.sharedFolder': '{owner} shared the folder “{name}” with you ({role})',
    'navbar.sharedFile': '{owner} shared the file “{name}” with you ({role})',
    'navbar.role.write': 'Can edit',
    'navbar.role.read': 'Can view',
    'navbar.role.drop': 'Drop folder',
  },
};

export type NavbarKey = keyof typeof navbarMessages.fr;
