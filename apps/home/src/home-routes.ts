/** The Home's own settings page (device app passwords…). */
export const SETTINGS_ROUTE = '/settings';

/** The routes the Home micro-frontend answers; every other one is an app's. */
export const HOME_ROUTES: readonly string[] = ['/', '/onboarding', SETTINGS_ROUTE];
