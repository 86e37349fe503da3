export const navbarMessages = {
  fr: {
    'navbar.account': 'Mon compte',
    'navbar.settings': 'Paramètres',
    'navbar.notifications': 'Notifications',
    'navbar.notificationsOneUnread': 'Notifications, 1 non lue',
    'navbar.notificationsUnread': 'Notifications, {count} non lues',
  },
  en: {
    'navbar.account': 'My account',
    'navbar.settings': 'Settings',
    'navbar.notifications': 'Notifications',
    'navbar.notificationsOneUnread': 'Notifications, 1 unread',
    'navbar.notificationsUnread': 'Notifications, {count} unread',
  },
};

export type NavbarKey = keyof typeof navbarMessages.fr;
