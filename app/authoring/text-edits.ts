// Minimal edits of JSON text: each primitive replaces only the bytes of what it changes (a
// value, an inserted member with its comma, a removed member with its comma) and writes new
// text in the document's own layout (text-style.ts). jsonc-parser gives the tree and applies
// the edits; its `modify` is not used: it reformats whole lines on insertion and removing the
// last array element can leave broken JSON (microsoft/node-jsonc-parser#108).
import {
  applyEdits,
  type Edit,
  findNodeAtLocation,
  getNodePath,
  type JSONPath,
  type Node,
  type ParseError,
  parseTree,
} from "jsonc-parser";
import {
  columnAt,
  lineIndentAt,
  render,
  renderPacked,
  styleOf,
  type TextStyle,
} from "./text-style.ts";

export type { Edit, JSONPath, Node };
export { getNodePath };

export interface ParsedText {
  text: string;
  root: Node | undefined;
  /** The text is JSON without a syntax error: only then may it be edited. */
  ok: boolean;
  readonly style: TextStyle;
}

export function parseText(text: string): ParsedText {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  let style: TextStyle | undefined;
  return {
    text,
    root,
    ok: root !== undefined && errors.length === 0,
    // Read only by edits that write new text: reading a form's values needs no layout.
    get style() {
      style ??= styleOf(text, root);
      return style;
    },
  };
}

export function applyAll(text: string, edits: readonly (Edit | undefined)[]): string {
  const real = edits.filter((edit): edit is Edit => edit !== undefined);
  return real.length === 0 ? text : applyEdits(text, real);
}

// ------------------------------------------------------------------------------- reading

const end = (node: Node) => node.offset + node.length;

/** The property node `key` of an object node. */
export function propertyOf(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== "object") return undefined;
  return node.children?.find((property) => property.children?.[0]?.value === key);
}

/** The value node of `key` in an object node. */
export function member(node: Node | undefined, key: string): Node | undefined {
  return propertyOf(node, key)?.children?.[1];
}

/** Index of the first object of an array node whose "id" is `id` (ids are any string). */
export function indexById(array: Node | undefined, id: string): number {
  if (array?.type !== "array") return -1;
  return (array.children ?? []).findIndex((item) => {
    const idNode = member(item, "id");
    return idNode?.type === "string" && idNode.value === id;
  });
}

export function itemById(array: Node | undefined, id: string): Node | undefined {
  const index = indexById(array, id);
  return index < 0 ? undefined : array?.children?.[index];
}

export function items(array: Node | undefined): readonly Node[] {
  return array?.type === "array" ? (array.children ?? []) : [];
}

/**
 * The plain value of a node. Unlike jsonc-parser's getNodeValue, every key becomes an own
 * property, `__proto__` too (ids and attribute names are data).
 */
