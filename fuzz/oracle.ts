// What counts as a failure (issue 10): exit 70, a stack trace or "internal error" in the
// output, a run over 10 s, memory over 1 GB, an exit code that contradicts SPEC §4 (0 or 1
// for a file that is not valid JSON or nests deeper than jsonNestingLimit, 2 for valid JSON
// with a well-formed command line), output that --json promises as JSON but is not, and a
// script or recording with an unknown key (or a recording without `expect`) that passes.
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { jsonNestingLimit } from "../machines/format/index.ts";
import { validateDocument } from "../machines/validate/index.ts";
import type { FuzzCase, Read } from "./cases.ts";
import type { Role } from "./mutations.ts";

export const limits = {
  /** Wall clock per run. */
  ms: 10_000,
  /** Peak resident memory of the process running the CLI. */
  rssMb: 1024,
} as const;

export type FailureKind =
  | "internalError"
  | "stackTrace"
  | "exitCode"
  | "timeout"
  | "memory"
  | "crash"
  | "uncaught"
  | "pollution"
  | "strictness"
  | "jsonOutput"
  /** A bug of the fuzz harness itself (generating or judging a case), not of Flowscope. */
  | "harness";

export interface Failure {
  kind: FailureKind;
  message: string;
}

export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** False when the output was too long to keep whole. */
  complete: boolean;
  ms: number;
  /** Peak RSS of the process after the run, in MB. */
  rssMb: number;
  /** Own properties Object.prototype gained during the run. */
  pollution: string[];
}

// ------------------------------------------------------------------------------- files

type FileStatus =
  | { kind: "missing" }
  | { kind: "notFile" }
  | { kind: "notJson"; why: string }
  | { kind: "json"; value: unknown };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** RFC 8259 JSON in UTF-8, with at most one byte-order mark before it. */
export function jsonStatusOfBytes(bytes: Uint8Array): FileStatus {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { kind: "notJson", why: "invalid UTF-8" };
  }
  try {
    const value: unknown = JSON.parse(text);
    // README "Semantics": deeper than jsonNestingLimit is refused as unparseable (exit 2).
    if (nestsDeeperThan(value, jsonNestingLimit)) {
      return { kind: "notJson", why: `nested deeper than ${jsonNestingLimit} levels` };
    }
    return { kind: "json", value };
  } catch {
    const why = text.startsWith("\ufeff")
      ? "a second byte-order mark"
      : text.trim() === ""
        ? "empty"
        : "a syntax error";
    return { kind: "notJson", why };
  }
}

/** Whether `value` has more than `limit` levels of objects and arrays (a loop, no recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (typeof node !== "object" || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

export function fileStatus(path: string): FileStatus {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return { kind: "missing" };
  }
  if (!isFile) return { kind: "notFile" };
  return jsonStatusOfBytes(readFileSync(path));
}

function describeStatus(read: Read, status: FileStatus): string {
  switch (status.kind) {
    case "missing":
      return `${read.file} does not exist`;
    case "notFile":
      return `${read.file} is not a file`;
    case "notJson":
      return `${read.file} is not valid JSON (${status.why})`;
    default:
      return `${read.file} is valid JSON`;
  }
}

// ------------------------------------------------------------------------- exit codes

export interface JudgeOptions {
  /**
   * Scripts and recordings are strict (issue 10, item 6): an unknown key, or a recording
   * without `expect`, must not pass. Default true.
   */
  strict?: boolean;
}

export interface Expectation {
  allowed: readonly number[];
  why: string;
  /** Why exit 0 would be wrong though the files are JSON (strict scripts and recordings). */
  mustNotPass: string[];
  /** The JSON values of the files read, by role, when they are JSON. */
  values: Partial<Record<Role, unknown>>;
  /** A file to read is missing or a folder (no `parse` diagnostic is owed for it). */
  unreadable: boolean;
  /**
   * Exit 1 says the input is wrong: for these commands on a project the validator finds no
   * error in (and an experience that exists and has paths), it must not happen.
   */
  validMeansZero: boolean;
}

