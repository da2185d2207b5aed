// `flowscope diff <old.json> <new.json> [--json] [--recordings <folder>]` (issue 11, item 3):
// what changed in behaviour between two versions of a project (machines/explore/diff.ts).
// Exit 0 when behaviour is the same (cosmetic changes are listed), 1 when it differs, 2 when
// a file cannot be read or parsed (or is not a project at all, so nothing can be compared).
//
// Two positional arguments: this command registers itself (defineCommand takes one), the same
// way defineCommand does.
import { readdir } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { type DiffInput, diffProjects, type RecordingInput } from "../../machines/explore/index.ts";
import { parseJsonText, recording as recordingSchema } from "../../machines/format/index.ts";
import { CliError, ExitCode } from "../exit.ts";
import { formatDiagnosticLine, formatParseError } from "../format/diagnostics.ts";
import { type DiffJson, formatDiffHuman } from "../format/diff.ts";
import { readTextFile } from "../io.ts";
import type { CommandContext, CommandModule } from "./command.ts";
import { jsonText } from "./explore-shared.ts";
import { readProject } from "./simulate.ts";

interface DiffCommandOptions {
  json?: boolean;
  recordings?: string;
}

export const diffCommand: CommandModule = {
  register(program, context) {
    program
      .command("diff")
      .description(
        "what changed in behaviour between two versions of a project (exit 0: same, 1: differs)",
      )
      .argument("<old.json>", "the project before")
      .argument("<new.json>", "the project after")
      .option("--json", "print the report as JSON on stdout, and nothing else")
      .option(
        "--recordings <folder>",
        "replay every recording in the folder on both versions and say which change outcome",
      )
      .action(async (oldFile: string, newFile: string, options: DiffCommandOptions) => {
        context.setExitCode(await diffFiles(oldFile, newFile, options, context));
      });
  },
};

export async function diffFiles(
  oldFile: string,
  newFile: string,
  options: DiffCommandOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const before = await loadVersion(oldFile);
  const after = await loadVersion(newFile);
  const found = options.recordings
    ? await loadRecordings(options.recordings, [oldFile, newFile])
    : undefined;
  const report = diffProjects(before, after, found ? { recordings: found.recordings } : {});
  const files = { old: oldFile, new: newFile };
  const json: DiffJson = {
    files: options.recordings ? { ...files, recordings: options.recordings } : files,
    ...report,
    ...(found ? { recordingsSkipped: found.skipped } : {}),
  };
  io.out(options.json ? jsonText(json) : formatDiffHuman(json, io.color));
  return report.same ? ExitCode.ok : ExitCode.invalid;
}

/**
 * A version to compare: read and validated like every project the CLI reads (not JSON: exit 2
 * with line:column). Validation errors do not stop a diff (they are part of what changed); a
 * document whose shape is wrong has no flows to compare, so it exits 2 too, listing why.
 */
async function loadVersion(file: string): Promise<DiffInput> {
  const validation = await readProject(file);
  if (validation.project === undefined) {
    const lines = validation.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => formatDiagnosticLine(d, file, false));
    throw new CliError(
      [
        `${file} is not a project that can be compared (see flowscope validate ${file}):`,
        ...lines,
      ].join("\n"),
      ExitCode.unreadable,
    );
  }
  return { project: validation.project, diagnostics: validation.diagnostics };
}

/**
 * Whether a recording is about the compared project: its `project` resolves (beside the
 * recording, then in the current directory, as `replay` looks) to one of the two files, or
 * names a file of the same base name (a version written elsewhere, e.g. `git show` to /tmp).
 */
export function recordingIsFor(
  recordingFile: string,
  project: string,
  files: readonly string[],
): boolean {
  const candidates = isAbsolute(project)
    ? [resolve(project)]
    : [resolve(dirname(recordingFile), project), resolve(project)];
  return files.some(
    (file) => candidates.includes(resolve(file)) || basename(file) === basename(project),
  );
}

/** Every `.json` file under `folder` (sorted): recordings to replay, or skipped with why. */
async function loadRecordings(
  folder: string,
  files: readonly string[],
): Promise<{ recordings: RecordingInput[]; skipped: { file: string; reason: string }[] }> {
  let names: string[];
  try {
    names = (await readdir(folder, { recursive: true })).map(String);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot read the recordings folder ${folder}: ${why}`, ExitCode.unreadable);
  }
  const recordings: RecordingInput[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const file = join(folder, name);
    const parsed = parseJsonText(await readTextFile(file));
    if (!parsed.ok) throw new CliError(formatParseError(file, parsed.error), ExitCode.unreadable);
    const shaped = recordingSchema.safeParse(parsed.value);
    if (shaped.success && recordingIsFor(file, shaped.data.project, files)) {
      recordings.push({ name: file, recording: shaped.data });
    } else if (shaped.success) {
      skipped.push({ file, reason: `for another project (${shaped.data.project})` });
    } else {
      const issue = shaped.error.issues[0];
      skipped.push({
        file,
        reason: `not a recording: /${issue.path.join("/")}: ${issue.message}`,
      });
    }
  }
  return { recordings, skipped };
}
