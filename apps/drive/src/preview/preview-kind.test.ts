import { describe, expect, it } from 'vitest';
import { neighbours, previewKind } from './preview-kind.ts';

describe(previewKind.name, () => {
  it.each([
    ['photo.jpg', 'image/jpeg', 'image'],
    ['logo.svg', 'image/svg+xml', 'text'],
    ['cours.pdf', 'application/pdf', 'pdf'],
    ['cours.pdf', 'application/octet-stream', 'pdf'],
    ['film.mp4', 'video/mp4', 'video'],
    ['podcast.mp3', 'audio/mpeg', 'audio'],
    ['notes.md', 'text/plain', 'markdown'],
    ['notes.txt', 'text/plain; charset=utf-8', 'text'],
    ['data.json', null, 'text'],
    ['archive.zip', 'application/zip', 'none'],
    ['sans-extension', null, 'none'],
  ] as const)('%s (%s) is previewed as %s', (name, mime, kind) => {
    expect(previewKind({ name, mime })).toBe(kind);
  });
});

describe(neighbours.name, () => {
  const items = [
    { id: 'd', type: 'directory' },
    { id: 'a', type: 'file' },
    { id: 'b', type: 'file' },
  ] as const;
  it('goes from file to file, skipping folders, and stops at the ends', () => {
    expect(neighbours(items, 'a')).toEqual({ previous: undefined, next: items[2] });
    expect(neighbours(items, 'b')).toEqual({ previous: items[1], next: undefined });
    expect(neighbours(items, 'gone')).toEqual({});
  });
});
