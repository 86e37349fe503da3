import type { MouseEvent } from 'react';

export type AppIconProps = {
  /** The app's name: shown under the icon, and the link's accessible name. */
  name: string;
  iconUrl: string;
  /** A link when given (the usual case: the app's route), else a button. */
  href?: string;
  onClick?: (event: MouseEvent<HTMLAnchorElement | HTMLButtonElement>) => void;
};

/**
 * An app in the Home grid. Put them in `<ul className="mt-app-grid">`, one per `<li>`. The image
 * is decorative: the name is the accessible name.
 */
export function AppIcon({ name, iconUrl, href, onClick }: AppIconProps) {
  const content = (
    <>
      <img className="mt-app-icon__image" src={iconUrl} alt="" width={56} height={56} loading="lazy" />
      <span className="mt-app-icon__name">{name}</span>
    </>
  );
  return href !== undefined ? (
    <a className="mt-app-icon" href={href} onClick={onClick}>
      {content}
    </a>
  ) : (
    <button type="button" className="mt-app-icon" onClick={onClick}>
      {content}
    </button>
  );
}
