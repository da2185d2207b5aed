// How the document is laid out (indent, line ends, whether short objects sit on one line), so
// the text an edit writes looks like the text around it. Biome/Prettier-formatted projects keep
// short objects and arrays on one line; JSON.stringify(…, null, 2) breaks every one of them;
// a minified document has no line breaks at all.
import type { Node } from "jsonc-parser";

export interface TextStyle {
  /** One level of indentation ("  ", "    ", "\t"). */
  indent: string;
  eol: string;
  /** Short objects and arrays go on one line when they fit in `width` columns. */
  packs: boolean;
  width: number;
  /** No line breaks at all: write compact JSON. */
  minified: boolean;
}

/** Biome's and Prettier's line width. */
const lineWidth = 100;

export function styleOf(text: string, root: Node | undefined): TextStyle {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indentMatch = /\n([ \t]+)\S/.exec(text);
  const indent = indentMatch ? indentMatch[1] : "  ";
  const body = root ? text.slice(root.offset, root.offset + root.length) : text;
  return {
    indent: indent.startsWith("\t") ? "\t" : indent,
    eol,
    packs: root !== undefined && hasPackedContainer(text, root),
    width: lineWidth,
    minified: body.length > 0 && !body.includes("\n"),
  };
}

/** Is some non-empty object or array written on one line (so the writer packs too)? */
function hasPackedContainer(text: string, root: Node): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const container = node.type === "object" || node.type === "array";
    if (container && (node.children?.length ?? 0) > 0) {
      if (!text.slice(node.offset, node.offset + node.length).includes("\n")) return true;
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return false;
}

/**
 * `value` as JSON text that starts at `column` of a line indented by `lineIndent`: on one line
 * when the style packs and it fits, else one entry per line, deeper by one indent per level.
 */
export function render(value: unknown, style: TextStyle, lineIndent: string, column = 0): string {
  if (style.minified) return JSON.stringify(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const entries = entriesOf(value);
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  if (style.packs) {
    const packed = renderPacked(value);
    if (column + packed.length <= style.width) return packed;
  }
  const inner = lineIndent + style.indent;
  const lines = entries.map(([key, item]) => {
    const head = key === undefined ? "" : `${JSON.stringify(key)}: `;
    return `${inner}${head}${render(item, style, inner, inner.length + head.length)}`;
  });
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}${style.eol}${lines.join(`,${style.eol}`)}${style.eol}${lineIndent}${close}`;
}

/** One line, spaced as Biome writes it: `{ "a": 1 }`, `[1, 2]`. */
export function renderPacked(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const entries = entriesOf(value);
  if (Array.isArray(value)) return `[${entries.map(([, item]) => renderPacked(item)).join(", ")}]`;
  if (entries.length === 0) return "{}";
  const body = entries.map(([key, item]) => `${JSON.stringify(key)}: ${renderPacked(item)}`);
  return `{ ${body.join(", ")} }`;
}

/** [key, value] pairs, keys undefined for an array; undefined members are left out as JSON does. */
function entriesOf(value: object): [string | undefined, unknown][] {
  if (Array.isArray(value)) return value.map((item) => [undefined, item ?? null]);
  return Object.keys(value)
    .map((key): [string, unknown] => [key, (value as Record<string, unknown>)[key]])
    .filter(([, item]) => item !== undefined);
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(start, offset));
  return match ? match[0] : "";
}

/** Column of `offset` in its line. */
export function columnAt(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}
