// The project schema with every local `#/$defs/…` reference replaced by a copy of its
// definition, so completion and hover (schema-walk.ts) follow plain `properties` and `items`
// and never resolve a reference. A reference back into a definition being expanded is left as
// it is (no infinite copy).

const prefix = "#/$defs/";

export function inlineLocalRefs(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  return inline(schema, defs, []) as Record<string, unknown>;
}

function inline(node: unknown, defs: Record<string, unknown>, expanding: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, defs, expanding));
  if (typeof node !== "object" || node === null) return node;
  const object = node as Record<string, unknown>;
  const ref = object.$ref;
  if (typeof ref === "string" && ref.startsWith(prefix)) {
    const name = ref.slice(prefix.length);
    if (expanding.includes(name) || !(name in defs)) return object;
    const { $ref: _, ...siblings } = object;
    const body = inline(defs[name], defs, [...expanding, name]) as Record<string, unknown>;
    return { ...body, ...(inline(siblings, defs, expanding) as Record<string, unknown>) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key !== "$defs") out[key] = inline(value, defs, expanding);
  }
  return out;
}