export function plainValue(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.type === "array") return (node.children ?? []).map(plainValue);
  if (node.type === "object") {
    const out: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key === undefined) continue;
      Object.defineProperty(out, String(key.value), {
        value: plainValue(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return node.value;
}

export function stringAt(node: Node | undefined, key: string): string | undefined {
  const value = member(node, key);
  return value?.type === "string" ? (value.value as string) : undefined;
}

// ------------------------------------------------------------------------------- writing

/** `node` becomes `value`, written where the node starts. */
export function replaceNode(doc: ParsedText, node: Node, value: unknown): Edit {
  return { offset: node.offset, length: node.length, content: renderAt(doc, node, value) };
}

/** What follows the comma between two members of `container`, as its members are written. */
function separatorOf(doc: ParsedText, container: Node): string {
  const kids = container.children ?? [];
  if (kids.length >= 2) {
    const gap = doc.text.slice(end(kids[0]), kids[1].offset);
    return gap.slice(gap.indexOf(",") + 1);
  }
  const lead = doc.text.slice(container.offset + 1, kids[0]?.offset ?? container.offset + 1);
  const br = lead.search(/\r?\n/);
  if (br >= 0) return lead.slice(br);
  return doc.style.minified ? "" : " ";
}

/** Where a new member of `container` starts a line (or not) and how deep. */
function placeOfMember(doc: ParsedText, container: Node, at: number) {
  const separator = separatorOf(doc, container);
  const br = separator.lastIndexOf("\n");
  const indent = br >= 0 ? separator.slice(br + 1) : lineIndentAt(doc.text, at);
  const column = br >= 0 ? indent.length : columnAt(doc.text, at) + 2;
  return { separator, indent, column };
}

/** The text of a new member: `"key": value` in an object, `value` in an array. */
type MemberWriter = (indent: string, column: number) => string;

function valueWriter(doc: ParsedText, key: string | undefined, value: unknown): MemberWriter {
  const head = key === undefined ? "" : `${JSON.stringify(key)}:${doc.style.minified ? "" : " "}`;
  return (indent, column) => head + render(value, doc.style, indent, column + head.length);
}

/**
 * Inserts a member into a non-empty container before its child `index` (or at the end), with
 * the container's own separator; an empty container is rewritten whole (`whole`).
 */
function insertMember(
  doc: ParsedText,
  container: Node,
  index: number,
  write: MemberWriter,
  whole: () => string,
): Edit {
  const kids = container.children ?? [];
  if (kids.length === 0) {
    return { offset: container.offset, length: container.length, content: whole() };
  }
  if (index >= kids.length) {
    const at = end(kids[kids.length - 1]);
    const { separator, indent, column } = placeOfMember(doc, container, at);
    return { offset: at, length: 0, content: `,${separator}${write(indent, column)}` };
  }
  const at = kids[Math.max(0, index)].offset;
  const { separator, indent, column } = placeOfMember(doc, container, at);
  return { offset: at, length: 0, content: `${write(indent, column)},${separator}` };
}

/** The text `value` would replace `node` with. */
function renderAt(doc: ParsedText, node: Node, value: unknown): string {
  return render(
    value,
    doc.style,
    lineIndentAt(doc.text, node.offset),
    columnAt(doc.text, node.offset),
  );
}

/** Inserts `value` into an array node at `index` (past the end: appends). */
export function insertItem(doc: ParsedText, array: Node, index: number, value: unknown): Edit {
  return insertMember(doc, array, index, valueWriter(doc, undefined, value), () =>
    renderAt(doc, array, [value]),
  );
}

/**
 * Inserts text already written (a copy of a sibling, so at the same depth) into a non-empty
 * array at `index`.
 */
export function insertRawItem(doc: ParsedText, array: Node, index: number, raw: string): Edit {
  return insertMember(
    doc,
    array,
    index,
    () => raw,
    () => `[${raw}]`,
  );
}

/** Removes child `index` of a container (an array item or an object's property node). */
export function removeChild(_doc: ParsedText, container: Node, index: number): Edit | undefined {
  const kids = container.children ?? [];
  const target = kids[index];
  if (!target) return undefined;
  if (kids.length === 1) {
    return {
      offset: container.offset,
      length: container.length,
      content: container.type === "array" ? "[]" : "{}",
    };
  }
  if (index > 0) {
    const previous = kids[index - 1];
    return { offset: end(previous), length: end(target) - end(previous), content: "" };
  }
  return { offset: target.offset, length: kids[1].offset - target.offset, content: "" };
}

/** Moves item `from` of an array to `to`; the separators between items stay where they are. */
export function moveItem(doc: ParsedText, array: Node, from: number, to: number): Edit | undefined {
  const kids = array.children ?? [];
  if (from === to || !kids[from] || !kids[to]) return undefined;
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  const texts = kids.slice(low, high + 1).map((kid) => doc.text.slice(kid.offset, end(kid)));
  const [moved] = texts.splice(from - low, 1);
  texts.splice(to - low, 0, moved);
  let content = "";
  for (let k = low; k <= high; k++) {
    content += texts[k - low];
    if (k < high) content += doc.text.slice(end(kids[k]), kids[k + 1].offset);
  }
  return { offset: kids[low].offset, length: end(kids[high]) - kids[low].offset, content };
}

/**
 * Sets `key` of an object node: replaces its value, or inserts the property, placed after the
 * last present key that comes before it in `order` (else at the end).
 */
export function setMember(
  doc: ParsedText,
  object: Node,
  key: string,
  value: unknown,
  order: readonly string[] = [],
): Edit {
  const existing = member(object, key);
  if (existing) return replaceNode(doc, existing, value);
  const kids = object.children ?? [];
  const rank = order.indexOf(key);
  let index = kids.length;
  if (rank >= 0) {
    const later = kids.findIndex((property) => {
      const r = order.indexOf(String(property.children?.[0]?.value));
      return r > rank;
    });
    if (later >= 0) index = later;
  }
  return insertMember(doc, object, index, valueWriter(doc, key, value), () =>
    renderAt(doc, object, { [key]: value }),
  );
}

/**
 * Inserts `value` into the array `key` of an object node at `index` (default: the end),
 * creating the array when it is missing.
 */
export function insertInto(
  doc: ParsedText,
  owner: Node,
  key: string,
  value: unknown,
  order: readonly string[] = [],
  index = Number.POSITIVE_INFINITY,
): Edit {
  const array = member(owner, key);
  if (array?.type === "array") return insertItem(doc, array, index, value);
  return setMember(doc, owner, key, [value], order);
}

/** Text of a node as written. */
export function textOf(doc: ParsedText, node: Node): string {
  return doc.text.slice(node.offset, end(node));
}

/** Removes `key` from an object node (nothing when it is not there). */
export function removeMember(doc: ParsedText, object: Node, key: string): Edit | undefined {
  const property = propertyOf(object, key);
  if (!property) return undefined;
  return removeChild(doc, object, (object.children ?? []).indexOf(property));
}

/**
 * Sets the value at `keys` below an object node, creating the missing objects on the way
 * (`undefined` removes the last key). `orders` gives the key order of each level.
 */
export function setPath(
  doc: ParsedText,
  object: Node,
  keys: readonly string[],
  value: unknown,
  orders: readonly (readonly string[])[] = [],
): Edit | undefined {
  let node = object;
  for (let k = 0; k < keys.length - 1; k++) {
    const next = member(node, keys[k]);
    if (next?.type !== "object") {
      if (value === undefined) return undefined;
      let wrapped: unknown = value;
      for (let j = keys.length - 1; j > k; j--) wrapped = { [keys[j]]: wrapped };
      return setMember(doc, node, keys[k], wrapped, orders[k]);
    }
    node = next;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) return removeMember(doc, node, last);
  return setMember(doc, node, last, value, orders[keys.length - 1]);
}

/** `value` on one line (for messages and tests). */
export const packed = renderPacked;

/** Runs text edits one after the other, each on the text the previous one made. */
export function chain(text: string, ...edits: readonly ((text: string) => string)[]): string {
  let out = text;
  for (const edit of edits) out = edit(out);
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Writes `value` at `path` changing as little text as it can: an object keeps the keys that
 * did not change as written (new keys go after the last one of `order` before them, else at
 * the end), an array of the same length is updated item by item, anything else is replaced.
 */
export function updateAt(
  text: string,
  path: JSONPath,
  value: unknown,
  order: readonly string[] = [],
): string {
  const doc = parseText(text);
  const node = doc.ok && doc.root ? findNodeAtLocation(doc.root, path) : undefined;
  if (!node) return text;
  if (isRecord(value) && node.type === "object") {
    let out = text;
    const written = (node.children ?? []).map((property) => String(property.children?.[0]?.value));
    for (const key of written) {
      if (Object.hasOwn(value, key) && value[key] !== undefined) continue;
      out = onObject(out, path, (d, object) => removeMember(d, object, key));
    }
    for (const key of Object.keys(value)) {
      if (value[key] === undefined) continue;
      if (written.includes(key)) out = updateAt(out, [...path, key], value[key]);
      else out = onObject(out, path, (d, object) => setMember(d, object, key, value[key], order));
    }
    return out;
  }
  if (Array.isArray(value) && node.type === "array" && items(node).length === value.length) {
    let out = text;
    value.forEach((item, index) => {
      out = updateAt(out, [...path, index], item);
    });
    return out;
  }
  if (JSON.stringify(plainValue(node)) === JSON.stringify(value)) return text;
  return applyAll(text, [replaceNode(doc, node, value)]);
}

/** Applies `edit` to the object at `path` of `text`. */
function onObject(
  text: string,
  path: JSONPath,
  edit: (doc: ParsedText, object: Node) => Edit | undefined,
): string {
  const doc = parseText(text);
  const object = doc.ok && doc.root ? findNodeAtLocation(doc.root, path) : undefined;
  return object?.type === "object" ? applyAll(text, [edit(doc, object)]) : text;
}
