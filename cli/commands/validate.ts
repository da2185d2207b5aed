// `flowscope validate <project.json> [--json]` (SPEC §4): exit 0 without errors, 1 with
// errors, 2 when the file cannot be read or is not JSON.
import { parseJsonText } from "../../machines/format/index.ts";
import type { Diagnostic } from "../../machines/model/index.ts";
import { validateText } from "../../machines/validate/index.ts";
import { ExitCode } from "../exit.ts";
import {
  formatDiagnosticsHuman,
  formatDiagnosticsJson,
  formatParseError,
} from "../format/diagnostics.ts";
import { type CliIo, NotUtf8Error, readTextFile } from "../io.ts";
import { type CommandContext, defineCommand, projectArgument } from "./command.ts";

interface ValidateOptions {
  json?: boolean;
}

export const validateCommand = defineCommand<ValidateOptions>({
  name: "validate",
  description: "check a project file against the seed's rules; list errors and warnings",
  argument: projectArgument,
  options: [{ flags: "--json", description: "print { diagnostics: [...] } as JSON on stdout" }],
  run: validateFile,
});

export async function validateFile(
  file: string,
  options: ValidateOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const text = await readTextFile(file).catch((caught: unknown) => {
    // Bytes that are not UTF-8 are a parse error too: --json still prints one diagnostic.
    if (caught instanceof NotUtf8Error && options.json) printParseDiagnostic(io, caught.place);
    throw caught;
  });
  const result = validateText(text);
  if (result.parseError) {
    // stdout stays machine-readable with --json; the human line always goes to stderr.
    if (options.json) printParseDiagnostic(io, result.parseError);
    io.err(`${formatParseError(file, result.parseError)}\n`);
    return ExitCode.unreadable;
  }
  const { diagnostics } = result;
  io.out(
    options.json
      ? formatDiagnosticsJson(diagnostics)
      : formatDiagnosticsHuman(diagnostics, {
          file,
          experienceIds: experienceIdsOf(text),
          color: io.color,
        }),
  );
  return hasError(diagnostics) ? ExitCode.invalid : ExitCode.ok;
}

function printParseDiagnostic(
  io: CliIo,
  error: { message: string; line: number; column: number; pointer?: string },
): void {
  const { message, line, column, pointer = "" } = error;
  io.out(
    formatDiagnosticsJson([{ severity: "error", code: "parse", message, pointer, line, column }]),
  );
}

function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Experience ids straight from the JSON text, so headers work even when the schema fails. */
function experienceIdsOf(text: string): (string | undefined)[] {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return []; // headers then fall back to "#index"
  const document = parsed.value;
  if (!isRecord(document) || !Array.isArray(document.experiences)) return [];
  return document.experiences.map((experience: unknown) =>
    isRecord(experience) && typeof experience.id === "string" ? experience.id : undefined,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