/** The exit codes SPEC §4 allows for `c`, whose files are in `dir`. */
export function expectation(c: FuzzCase, dir: string, options: JudgeOptions = {}): Expectation {
  const mustNotPass: string[] = [];
  const values: Partial<Record<Role, unknown>> = {};
  let unreadable = false;
  let validMeansZero = false;
  const result = (allowed: number[], why: string): Expectation => ({
    allowed,
    why,
    mustNotPass,
    values,
    unreadable,
    validMeansZero,
  });
  if (c.usage === "help") return result([0], "--help");
  if (c.usage === "usage") return result([2], "the command line is wrong");
  const reads = [...c.reads];
  for (let k = 0; k < reads.length; k++) {
    const read = reads[k];
    const path = isAbsolute(read.file) ? read.file : join(dir, read.file);
    const status = fileStatus(path);
    if (status.kind !== "json") {
      unreadable = status.kind === "missing" || status.kind === "notFile";
      // The first file read must say so (2); a later one is reached only when every earlier
      // one was right, and an earlier one may be valid JSON but wrong (1).
      return result(k === 0 ? [2] : [1, 2], describeStatus(read, status));
    }
    values[read.as] = status.value;
    if (options.strict !== false) {
      for (const problem of strictProblems(read.as, status.value)) mustNotPass.push(problem);
    }
    if (read.as === "recording") {
      const project = projectOf(status.value);
      if (project === undefined) return result([1], "the recording has no usable `project`");
      const found = [resolve(dir, project), resolve(process.cwd(), project)].find(
        (candidate) => fileStatus(candidate).kind !== "missing",
      );
      reads.push({ file: found ?? resolve(dir, project), as: "project" });
    }
  }
  if (c.usage === "value") return result([1, 2], "an option value or target is refused");
  const id = experienceOption(c.args);
  if (id !== undefined && !hasExperience(values.project, id)) {
    return result([1], `the project has no experience ${JSON.stringify(id)}`);
  }
  validMeansZero =
    ["validate", "machine", "paths", "races", "graph"].includes(c.command) &&
    !(c.command === "paths" && experienceType(values.project, id) === "checklist");
  return result([0, 1], "every file is valid JSON");
}

function experienceType(project: unknown, id: string | undefined): unknown {
  if (!isObject(project) || !Array.isArray(project.experiences)) return undefined;
  const found = project.experiences.find((e) => isObject(e) && e.id === id);
  return isObject(found) ? found.type : undefined;
}

/** Whether the validator finds no error in `project` (false when it cannot say). */
function validProject(project: unknown): boolean {
  try {
    return !validateDocument(project).diagnostics.some((d) => d.severity === "error");
  } catch {
    return false;
  }
}

function projectOf(recording: unknown): string | undefined {
  if (!isObject(recording)) return undefined;
  const project = recording.project;
  return typeof project === "string" && project.length > 0 ? project : undefined;
}

function experienceOption(args: readonly string[]): string | undefined {
  const at = args.indexOf("--experience");
  return at >= 0 && at + 1 < args.length ? args[at + 1] : undefined;
}

function hasExperience(project: unknown, id: string): boolean {
  if (!isObject(project)) return true; // not a project: refused anyway
  if (project.experiences === undefined) return false; // none (the default)
  if (!Array.isArray(project.experiences)) return true; // refused anyway
  return project.experiences.some((e) => isObject(e) && e.id === id);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ------------------------------------------------------------------ strict shapes (item 6)

const scriptKeys = ["$schema", "user", "start", "steps"];
const userKeys = ["id", "attributes"];
const startKeys = ["url", "at"];
const recordingKeys = ["$schema", "project", "script", "expect"];
const stepKeys: Record<string, readonly string[]> = {
  launch: ["experience"],
  click: ["cta", "experience"],
  answer: ["value", "experience"],
  close: ["experience"],
  navigate: ["url"],
  clickElement: ["selector"],
  advance: ["hours"],
  task: ["experience", "task"],
  openPost: ["post"],
  clickPostCta: ["post"],
  clickBlock: ["block"],
  askAgent: ["message"],
};

/** Problems kept at most (the first few say enough; inputs may have 100,000 keys). */
const keptProblems = 5;

function unknownIn(value: unknown, known: readonly string[], place: string, into: string[]): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (into.length >= keptProblems) return;
    if (!known.includes(key))
      into.push(`unknown key ${JSON.stringify(key.slice(0, 40))} at ${place || "/"}`);
  }
}

function scriptProblems(script: unknown, place: string, into: string[]): void {
  if (!isObject(script)) return;
  unknownIn(script, scriptKeys, place, into);
  unknownIn(script.user, userKeys, `${place}/user`, into);
  unknownIn(script.start, startKeys, `${place}/start`, into);
  if (!Array.isArray(script.steps)) return;
  for (let i = 0; i < script.steps.length && into.length < keptProblems; i++) {
    const step: unknown = script.steps[i];
    if (!isObject(step) || typeof step.do !== "string" || !Object.hasOwn(stepKeys, step.do))
      continue;
    unknownIn(step, ["do", "settle", ...stepKeys[step.do]], `${place}/steps/${i}`, into);
  }
}

