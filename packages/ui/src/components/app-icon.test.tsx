// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppIcon } from './app-icon.tsx';

afterEach(cleanup);

describe(AppIcon.name, () => {
  it('is a link named after the app, its image decorative', () => {
    render(<AppIcon name="Drive" iconUrl="/apps/drive/icon.svg" href="/drive" />);
    const link = screen.getByRole('link', { name: 'Drive' });
    expect(link.getAttribute('href')).toBe('/drive');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('is a button without href', async () => {
    const onClick = vi.fn();
    render(<AppIcon name="Notes" iconUrl="/apps/notes/icon.svg" onClick={onClick} />);
    await userEvent.click(screen.getByRole('button', { name: 'Notes' }));
    expect(onClick).toHaveBeenCalledOnce();
  });
});
