// The editor's text as completion and hover read it: jsonc-parser's tolerant parse tree
// (built on first use; half-typed text has one too) and shallow views of its objects: each
// key with its value when that is a string, number, boolean or null (enough to tell which
// alternative an object is), never a copy of a whole subtree.
import { findNodeAtLocation, type Node, parseTree } from "jsonc-parser";
import type { PathSegment } from "./schema-walk.ts";

export class DocumentView {
  private root: Node | undefined | null = null;

  constructor(private readonly text: string) {}

  tree(): Node | undefined {
    if (this.root === null) this.root = parseTree(this.text, [], { allowTrailingComma: true });
    return this.root;
  }

  shallowValueAt(path: readonly PathSegment[]): Readonly<Record<string, unknown>> | undefined {
    const root = this.tree();
    const node = root && (path.length === 0 ? root : findNodeAtLocation(root, [...path]));
    if (node?.type !== "object") return undefined;
    // No prototype: a key named "__proto__" is an ordinary key here.
    const out: Record<string, unknown> = Object.create(null);
    for (const property of node.children ?? []) {
      const [name, value] = property.children ?? [];
      if (name?.type !== "string") continue;
      const primitive = value && value.type !== "object" && value.type !== "array";
      out[name.value as string] = primitive ? value.value : {};
    }
    return out;
  }
}
