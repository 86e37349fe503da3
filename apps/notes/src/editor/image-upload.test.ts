import { describe, expect, it } from 'vitest';
import { altOf, pastedFiles } from './image-upload.ts';

const image = new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' });
const clipboard = (types: string[], files: File[]) => ({ types, files }) as unknown as DataTransfer;

describe(pastedFiles.name, () => {
  it('takes the files of a screenshot or of a copied file', () => {
    expect(pastedFiles(clipboard(['Files'], [image]))).toEqual([image]);
    expect(pastedFiles(clipboard(['text/plain', 'Files'], [image]))).toEqual([image]);
  });

  it('leaves HTML that comes with a picture of itself (a page’s image, a word processor’s text) to the HTML paste', () => {
    expect(pastedFiles(clipboard(['text/html', 'text/plain', 'Files'], [image]))).toEqual([]);
    expect(pastedFiles(null)).toEqual([]);
  });
});

describe(altOf.name, () => {
  it('names an image by its file name without the extension', () => {
    expect(altOf('Schéma de l’été.png')).toBe('Schéma de l’été');
    expect(altOf('photo')).toBe('photo');
  });
});
