// `flowscope replay <recording.json>` (SPEC §4): runs a recording's script on its project and
// checks its `expect`. Exit 0 when every expectation holds; 1 with a readable diff otherwise
// (or when the project is invalid, the recording has the wrong shape, or a step cannot be
// done); 2 when a file cannot be read or parsed.
//
// Where the project is (decided in machines/semantics.ts, recordingProjectLookup): `project`
// is resolved against the recording file's folder first, then the current directory.
import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import {
  countExpectations,
  formatMismatches,
  matchExpectation,
} from "../../machines/engine/index.ts";
import {
  type Recording,
  type Result,
  recording as recordingSchema,
} from "../../machines/format/index.ts";
import { recordingProjectLookup } from "../../machines/rules/index.ts";
import { CliError, ExitCode } from "../exit.ts";
import { paint } from "../io.ts";
import { type CommandContext, defineCommand } from "./command.ts";
import { loadJsonDocument, loadProject, runScript } from "./simulate.ts";

export const replayCommand = defineCommand<object>({
  name: "replay",
  description: "run a recording's script and check its expectations",
  argument: ["<recording.json>", "the recording ({ project, script, expect })"],
  run: (file, _options, context) => replayFile(file, context),
});

async function replayFile(file: string, { io }: CommandContext): Promise<ExitCode> {
  const outcome = await replayRecording(file);
  io.out(`${formatOutcome(outcome, io.color)}\n`);
  return outcome.mismatches.length === 0 ? ExitCode.ok : ExitCode.invalid;
}

export interface ReplayOutcome {
  recording: Recording;
  /** The project file actually used. */
  projectFile: string;
  result: Result;
  mismatches: ReturnType<typeof matchExpectation>;
}

/** Loads, runs and matches one recording (in-process: tests call this too). */
export async function replayRecording(file: string): Promise<ReplayOutcome> {
  const recording = await loadJsonDocument(file, recordingSchema);
  const projectFile = resolveProjectFile(file, recording.project);
  const project = await loadProject(projectFile);
  const result = runScript(project, recording.script, `${file} /script`);
  return { recording, projectFile, result, mismatches: matchExpectation(recording.expect, result) };
}

/** Absolute paths as they are; else the places of `recordingProjectLookup`, in order. */
export function resolveProjectFile(recordingFile: string, project: string): string {
  if (isAbsolute(project)) return project;
  const bases = { recordingFolder: dirname(recordingFile), currentDirectory: process.cwd() };
  const tried = recordingProjectLookup.map((place) => resolve(bases[place], project));
  const found = tried.find((candidate) => existsSync(candidate));
  if (found !== undefined) return found;
  throw new CliError(
    `cannot read project ${JSON.stringify(project)} of ${recordingFile}: no file at ${tried.join(" nor at ")} (looked beside the recording, then in the current directory)`,
    ExitCode.unreadable,
  );
}

function formatOutcome(outcome: ReplayOutcome, color: boolean): string {
  const checks = countExpectations(outcome.recording.expect);
  if (outcome.mismatches.length === 0) {
    return paint(
      color,
      "green",
      `✔ ${checks} ${checks === 1 ? "expectation holds" : "expectations hold"}`,
    );
  }
  const count = outcome.mismatches.length;
  const head = paint(
    color,
    "red",
    `✖ ${count} ${count === 1 ? "mismatch" : "mismatches"} (of ${checks} expectations)`,
  );
  return `${head}\n\n${formatMismatches(outcome.mismatches)}`;
}
