// The project file's JSON Schema, generated from the zod schema (the single source of truth)
// so editors can complete and check project files. `npm run schema` writes it to
// schema/project.schema.json; test/schema.test.ts fails when the committed file is stale.
// The forecast model's schema (SPEC §5) is written beside it, schema/forecast-model.schema.json
// (test/forecast-model.test.ts checks that one).
import { z } from "zod";
import { forecastModel } from "./forecast-model.ts";
import * as format from "./schema.ts";

export const projectSchemaId = "https://flowscope.dev/schema/project.schema.json";
export const projectSchemaPath = "schema/project.schema.json";

/** The JSON Schema of what may be written in a project file (zod's "input" side). */
export function projectJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(format.project, {
    io: "input",
    metadata: namedDefinitions(),
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: projectSchemaId,
    title: "Flowscope project",
    description:
      "Experiences (tours, surveys, banners, hints, checklists), posts, resource center and agent of one product (SPEC §1).",
    ...rest,
  };
}

/** Parts that recur get a readable name in $defs (instead of being inlined each time). */
function namedDefinitions() {
  const registry = z.registry<{ id: string }>();
  const named = {
    action: format.action,
    actionList: format.actionList,
    audienceCondition: format.audienceCondition,
    cta: format.cta,
    trigger: format.trigger,
    surveyCondition: format.surveyCondition,
    step: format.step,
    task: format.task,
    experience: format.experience,
  };
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  return registry;
}

/** The committed file's exact text: two-space indentation and a final newline. */
export function projectJsonSchemaText(): string {
  return `${JSON.stringify(projectJsonSchema(), null, 2)}\n`;
}

export const forecastModelSchemaId = "https://flowscope.dev/schema/forecast-model.schema.json";
export const forecastModelSchemaPath = "schema/forecast-model.schema.json";

type JsonSchemaParams = NonNullable<Parameters<typeof z.toJSONSchema>[1]>;

/**
 * Objects keyed by ids are read into Maps (forecast-model.ts), which JSON Schema cannot say:
 * each is written as the object it is in the file, its values' schema as additionalProperties.
 */
const idMapsAsObjects: JsonSchemaParams = {
  io: "input",
  unrepresentable: "any",
  override(ctx) {
    const def = ctx.zodSchema._zod.def as { type: string; valueType?: z.core.$ZodType };
    if (def.type !== "map" || !def.valueType) return;
    const { $schema, ...values } = z.toJSONSchema(def.valueType, idMapsAsObjects) as Record<
      string,
      unknown
    >;
    Object.assign(ctx.jsonSchema, { type: "object", additionalProperties: values });
  },
};

/** The JSON Schema of a forecast model file (SPEC §5 "Model (input)"). */
export function forecastModelJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(forecastModel, idMapsAsObjects) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: forecastModelSchemaId,
    title: "Flowscope forecast model",
    description:
      "Who the users are and what they do with each step on screen, for flowscope forecast (SPEC §5).",
    ...rest,
  };
}

export function forecastModelJsonSchemaText(): string {
  return `${JSON.stringify(forecastModelJsonSchema(), null, 2)}\n`;
}

// Run as a script (`npm run schema`): write the file. Node modules are imported only inside
// this guard, so the module stays browser-safe when imported.
if (await isMainModule()) {
  const { writeFile, mkdir } = await import("node:fs/promises");
  const { dirname, resolve } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  for (const [path, text] of [
    [projectSchemaPath, projectJsonSchemaText()],
    [forecastModelSchemaPath, forecastModelJsonSchemaText()],
  ]) {
    const target = resolve(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    console.log(`wrote ${path}`);
  }
}

async function isMainModule(): Promise<boolean> {
  const script = (globalThis as { process?: { argv?: string[] } }).process?.argv?.[1];
  if (!script?.endsWith("write-json-schema.ts")) return false;
  const { resolve } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  return resolve(script) === fileURLToPath(import.meta.url);
}
