import { describe, expect, it } from 'vitest';
import { previewKind } from './preview-kind.ts';

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
