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
