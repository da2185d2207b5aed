// What hovering a key or a value of the project's JSON text explains, as a pure function:
// the field's description from the schema (generated from the zod schema's descriptions) and
// the kind of value it takes. A tag is explained by what it selects: hovering "goToStep" (or
// its "type" key) tells what Go to step does.
import { getLocation } from "jsonc-parser";
import { DocumentView } from "./document-view.ts";
import { projectSchemaForEditor } from "./editor-schema.ts";
import {
  alternatives,
  childrenOf,
  descriptionOf,
  type Placed,
  type SchemaNode,
  schemasAt,
  valueKind,
} from "./schema-walk.ts";

export interface HoverInfo {
  /** The hovered key or value's range in the text. */
  from: number;
  to: number;
  /** The field's name and the kind of value it takes, e.g. `kind: "modal" | "tooltip" | …`. */
  title: string;
  description?: string;
}

export function hoverAt(
  text: string,
  offset: number,
  schema: SchemaNode = projectSchemaForEditor(),
): HoverInfo | null {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (!node || offset < node.offset || offset > node.offset + node.length) return null;
  const path = location.path;
  const key = path[path.length - 1];
  if (key === undefined) return null;
  const document = new DocumentView(text);
  const valueAt = (at: readonly (string | number)[]) => document.shallowValueAt(at);
  const parent = path.slice(0, -1);
  // The holding object's every key picks its alternative: the text is what it is.
  const placed = schemasAt(schema, parent, valueAt).flatMap((holder) =>
    childrenOf(holder.schema, key, valueAt(parent), true),
  );
  if (placed.length === 0) return null;
  const name = typeof key === "number" ? `item ${key + 1}` : key;
  const kind = placed.map((p) => valueKind(p.schema)).find((words) => words !== "") ?? "";
  return {
    from: node.offset,
    to: node.offset + node.length,
    title: kind === "" ? name : `${name}: ${shortened(kind)}`,
    description: explain(placed, node.type === "property" ? undefined : node.value),
  };
}

/**
 * A tag (a fixed value, such as an action's "type") has one description per value: the one
 * the object holds. A value that is none of them gets no description rather than a wrong one.
 */
function explain(placed: readonly Placed[], value: unknown): string | undefined {
  const tags = placed.flatMap(({ schema }) =>
    alternatives(schema).filter((option) => option.const !== undefined),
  );
  if (tags.length < 2) return descriptionOf(placed);
  const picked = value === undefined ? tags : tags.filter((option) => option.const === value);
  return picked.length === 1 && typeof picked[0].description === "string"
    ? picked[0].description
    : undefined;
}

function shortened(words: string): string {
  return words.length > 120 ? `${words.slice(0, 117)}…` : words;
}
