// Runs many recordings in one process (issue 11 item 1): each recording is read, classified
// when it was found in a folder, run on its project and matched; projects shared by several
// recordings are read and validated once (cached by resolved path, failures included).
// Every recording is run (unless --bail); the exit code is the worst outcome: 2 when any
// recording cannot be read, else 1 when any fails, else 0.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import {
  countExpectations,
  deepEqual,
  formatMismatches,
  type Mismatch,
  matchExpectation,
} from "../../machines/engine/index.ts";
import {
  type Project,
  parseJsonText,
  type Recording,
  type Result,
  recording as recordingSchema,
} from "../../machines/format/index.ts";
import { recordingProjectLookup } from "../../machines/rules/index.ts";
import { loadProject, runScript, shapeJsonDocument } from "../commands/simulate.ts";
import { CliError, ExitCode } from "../exit.ts";
import { formatParseError } from "../format/diagnostics.ts";
import { readTextFile } from "../io.ts";
import type { CollectProblem, RecordingEntry } from "./collect.ts";

export type RecordingStatus = "passed" | "failed" | "unreadable" | "updated" | "notRun";

export interface RecordingReport {
  /** As reports print it: relative to the current directory with `/`. */
  display: string;
  /** Its folder (`.` for the current directory): JUnit's classname. */
  folder: string;
  /** Its file name: JUnit's test name. */
  name: string;
  status: RecordingStatus;
  durationMs: number;
  /** How many checks its `expect` makes (0 when it could not be read). */
  expectations: number;
  mismatches: Mismatch[];
  /** Why it could not be run: exit 1 kinds for `failed`, exit 2 kinds for `unreadable`. */
  error?: string;
  /** `--update`: the changes written to the file, as a `- before / + after` diff. */
  applied?: Mismatch[];
}

/** A JSON file found in a folder that is not a recording but sits beside them legitimately. */
export interface IgnoredFile {
  display: string;
  as: "project" | "script";
}

export interface RunOptions {
  /** Rewrite the expectations of failing recordings (`--update`). */
  update?: boolean;
  /** With `update`: every recording, not only failing ones (`--all`). */
  all?: boolean;
  /** Stop at the first recording that fails or cannot be read; the rest are `notRun`. */
  bail?: boolean;
  /** Called as each recording is done (the human reporter prints it at once). */
  onReport?(report: RecordingReport): void;
}

export interface RunSummary {
  reports: RecordingReport[];
  ignored: IgnoredFile[];
  /** How many distinct project files were read (each once, however many recordings use it). */
  projects: number;
  durationMs: number;
  exitCode: ExitCode;
}

export async function runRecordings(
  entries: readonly RecordingEntry[],
  problems: readonly CollectProblem[],
  options: RunOptions = {},
): Promise<RunSummary> {
  const started = performance.now();
  const reports: RecordingReport[] = [];
  const ignored: IgnoredFile[] = [];
  const projects = new Map<string, Promise<Project>>();
  const done = (report: RecordingReport) => {
    reports.push(report);
    options.onReport?.(report);
  };
  let stopped = false;
  for (const problem of problems) {
    done({
      ...place(problem.argument),
      status: "unreadable",
      durationMs: 0,
      expectations: 0,
      mismatches: [],
      error: problem.message,
    });
    stopped ||= options.bail === true;
  }
  for (const entry of entries) {
    if (stopped) {
      done({
        ...place(entry.display),
        status: "notRun",
        durationMs: 0,
        expectations: 0,
        mismatches: [],
      });
      continue;
    }
    const report = await runEntry(entry, projects, options);
    if ("ignored" in report) {
      ignored.push(report.ignored);
      continue;
    }
    done(report);
    stopped =
      options.bail === true && (report.status === "failed" || report.status === "unreadable");
  }
  return {
    reports,
    ignored,
    projects: projects.size,
    durationMs: performance.now() - started,
    exitCode: exitCodeOf(reports),
  };
}

export function exitCodeOf(reports: readonly RecordingReport[]): ExitCode {
  if (reports.some((report) => report.status === "unreadable")) return ExitCode.unreadable;
  if (reports.some((report) => report.status === "failed")) return ExitCode.invalid;
  return ExitCode.ok;
}

function place(display: string): Pick<RecordingReport, "display" | "folder" | "name"> {
  const folder = dirname(display);
  return { display, folder: folder === "" ? "." : folder, name: basename(display) };
}

// ------------------------------------------------------------------------------ one run

interface Ran {
  recording: Recording;
  /** The recording's JSON as written (its `expect` before zod's defaults). */
  raw: Record<string, unknown>;
  result: Result;
}

