import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '@mytoutatice/server-kit';
import { parseXml, serializeElement, type XmlElement } from './dav-xml.ts';

const local = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const ns = fc.constantFrom('', 'DAV:', 'urn:z', 'http://exemple.fr/ns', 'urn:😀');
// Characters XML 1.0 can carry (no controls, no lone surrogates), markup characters included.
// eslint-disable-next-line no-control-regex
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\r]/gu, ''));

const element: fc.Memo<XmlElement> = fc.memo((depth) =>
  fc.record({
    ns,
    local,
    attributes: fc.uniqueArray(fc.record({ ns: fc.constantFrom('', 'urn:attr'), local, value: text }), { maxLength: 2, selector: (a) => `${a.ns} ${a.local}` }),
    // Text then elements: two texts side by side would read back as one.
    children: depth <= 1 ? fc.array(text.filter((t) => t !== ''), { maxLength: 1 }) : fc.tuple(fc.array(text.filter((t) => t !== ''), { maxLength: 1 }), fc.array(element(depth - 1), { maxLength: 2 })).map(([t, e]) => [...t, ...e]),
  }),
);

describe(serializeElement.name, () => {
  it('gives a fragment that reads back as the same element, namespaces and all, wherever it is embedded', () => {
    fc.assert(
      fc.property(element(3), (tree) => {
        const embedded = parseXml(`<D:prop xmlns:D="DAV:" xmlns="urn:outer">${serializeElement(tree)}</D:prop>`);
        expect(embedded?.children).toEqual([tree]);
      }),
    );
  });
});

describe(parseXml.name, () => {
  it('refuses what is not well-formed or binds no namespace with a 400', () => {
    for (const bad of ['<a>', '<a></b>', '<x:a/>', '<a xmlns:x=""><x:b/></a>', 'texte']) {
      expect(() => parseXml(bad)).toThrow(HttpError);
    }
    expect(parseXml('  ')).toBeUndefined();
  });
});
