// The project's JSON Schema as completion and hover walk it: the committed
// schema/project.schema.json (generated from the zod schema, descriptions included) with its
// `$defs` references inlined, built once.
import projectSchema from "../../schema/project.schema.json";
import { inlineLocalRefs } from "./inline-refs.ts";
import type { SchemaNode } from "./schema-walk.ts";

let editorSchema: SchemaNode | undefined;

export function projectSchemaForEditor(): SchemaNode {
  editorSchema ??= inlineLocalRefs(projectSchema);
  return editorSchema;
}