async function runEntry(
  entry: RecordingEntry,
  projects: Map<string, Promise<Project>>,
  options: RunOptions,
): Promise<RecordingReport | { ignored: IgnoredFile }> {
  const started = performance.now();
  const report: RecordingReport = {
    ...place(entry.display),
    status: "passed",
    durationMs: 0,
    expectations: 0,
    mismatches: [],
  };
  try {
    const ran = await replayEntry(entry, projects);
    if ("ignored" in ran) return ran;
    report.expectations = countExpectations(ran.recording.expect);
    report.mismatches = matchExpectation(ran.recording.expect, ran.result);
    if (report.mismatches.length > 0) report.status = "failed";
    if (options.update && (report.mismatches.length > 0 || options.all)) {
      Object.assign(report, await updateRecording(entry.display, ran));
    }
  } catch (caught) {
    if (!(caught instanceof CliError)) throw caught;
    report.status = caught.exitCode === ExitCode.unreadable ? "unreadable" : "failed";
    report.error = caught.message;
  }
  report.durationMs = performance.now() - started;
  return report;
}

/** Reads, classifies (when found in a folder), runs: a CliError says why it could not. */
async function replayEntry(
  entry: RecordingEntry,
  projects: Map<string, Promise<Project>>,
): Promise<Ran | { ignored: IgnoredFile }> {
  const file = entry.display;
  const parsed = parseJsonText(await readTextFile(file));
  if (!parsed.ok) throw new CliError(formatParseError(file, parsed.error), ExitCode.unreadable);
  if (entry.origin === "found") {
    const kind = classify(parsed.value);
    if (kind === "project" || kind === "script") return { ignored: { display: file, as: kind } };
    if (kind === "other") {
      throw new CliError(
        `${file}: not a recording (a recording is { "project", "script", "expect" }; projects and scripts beside recordings are skipped)`,
        ExitCode.unreadable,
      );
    }
  }
  const recording = shapeJsonDocument(file, parsed, recordingSchema);
  const projectFile = resolveProjectFile(file, recording.project);
  let project = projects.get(projectFile);
  if (project === undefined) {
    project = loadProject(projectFile);
    // A failure is cached too (each recording of that project reports it); never unhandled.
    project.catch(() => {});
    projects.set(projectFile, project);
  }
  const result = runScript(await project, recording.script, `${file} /script`);
  return { recording, raw: parsed.value as Record<string, unknown>, result };
}

/**
 * Where a recording's project is (machines/semantics.ts, recordingProjectLookup): an absolute
 * path as it is; else beside the recording first, then in the current directory.
 */
export function resolveProjectFile(recordingFile: string, project: string): string {
  if (isAbsolute(project)) return project;
  const bases = { recordingFolder: dirname(recordingFile), currentDirectory: process.cwd() };
  const tried = recordingProjectLookup.map((where) => resolve(bases[where], project));
  const found = tried.find((candidate) => existsSync(candidate));
  if (found !== undefined) return found;
  throw new CliError(
    `cannot read project ${JSON.stringify(project)} of ${recordingFile}: no file at ${tried.join(" nor at ")} (looked beside the recording, then in the current directory)`,
    ExitCode.unreadable,
  );
}

const projectKeys = ["experiences", "personas", "posts", "resourceCenter", "agent", "settings"];
const scriptKeys = ["steps", "user", "start"];

/** What a JSON file found in a folder is, by its top-level keys. */
export function classify(value: unknown): "recording" | "project" | "script" | "other" {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "other";
  const has = (key: string) => Object.hasOwn(value, key);
  if (has("project")) return "recording";
  const schema = (value as { $schema?: unknown }).$schema;
  if (typeof schema === "string" && /project\.schema\.json$/.test(schema)) return "project";
  if (projectKeys.some(has)) return "project";
  if (scriptKeys.some(has)) return "script";
  return "other";
}

// ------------------------------------------------------------------------------- update

async function updateRecording(
  file: string,
  ran: Ran,
): Promise<Partial<Pick<RecordingReport, "status" | "mismatches" | "applied">>> {
  // Loaded only for --update (jsonc-parser): a plain replay starts without it.
  const { applyChanges, changesAsMismatches, changesBetween, refreshExpectation } = await import(
    "./update.ts"
  );
  const before = ran.raw.expect;
  const expect = isObject(before) ? before : {};
  const refreshed = refreshExpectation(expect, ran.result);
  const changes = changesBetween(expect, refreshed, ["expect"]);
  if (changes.length === 0) return {};
  const written = await readFile(file, "utf8");
  const bom = written.startsWith("\uFEFF") ? "\uFEFF" : "";
  const text = applyChanges(written.slice(bom.length), changes);
  // Safety nets: the new text says exactly what was computed, and it holds.
  const reread = JSON.parse(text) as Record<string, unknown>;
  if (!deepEqual(reread.expect, refreshed)) {
    throw new Error(`--update would not write the refreshed expectations of ${file} faithfully`);
  }
  const left = matchExpectation(refreshed, ran.result);
  if (left.length > 0) {
    throw new Error(
      `--update: the refreshed expectations of ${file} do not hold:\n${formatMismatches(left)}`,
    );
  }
  try {
    await writeFile(file, bom + text);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot write ${file}: ${why}`, ExitCode.unreadable);
  }
  return { status: "updated", mismatches: [], applied: changesAsMismatches(changes) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
