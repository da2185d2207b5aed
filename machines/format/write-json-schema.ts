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

/**
 * Parts that recur get a readable name in $defs (instead of being inlined each time). A
 * registry given to toJSONSchema replaces zod's global one, where `.describe()` keeps the
 * fields' descriptions: this one answers with both, so every description reaches the file.
 */
function namedDefinitions() {
  const named = new Map<z.core.$ZodType, string>([
    [format.action, "action"],
    [format.actionList, "actionList"],
    [format.audienceCondition, "audienceCondition"],
    [format.cta, "cta"],
    [format.trigger, "trigger"],
    [format.surveyCondition, "surveyCondition"],
    [format.step, "step"],
    [format.task, "task"],
    [format.experience, "experience"],
  ]);
  const registry = z.registry<z.core.GlobalMeta>();
  for (const [schema, id] of named) registry.add(schema, { id });
  const own = registry.get.bind(registry);
  registry.get = ((schema: z.core.$ZodType) => {
    const described = z.globalRegistry.get(schema);
    const id = own(schema);
    return described || id ? { ...described, ...id } : undefined;
  }) as typeof registry.get;
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
