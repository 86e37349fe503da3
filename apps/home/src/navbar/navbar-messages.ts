export const navbarMessages = {
  fr: { 'navbar.account': 'Mon compte', 'navbar.settings': 'Paramètres' },
  en: { 'navbar.account': 'My account', 'navbar.settings': 'Settings' },
};

export type NavbarKey = keyof typeof navbarMessages.fr;
