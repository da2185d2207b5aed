// `flowscope replay <file|folder|glob>…` (SPEC §4, issue 11): runs recordings — their scripts
// on their projects — and checks their `expect`, all in one process. Exit 0 when every
// recording holds; 1 when any fails (a mismatch, an invalid project, a recording of the wrong
// shape, a script step that cannot be done); 2 when any cannot be read or parsed (or is not a
// recording), or the command line is wrong. Every recording is run, unless --bail.
//
// What the arguments mean is in cli/replay/collect.ts, how recordings run in cli/replay/run.ts,
// --update in cli/replay/update.ts, the reports in cli/replay/report.ts.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type Command, Option } from "commander";
import { matchExpectation } from "../../machines/engine/index.ts";
import type { Recording, Result } from "../../machines/format/index.ts";
import { recording as recordingSchema } from "../../machines/format/index.ts";
import { CliError, ExitCode } from "../exit.ts";
import { collectRecordings } from "../replay/collect.ts";
import {
  formatHumanRecording,
  formatHumanSummary,
  formatReport,
  type ReporterName,
  reporterNames,
} from "../replay/report.ts";
import { resolveProjectFile, runRecordings } from "../replay/run.ts";
import type { CommandContext, CommandModule } from "./command.ts";
import { loadJsonDocument, loadProject, runScript } from "./simulate.ts";

export { resolveProjectFile };

export interface ReplayOptions {
  reporter: ReporterName;
  output?: string;
  bail?: boolean;
  filter?: string;
  update?: boolean;
  all?: boolean;
}

export const replayCommand: CommandModule = {
  register(program: Command, context: CommandContext) {
    program
      .command("replay")
      .description("run recordings and check their expectations (files, folders or globs)")
      .argument(
        "<recordings...>",
        "recording files ({ project, script, expect }), folders (every *.json below) or globs",
      )
      .addOption(
        new Option("--reporter <name>", "the report's format")
          .choices(reporterNames)
          .default("human"),
      )
      .option(
        "--output <file>",
        "write the report to this file; the human report still goes to stdout",
      )
      .option("--bail", "stop at the first recording that fails or cannot be read")
      .option("--filter <text>", "run only the recordings whose path contains this text")
      .option(
        "--update",
        "rewrite the expectations of failing recordings from the actual result (same keys)",
      )
      .option("--all", "with --update: refresh every recording, not only failing ones")
      .action(async (inputs: string[], options: ReplayOptions) => {
        context.setExitCode(await replayFiles(inputs, options, context));
      });
  },
};

/** Runs every recording `inputs` names; resolves to the exit code. */
export async function replayFiles(
  inputs: readonly string[],
  options: ReplayOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  if (options.all && !options.update) {
    throw new CliError(
      "--all works with --update only (flowscope replay --update --all …)",
      ExitCode.unreadable,
    );
  }
  const collected = await collectRecordings(inputs);
  const filter = options.filter?.toLowerCase();
  const entries =
    filter === undefined
      ? collected.entries
      : collected.entries.filter((entry) => entry.display.toLowerCase().includes(filter));
  if (entries.length === 0 && collected.problems.length === 0) {
    throw new CliError(
      filter === undefined
        ? `no recording in ${inputs.join(" ")}`
        : `no recording matches --filter ${JSON.stringify(options.filter)} (of ${collected.entries.length} found)`,
      ExitCode.unreadable,
    );
  }
  // The human report streams to stdout, line by line, when it is the report or --output
  // takes the other: a CI log shows each recording as it is done. Diffs go with it; why a
  // recording cannot be read or run goes to stderr (the report written to a file has both).
  const streamHuman = options.reporter === "human" || options.output !== undefined;
  const summary = await runRecordings(entries, collected.problems, {
    update: options.update,
    all: options.all,
    bail: options.bail,
    onReport: (report) => {
      if (streamHuman) io.out(formatHumanRecording(report, io.color, false));
      // Why a recording cannot be read or run goes to stderr, as for every command.
      if (report.error !== undefined) io.err(`${report.error}\n`);
    },
  });
  if (streamHuman) io.out(formatHumanSummary(summary, io.color, false));
  if (options.output !== undefined) {
    await writeReport(options.output, formatReport(options.reporter, summary));
  } else if (options.reporter !== "human") {
    io.out(formatReport(options.reporter, summary));
  }
  return summary.exitCode;
}

async function writeReport(file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(resolve(file)), { recursive: true });
    await writeFile(file, text);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot write the report to ${file}: ${why}`, ExitCode.unreadable);
  }
}

// -------------------------------------------------------------------------- one recording

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