/** Scripts and recordings are strict (issue 10, item 6): what makes exit 0 wrong. */
export function strictProblems(role: Role, value: unknown): string[] {
  const problems: string[] = [];
  if (role === "script") scriptProblems(value, "", problems);
  if (role !== "recording" || !isObject(value)) return problems;
  if (!Object.hasOwn(value, "expect")) problems.push("a recording without `expect`");
  unknownIn(value, recordingKeys, "", problems);
  scriptProblems(value.script, "/script", problems);
  return problems;
}

// ---------------------------------------------------------------------------- judging

const stackFrame = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/** Every way `outcome` breaks the contract; empty when the run is fine. */
export function judge(c: FuzzCase, outcome: Outcome, expected: Expectation): Failure[] {
  const failures: Failure[] = [];
  const found = judgeRaw(c, outcome, expected, failures);
  return found.map((f) => ({ kind: f.kind, message: f.message.replace(/\s+/g, " ").trim() }));
}

function judgeRaw(
  c: FuzzCase,
  outcome: Outcome,
  expected: Expectation,
  failures: Failure[],
): Failure[] {
  const output = `${outcome.stdout}\n${outcome.stderr}`;
  const firstLine = (pattern: RegExp) =>
    output
      .split("\n")
      .find((line) => pattern.test(line))
      ?.trim()
      .slice(0, 300) ?? "";
  if (outcome.exitCode === 70) {
    failures.push({ kind: "internalError", message: firstLine(/internal error/i) || "exit 70" });
  } else if (/internal error/i.test(output)) {
    failures.push({ kind: "internalError", message: firstLine(/internal error/i) });
  }
  if (stackFrame.test(output)) {
    failures.push({ kind: "stackTrace", message: firstLine(stackFrame) });
  }
  if (outcome.exitCode !== 70 && !expected.allowed.includes(outcome.exitCode)) {
    failures.push({
      kind: "exitCode",
      message: `exit ${outcome.exitCode}, expected ${expected.allowed.join(" or ")}: ${expected.why}`,
    });
  }
  if (
    outcome.exitCode === 1 &&
    expected.validMeansZero &&
    expected.values.project !== undefined &&
    validProject(expected.values.project)
  ) {
    const said = outcome.stderr.trim().split("\n")[0] ?? "";
    failures.push({
      kind: "exitCode",
      message: `exit 1 for a project the validator finds no error in: ${said.slice(0, 200)}`,
    });
  }
  if (outcome.exitCode === 0 && expected.mustNotPass.length > 0) {
    failures.push({
      kind: "strictness",
      message: `exit 0 although ${expected.mustNotPass[0]}${expected.mustNotPass.length > 1 ? " (and more)" : ""}`,
    });
  }
  if (outcome.ms > limits.ms) {
    failures.push({ kind: "timeout", message: `took ${Math.round(outcome.ms)} ms` });
  }
  if (outcome.rssMb > limits.rssMb) {
    failures.push({ kind: "memory", message: `peak RSS ${Math.round(outcome.rssMb)} MB` });
  }
  if (outcome.pollution.length > 0) {
    failures.push({
      kind: "pollution",
      message: `Object.prototype gained ${outcome.pollution.join(", ")}`,
    });
  }
  for (const problem of jsonOutputProblems(c, outcome, expected)) failures.push(problem);
  return failures;
}

function jsonOutputProblems(c: FuzzCase, outcome: Outcome, expected: Expectation): Failure[] {
  if (!c.args.includes("--json") || c.usage !== "ok" || !outcome.complete) return [];
  // validate --json prints diagnostics as JSON even for a file that is not JSON (README).
  const promised =
    outcome.exitCode === 0 ||
    (c.command === "validate" && outcome.exitCode !== 70 && !expected.unreadable);
  if (!promised) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(outcome.stdout);
  } catch (error) {
    return [{ kind: "jsonOutput", message: `--json printed no JSON: ${(error as Error).message}` }];
  }
  if (c.command === "validate" && isObject(parsed) && Array.isArray(parsed.diagnostics)) {
    const errors = parsed.diagnostics.filter((d) => isObject(d) && d.severity === "error").length;
    if ((outcome.exitCode === 0) !== (errors === 0) && outcome.exitCode !== 2) {
      return [
        {
          kind: "exitCode",
          message: `validate exit ${outcome.exitCode} with ${errors} error diagnostics`,
        },
      ];
    }
  }
  return [];
}
