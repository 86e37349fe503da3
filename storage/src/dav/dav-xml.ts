import { SaxesParser, type SaxesAttributeNS } from 'saxes';
import { badRequest } from '@mytoutatice/server-kit';

export const DAV_NS = 'DAV:';

export interface XmlAttribute {
  ns: string;
  local: string;
  value: string;
}

/** An element with its namespace resolved (prefixes are the sender's business, not ours). */
export interface XmlElement {
  ns: string;
  local: string;
  attributes: XmlAttribute[];
  children: (XmlElement | string)[];
}

/** The request body's root element; undefined for an empty body; 400 for anything not well-formed. */
export function parseXml(text: string): XmlElement | undefined {
  if (text.trim() === '') return undefined;
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const attributes = Object.values(tag.attributes as Record<string, SaxesAttributeNS>)
      .filter((attribute) => attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns')
      .map((attribute) => ({ ns: attribute.uri, local: attribute.local, value: attribute.value }));
    const element: XmlElement = { ns: tag.uri ?? '', local: tag.local ?? tag.name, attributes, children: [] };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => stack.at(-1)?.children.push(text));
  parser.on('cdata', (text) => stack.at(-1)?.children.push(text));
  parser.on('closetag', () => stack.pop());
  try {
    parser.write(text).close();
  } catch (error) {
    throw badRequest(`Corps XML invalide : ${(error as Error).message}`);
  }
  return root;
}

export const elementsOf = (element: XmlElement): XmlElement[] =>
  element.children.filter((child): child is XmlElement => typeof child !== 'string');

export function child(element: XmlElement | undefined, ns: string, local: string): XmlElement | undefined {
  return element ? elementsOf(element).find((c) => c.ns === ns && c.local === local) : undefined;
}

export const textOf = (element: XmlElement): string =>
  element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * The element as a self-contained fragment: each element declares its own default namespace and
 * each namespaced attribute its own prefix, so it reads the same wherever it is embedded (dead
 * properties are stored this way and answered inside our multistatus).
 */
export function serializeElement(element: XmlElement): string {
  const declarations = [` xmlns="${escapeXml(element.ns)}"`];
  element.attributes.forEach((attribute, i) => {
    if (attribute.ns === '') declarations.push(` ${attribute.local}="${escapeXml(attribute.value)}"`);
    else declarations.push(` xmlns:a${i}="${escapeXml(attribute.ns)}" a${i}:${attribute.local}="${escapeXml(attribute.value)}"`);
  });
  const open = `${element.local}${declarations.join('')}`;
  if (element.children.length === 0) return `<${open}/>`;
  const inner = element.children.map((c) => (typeof c === 'string' ? escapeXml(c) : serializeElement(c))).join('');
  return `<${open}>${inner}</${element.local}>`;
}

/** An empty element naming a property, e.g. in a 404 propstat. */
export function emptyElement(ns: string, local: string): string {
  return ns === DAV_NS ? `<D:${local}/>` : `<${local} xmlns="${escapeXml(ns)}"/>`;
}
