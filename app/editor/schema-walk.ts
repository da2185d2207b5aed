// Finding the part of the project's JSON Schema that applies at a place of the document, for
// completion and hover. The schema comes with its references inlined (inline-refs.ts), so a
// walk only follows `properties`, `items`, `prefixItems`, `additionalProperties` and the
// alternatives of `anyOf` / `oneOf`. Where the document already says which alternative it is
// (an action's "type", a recurrence's "kind", a question with "min"), only that one is kept.

export type SchemaNode = Readonly<Record<string, unknown>>;
export type PathSegment = string | number;

/** A schema that applies where a value may go. */
export interface Placed {
  schema: SchemaNode;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The schema's alternatives, nested anyOf / oneOf flattened; a schema without any is its own. */
export function alternatives(schema: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  const visit = (node: SchemaNode) => {
    const options = [node.anyOf, node.oneOf].find(Array.isArray) as unknown[] | undefined;
    if (!options) {
      out.push(node);
      return;
    }
    for (const option of options) if (isNode(option)) visit(option);
  };
  visit(schema);
  return out;
}

export function propertiesOf(schema: SchemaNode): Readonly<Record<string, SchemaNode>> {
  return isNode(schema.properties) ? (schema.properties as Record<string, SchemaNode>) : {};
}

/**
 * The alternatives that fit what the object already holds, ignoring `except` (the key being
 * written): a tag such as "type" must match, and every other key must be one the alternative
 * knows. When none fits (a typo, an unknown key), all of them are kept.
 */
export function narrow(
  options: readonly SchemaNode[],
  value: unknown,
  except?: string,
): SchemaNode[] {
  if (options.length < 2 || !isPlainObject(value)) return [...options];
  const keys = Object.keys(value).filter((key) => key !== except);
  const fitting = options.filter((option) => {
    const properties = propertiesOf(option);
    return keys.every((key) => {
      if (!Object.hasOwn(properties, key)) return false;
      const tag = properties[key].const;
      return tag === undefined || tag === value[key];
    });
  });
  return fitting.length > 0 ? fitting : [...options];
}

/**
 * What may sit under `segment` of a value matching `schema` (whose value is `value`). The
 * alternatives are told apart by the object's other keys (the one being written may still be
 * anything); `byAllKeys` counts that key too (hover: the text is what it is).
 */
export function childrenOf(
  schema: SchemaNode,
  segment: PathSegment,
  value: unknown,
  byAllKeys = false,
): Placed[] {
  const out: Placed[] = [];
  const except = typeof segment === "string" && !byAllKeys ? segment : undefined;
  const options = narrow(alternatives(schema), value, except);
  for (const option of options) {
    if (typeof segment === "number") {
      const prefix = Array.isArray(option.prefixItems) ? option.prefixItems : [];
      const item = segment < prefix.length ? prefix[segment] : option.items;
      if (isNode(item)) out.push({ schema: item });
      continue;
    }
    const properties = propertiesOf(option);
    if (Object.hasOwn(properties, segment)) {
      out.push({ schema: properties[segment] });
    } else if (isNode(option.additionalProperties) && allowsName(option, segment)) {
      out.push({ schema: option.additionalProperties });
    }
  }
  return out;
}

/** Whether a record's key may be `name` (settings.latencyMs names only action types). */
function allowsName(schema: SchemaNode, name: string): boolean {
  const names = isNode(schema.propertyNames) ? schema.propertyNames.enum : undefined;
  return !Array.isArray(names) || names.includes(name);
}

/**
 * The schemas that apply at `path`. `valueAt` gives the document's (tolerantly parsed) value
 * at a path, so that each object on the way picks its alternative.
 */
export function schemasAt(
  root: SchemaNode,
  path: readonly PathSegment[],
  valueAt: (path: readonly PathSegment[]) => unknown,
): Placed[] {
  let current: Placed[] = [{ schema: root }];
  for (let i = 0; i < path.length && current.length > 0; i++) {
    const value = valueAt(path.slice(0, i));
    current = current.flatMap((placed) => childrenOf(placed.schema, path[i], value));
  }
  return current;
}

/** The first description among the schemas (their own first, then their alternatives'). */
export function descriptionOf(placed: readonly Placed[]): string | undefined {
  for (const { schema } of placed) {
    if (typeof schema.description === "string") return schema.description;
  }
  for (const { schema } of placed) {
    for (const option of alternatives(schema)) {
      if (typeof option.description === "string") return option.description;
    }
  }
  return undefined;
}

/** The kind of value in words a product manager reads: "text", "number", "list"... */
export function valueKind(schema: SchemaNode): string {
  const options = alternatives(schema);
  const words = new Set<string>();
  for (const option of options) {
    if (option.const !== undefined) words.add(JSON.stringify(option.const));
    else if (Array.isArray(option.enum)) words.add(choices(option.enum));
    else words.add(typeWord(option.type));
  }
  words.delete("");
  return [...words].join(" or ");
}

/** A few allowed values are spelt out; a long list is counted (the description names them). */
function choices(values: readonly unknown[]): string {
  if (values.length > 6) return `one of ${values.length} values`;
  return values.map((value) => JSON.stringify(value)).join(" | ");
}

function typeWord(type: unknown): string {
  switch (type) {
    case "string":
      return "text";
    case "number":
      return "number";
    case "integer":
      return "whole number";
    case "boolean":
      return "true or false";
    case "array":
      return "list";
    case "object":
      return "object";
    default:
      return "";
  }
}
