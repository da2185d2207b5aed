// The project file's JSON Schema, generated from the zod schema (the single source of truth)
// so editors can complete and check project files. `npm run schema` writes it to
// schema/project.schema.json; test/schema.test.ts fails when the committed file is stale.
import { z } from "zod";
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

// Run as a script (`npm run schema`): write the file. Node modules are imported only inside
// this guard, so the module stays browser-safe when imported.
if (await isMainModule()) {
  const { writeFile, mkdir } = await import("node:fs/promises");
  const { dirname, resolve } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const target = resolve(root, projectSchemaPath);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, projectJsonSchemaText());
  console.log(`wrote ${projectSchemaPath}`);
}

async function isMainModule(): Promise<boolean> {
  const script = (globalThis as { process?: { argv?: string[] } }).process?.argv?.[1];
  if (!script?.endsWith("write-json-schema.ts")) return false;
  const { resolve } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  return resolve(script) === fileURLToPath(import.meta.url);
}
