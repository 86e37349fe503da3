import { Fragment, type Mark, type Node as PMNode, type NodeType, type Schema } from '@tiptap/pm/model';
import { panelKind } from './panel.ts';
import { isSafeColor, isSafeImageSrc, isSafeLinkHref } from './safe-values.ts';

/**
 * Turns any JSON (Markdown's parse, a client's update, an old version) into a document the schema
 * accepts. It must never throw: y-tiptap deletes from the shared document whatever the schema
 * refuses, so only valid content may be written to a Y.Doc. Unknown nodes are unwrapped, misplaced
 * inline content is wrapped in paragraphs, misplaced blocks are unwrapped, unsafe links, images
 * and colours are dropped.
 */

/** Deeper than any real note; past it a branch is dropped rather than risking the call stack. */
const MAX_DEPTH = 1500;

type Attrs = Record<string, unknown>;
type Json = { type?: unknown; attrs?: unknown; content?: unknown; marks?: unknown; text?: unknown };

const isObject = (value: unknown): value is Json & Attrs => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Attributes kept as they are, changed, or `null` when the node or mark must go. */
const NODE_RULES: Record<string, (attrs: Attrs) => Attrs | null> = {
  image: (attrs) => (isSafeImageSrc(attrs.src) ? attrs : null),
  panel: (attrs) => ({ ...attrs, kind: panelKind(attrs.kind) }),
  heading: (attrs) => ({ ...attrs, level: Math.min(3, Math.max(1, Math.trunc(Number(attrs.level)) || 1)) }),
};
const MARK_RULES: Record<string, (attrs: Attrs) => Attrs | null> = {
  link: (attrs) => (isSafeLinkHref(attrs.href) ? attrs : null),
  textStyle: (attrs) => ({ ...attrs, color: isSafeColor(attrs.color) ? attrs.color : null }),
  highlight: (attrs) => ({ ...attrs, color: isSafeColor(attrs.color) ? attrs.color : null }),
};

function marksOf(json: Json, schema: Schema): readonly Mark[] {
  if (!Array.isArray(json.marks)) return [];
  let marks: readonly Mark[] = [];
  for (const raw of json.marks as unknown[]) {
    const name = isObject(raw) ? raw.type : undefined;
    const type = typeof name === 'string' ? schema.marks[name] : undefined;
    if (!type || !isObject(raw)) continue;
    const given = isObject(raw.attrs) ? raw.attrs : {};
    const attrs = MARK_RULES[type.name] ? MARK_RULES[type.name]!(given) : given;
    if (!attrs) continue;
    try {
      marks = type.create(attrs).addToSet(marks);
    } catch {
      // An attribute the mark refuses: the text stays, without the mark.
    }
  }
  return marks;
}

/** The nodes a JSON node becomes: itself, or its children when it cannot exist (unknown type, unsafe). */
function build(json: unknown, schema: Schema, depth: number): PMNode[] {
  if (!isObject(json) || depth > MAX_DEPTH) return [];
  if (json.type === 'text') {
    return typeof json.text === 'string' && json.text !== '' ? [schema.text(json.text, marksOf(json, schema))] : [];
  }
  const children = Array.isArray(json.content) ? json.content.flatMap((child) => build(child, schema, depth + 1)) : [];
  const type = typeof json.type === 'string' ? schema.nodes[json.type] : undefined;
  if (!type || type === schema.topNodeType || type.isText) return children;
  const given = isObject(json.attrs) ? json.attrs : {};
  const attrs = NODE_RULES[type.name] ? NODE_RULES[type.name]!(given) : given;
  if (!attrs) return [];
  const node = fit(type, attrs, children, marksOf(json, schema));
  return node ? [node] : children;
}

function withAllowedMarks(parent: NodeType, child: PMNode): PMNode {
  const marks = child.marks.filter((mark) => parent.allowsMarkType(mark.type));
  return marks.length === child.marks.length ? child : child.mark(marks);
}

/** Builds `type` from `children`, reshaping what does not fit its content expression. */
function fit(type: NodeType, attrs: Attrs | null, given: readonly PMNode[], marks: readonly Mark[]): PMNode | null {
  const children = [...given];
  const placed: PMNode[] = [];
  let match = type.contentMatch;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!.isInline ? withAllowedMarks(type, children[index]!) : children[index]!;
    const next = match.matchType(child.type);
    if (next) {
      placed.push(child);
      match = next;
      continue;
    }
    const wrappers = match.findWrapping(child.type);
    const innermost = wrappers?.[wrappers.length - 1];
    if (wrappers && innermost) {
      // Consecutive siblings the same wrapper takes go in together (a run of text → one paragraph).
      const group = [child];
      let inner = innermost.contentMatch.matchType(child.type);
      for (let following = children[index + 1]; inner && following; following = children[index + 1]) {
        const after = inner.matchType(following.type);
        if (!after) break;
        group.push(following);
        inner = after;
        index++;
      }
      let wrapped = fit(innermost, null, group, []);
      for (const wrapper of wrappers.slice(0, -1).reverse()) wrapped = wrapped && fit(wrapper, null, [wrapped], []);
      const afterWrapped = wrapped && match.matchType(wrapped.type);
      if (wrapped && afterWrapped) {
        placed.push(wrapped);
        match = afterWrapped;
        continue;
      }
    }
    if (child.type.name === 'hardBreak' && type.spec.code) {
      children.splice(index + 1, 0, type.schema.text('\n'));
      continue;
    }
    if (!child.isLeaf && child.childCount > 0) {
      const inside: PMNode[] = [];
      child.forEach((node) => inside.push(node));
      children.splice(index + 1, 0, ...inside);
      continue;
    }
    const filler = match.fillBefore(Fragment.from(child));
    const afterFiller = filler && match.matchFragment(filler)?.matchType(child.type);
    if (filler && afterFiller) {
      filler.forEach((node) => placed.push(node));
      placed.push(child);
      match = afterFiller;
    }
    // Anything else (an image in a code block…) has no place here and is left out.
  }
  const end = match.fillBefore(Fragment.empty, true);
  try {
    // The content was matched child by child above: checking it again would double the cost of a long note.
    return end ? type.create(attrs, Fragment.fromArray(placed).append(end), marks) : type.createAndFill(attrs, null, marks);
  } catch {
    // Attributes the node refuses.
    return type.createAndFill(null, null, marks);
  }
}

/** The valid document closest to `json` (an empty one when nothing of it can be kept). */
export function toValidDoc(json: unknown, schema: Schema): PMNode {
  const top = schema.topNodeType;
  const children = isObject(json) && json.type === top.name ? build({ ...json, type: undefined }, schema, 0) : build(json, schema, 0);
  return fit(top, null, children, []) ?? top.createAndFill()!;
}
