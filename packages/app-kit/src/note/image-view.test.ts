// @vitest-environment jsdom
import { noteSchema } from '@mytoutatice/notes-doc';
import type { NodeViewRendererProps } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { imageView } from './image-view.ts';

const texts = { loading: 'Chargement de l’image…', failed: 'Image indisponible' };
const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });

function render(load: (src: string, signal: AbortSignal) => Promise<Blob>, attrs: Record<string, unknown>) {
  const node = noteSchema().nodes.image?.create(attrs);
  const view = imageView(load, texts)({ node } as unknown as NodeViewRendererProps);
  document.body.append(view.dom);
  return view;
}

describe(imageView.name, () => {
  beforeEach(() => {
    // jsdom has no object URLs.
    URL.createObjectURL = vi.fn(() => 'blob:http://localhost/image-1');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => document.body.replaceChildren());

  it('shows a note’s image from an object URL of the bytes read with the token, then frees it', async () => {
    const load = vi.fn(async () => png);
    const view = render(load, { src: '/api/notes/n1/images/i1', alt: 'Plan du musée' });
    expect(document.body.textContent).toBe('Chargement de l’image…');
    await vi.waitFor(() => expect(document.querySelector('img')).not.toBeNull());
    expect(document.querySelector('img')?.getAttribute('src')).toBe('blob:http://localhost/image-1');
    expect(document.querySelector('img')?.alt).toBe('Plan du musée');
    expect(load).toHaveBeenCalledWith('/api/notes/n1/images/i1', expect.any(AbortSignal));
    view.destroy?.();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/image-1');
  });

  it('says so, with the alt text, when the image cannot be read', async () => {
    render(async () => Promise.reject(new Error('404')), { src: '/api/notes/n1/images/gone', alt: 'Plan' });
    await vi.waitFor(() => expect(document.body.textContent).toBe('Image indisponible (Plan)'));
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows an image from elsewhere at its own address, reading nothing', () => {
    const load = vi.fn(async () => png);
    render(load, { src: 'https://example.org/logo.png', alt: 'Logo' });
    expect(document.querySelector('img')?.getAttribute('src')).toBe('https://example.org/logo.png');
    expect(load).not.toHaveBeenCalled();
  });
});
