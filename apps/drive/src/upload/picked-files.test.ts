import { describe, expect, it } from 'vitest';
import { inputsFromEntries, inputsFromPicker } from './picked-files.ts';
import type { DroppedEntry } from './picked-files.ts';

const fileEntry = (name: string): DroppedEntry => ({
  name,
  isFile: true,
  isDirectory: false,
  file: (resolve: (file: File) => void) => resolve(new File([name], name)),
} as DroppedEntry);

/** A folder whose reader hands its entries out `perCall` at a time, as Chromium does (100). */
const folderEntry = (name: string, children: DroppedEntry[], perCall = 2): DroppedEntry =>
  ({
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve: (entries: DroppedEntry[]) => void) => {
          resolve(children.slice(at, at + perCall));
          at += perCall;
        },
      };
    },
  }) as DroppedEntry;

describe(inputsFromEntries.name, () => {
  it('reads a dropped tree to the last file, each with the folders it goes in', async () => {
    const tree = [
      fileEntry('plan.txt'),
      folderEntry('Cours', [fileEntry('a.pdf'), fileEntry('b.pdf'), fileEntry('c.pdf'), folderEntry('Maths', [fileEntry('d.pdf')])]),
    ];
    const inputs = await inputsFromEntries(tree, 'root');
    expect(inputs.map((i) => [...(i.folders ?? []), i.file.name].join('/'))).toEqual([
      'plan.txt',
      'Cours/a.pdf',
      'Cours/b.pdf',
      'Cours/c.pdf',
      'Cours/Maths/d.pdf',
    ]);
    expect(inputs.every((i) => i.parentId === 'root')).toBe(true);
  });
});

describe(inputsFromPicker.name, () => {
  it('takes the folders of a picked folder from each file’s relative path', () => {
    const inFolder = new File(['x'], 'd.pdf');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'Cours/Maths/d.pdf' });
    const alone = new File(['x'], 'e.pdf');
    expect(inputsFromPicker([inFolder, alone], 'p1').map((i) => i.folders)).toEqual([['Cours', 'Maths'], []]);
  });
});
