// `flowscope simulate <project.json> --script <script.json> [--json] [--inspect]` (SPEC §4):
// runs a script on a project and prints the Result, as JSON or as a readable timeline.
// Exit 0 when the script ran to its end; 1 for an invalid project, a script of the wrong
// shape or a script step that cannot be done; 2 when a file cannot be read or parsed.
import type { z } from "zod";
import { type ExternalInspector, ScriptStepError, simulate } from "../../machines/engine/index.ts";
import {
  type JsonTextResult,
  type Project,
  parseJsonText,
  type Result,
  type Script,
  script as scriptSchema,
} from "../../machines/format/index.ts";
import {
  documentProblems,
  type ValidationResult,
  validateText,
} from "../../machines/validate/index.ts";
import { CliError, ExitCode } from "../exit.ts";
import { formatDiagnosticLine, formatParseError } from "../format/diagnostics.ts";
import { connectInspector } from "../inspect.ts";
import { readTextFile } from "../io.ts";
import { formatResultHuman } from "../timeline.ts";
import {
  type CommandContext,
  defineCommand,
  jsonOption,
  projectArgument,
  scriptOption,
} from "./command.ts";
import { jsonText } from "./explore-shared.ts";

interface SimulateOptions {
  script: string;
  json?: boolean;
  inspect?: boolean | string;
}

export const simulateCommand = defineCommand<SimulateOptions>({
  name: "simulate",
  description: "run a script on a project; print the timeline and the final state",
  argument: projectArgument,
  options: [
    scriptOption("the script to run (SPEC §4 Script)"),
    jsonOption("the Result"),
    {
      flags: "--inspect [ws-url]",
      description:
        "stream the run to Stately's inspector (Sky by default, or a local ws:// receiver); fails softly offline",
    },
  ],
  run: simulateFile,
});

async function simulateFile(
  projectFile: string,
  options: SimulateOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const project = await loadProject(projectFile);
  const script = await loadJsonDocument(options.script, scriptSchema);
  const inspector = options.inspect ? await connectInspector(io, options.inspect) : undefined;
  const result = runScript(project, script, options.script, inspector?.inspect);
  await inspector?.close();
  io.out(options.json ? jsonText(result) : formatResultHuman(result, { color: io.color }));
  return ExitCode.ok;
}

/**
 * Runs `script`; a step that cannot be done becomes exit 1 with the engine's message, which
 * names the step (`step 3 (click "primary"): …`), prefixed by where the script came from.
 */
export function runScript(
  project: Project,
  script: Script,
  scriptPlace: string,
  inspect?: ExternalInspector,
): Result {
  return stepsCanBeDone(scriptPlace, () => simulate(project, script, { inspect }));
}

/** Runs `run`; a script step that cannot be done becomes exit 1, its message after `scriptPlace`. */
export function stepsCanBeDone<T>(scriptPlace: string, run: () => T): T {
  try {
    return run();
  } catch (caught) {
    if (caught instanceof ScriptStepError) {
      throw new CliError(`${scriptPlace}: ${caught.message}`, ExitCode.invalid);
    }
    throw caught;
  }
}

// --------------------------------------------------------------------------------- inputs
// Shared with `replay` and `machine`: every input file is read the same way.

/**
 * Reads and validates a project. Unreadable or not JSON: exit 2 (with line:column); else the
 * validation as it is (its diagnostics, and the project when its shape is right).
 */
export async function readProject(file: string): Promise<ValidationResult> {
  const text = await readTextFile(file);
  const validation = validateText(text);
  if (validation.parseError) {
    throw new CliError(formatParseError(file, validation.parseError), ExitCode.unreadable);
  }
  return validation;
}

/**
 * Reads and validates a project. Unreadable or not JSON: exit 2 (with line:column);
 * validation errors: exit 1, listing them. Warnings do not stop a run.
 */
export async function loadProject(file: string): Promise<Project> {
  const validation = await readProject(file);
  const errors = validation.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || validation.project === undefined) {
    const lines = errors.map((d) => formatDiagnosticLine(d, file, false));
    throw new CliError(
      [`${file} is not a valid project (see flowscope validate ${file}):`, ...lines].join("\n"),
      ExitCode.invalid,
    );
  }
  return validation.project;
}

/**
 * Reads a JSON document of the given shape (a script or a recording). Unreadable or not JSON:
 * exit 2 with line:column; the wrong shape: exit 1, one line per problem with its place.
 */
export async function loadJsonDocument<T extends z.ZodType>(
  file: string,
  schema: T,
): Promise<z.output<T>> {
  const parsed = parseJsonText(await readTextFile(file));
  if (!parsed.ok) throw new CliError(formatParseError(file, parsed.error), ExitCode.unreadable);
  return shapeJsonDocument(file, parsed, schema);
}

/** Checks parsed JSON against `schema`; the wrong shape: exit 1, one line per problem. */
export function shapeJsonDocument<T extends z.ZodType>(
  file: string,
  parsed: Extract<JsonTextResult, { ok: true }>,
  schema: T,
): z.output<T> {
  const shaped = schema.safeParse(parsed.value);
  if (shaped.success) return shaped.data;
  const problems = documentProblems(schema, parsed.value, shaped.error.issues).map((problem) => ({
    ...problem,
    ...parsed.locate(problem.pointer),
  }));
  // In the order of the text, as the validator lists its diagnostics.
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = problems.map(
    ({ code, pointer, message, line, column }) =>
      `${file}:${line}:${column}  error  ${code}  ${pointer || "/"}: ${message}`,
  );
  throw new CliError(lines.join("\n"), ExitCode.invalid);
}
