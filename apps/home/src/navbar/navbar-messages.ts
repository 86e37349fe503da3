export const navbarMessages = {
  fr: {
    'navbar.account': 'Mon compte',
    'navbar.settings': 'Paramètres',
    'navbar.notifications': 'Notifications',
    'navbar.notificationsUnread.one': 'Notifications, {count} non lue',
    'navbar.notificationsUnread.other': 'Notifications, {count} non lues',
  },
  en: {
    'navbar.account': 'My account',
    'navbar.settings': 'Settings',
    'navbar.notifications': 'Notifications',
    'navbar.notificationsUnread.one': 'Notifications, {count} unread',
    'navbar.notificationsUnread.other': 'Notifications, {count} unread',
  },
};

export type NavbarKey = keyof typeof navbarMessages.fr;
