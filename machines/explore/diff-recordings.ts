// Recordings replayed on two versions of a project, for `diff --recordings` (issue 11, item 3):
// each recording's script runs on the old and on the new project (its own `project` path is
// not read), its `expect` is matched on both results, and the two outcomes are compared.
import { ScriptStepError } from "../engine/errors.ts";
import { matchExpectation } from "../engine/expect.ts";
import { simulate } from "../engine/simulate.ts";
import type { Project } from "../format/schema.ts";
import type { Recording, Result } from "../format/script.ts";
import { canonicalJson } from "./diff-data.ts";

export interface RecordingInput {
  /** How the report names it (the CLI: its path). */
  name: string;
  recording: Recording;
}

export interface RecordingOutcome {
  /** pass: every expectation holds; fail: some does not; error: a script step cannot be done. */
  status: "pass" | "fail" | "error";
  mismatches: number;
  /** The first mismatch (`/experiences/x/status: expected … got …`) or the step error. */
  detail?: string;
}

export type RecordingChangeKind = "none" | "passToFail" | "failToPass" | "resultChanged";

export interface RecordingChange {
  name: string;
  change: RecordingChangeKind;
  before: RecordingOutcome;
  after: RecordingOutcome;
  /** Where the two results first differ (JSON pointers into the Result, at most a few). */
  differences: string[];
  text: string;
}

interface Run {
  outcome: RecordingOutcome;
  result?: Result;
}

function run(project: Project, recording: Recording): Run {
  let result: Result;
  try {
    result = simulate(project, recording.script);
  } catch (caught) {
    if (!(caught instanceof ScriptStepError)) throw caught;
    return { outcome: { status: "error", mismatches: 0, detail: caught.message } };
  }
  const mismatches = matchExpectation(recording.expect, result);
  const outcome: RecordingOutcome = {
    status: mismatches.length === 0 ? "pass" : "fail",
    mismatches: mismatches.length,
  };
  if (mismatches.length > 0)
    outcome.detail = `${mismatches[0].path || "/"}: ${mismatches[0].message}`;
  return { outcome, result };
}

const differenceLimit = 3;

/** JSON pointers where `a` and `b` first differ (depth first, at most `limit`). */
export function jsonDifferences(a: unknown, b: unknown, limit = differenceLimit): string[] {
  const out: string[] = [];
  const visit = (x: unknown, y: unknown, pointer: string) => {
    if (out.length >= limit || canonicalJson(x) === canonicalJson(y)) return;
    const bothArrays = Array.isArray(x) && Array.isArray(y);
    const bothObjects =
      typeof x === "object" && typeof y === "object" && x !== null && y !== null && !bothArrays;
    if (bothArrays) {
      const xs = x as unknown[];
      const ys = y as unknown[];
      for (let i = 0; i < Math.max(xs.length, ys.length); i++)
        visit(xs[i], ys[i], `${pointer}/${i}`);
      return;
    }
    if (bothObjects && !Array.isArray(x) && !Array.isArray(y)) {
      const xr = x as Record<string, unknown>;
      const yr = y as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(xr), ...Object.keys(yr)])];
      for (const key of keys) {
        const token = key.replaceAll("~", "~0").replaceAll("/", "~1");
        visit(xr[key], yr[key], `${pointer}/${token}`);
      }
      return;
    }
    out.push(pointer || "/");
  };
  visit(a, b, "");
  return out;
}

function outcomeWords(outcome: RecordingOutcome): string {
  if (outcome.status === "pass") return "passes";
  if (outcome.status === "error") return `stops (${outcome.detail})`;
  const n = outcome.mismatches;
  return `fails (${n} mismatch${n === 1 ? "" : "es"}; ${outcome.detail})`;
}

function changeOf(before: Run, after: Run): { change: RecordingChangeKind; differences: string[] } {
  const differences =
    before.result && after.result ? jsonDifferences(before.result, after.result) : [];
  const wasPass = before.outcome.status === "pass";
  const isPass = after.outcome.status === "pass";
  if (wasPass && !isPass) return { change: "passToFail", differences };
  if (!wasPass && isPass) return { change: "failToPass", differences };
  const same =
    differences.length === 0 && canonicalJson(before.outcome) === canonicalJson(after.outcome);
  return { change: same ? "none" : "resultChanged", differences };
}

/** Replays every recording on both versions and says which change outcome or result. */
export function diffRecordings(
  before: Project,
  after: Project,
  recordings: readonly RecordingInput[],
): RecordingChange[] {
  return recordings.map(({ name, recording }) => {
    const was = run(before, recording);
    const now = run(after, recording);
    const { change, differences } = changeOf(was, now);
    let text: string;
    switch (change) {
      case "none":
        text = `${name}: ${outcomeWords(now.outcome)} on both, with the same result`;
        break;
      case "passToFail":
        text = `${name}: passed, now ${outcomeWords(now.outcome)}`;
        break;
      case "failToPass":
        text = `${name}: ${outcomeWords(was.outcome)}, now passes`;
        break;
      default: {
        const where =
          differences.length > 0 ? ` (the result differs at ${differences.join(", ")})` : "";
        text =
          was.outcome.status === now.outcome.status && was.outcome.detail === now.outcome.detail
            ? `${name}: ${outcomeWords(now.outcome)} on both${where}`
            : `${name}: ${outcomeWords(was.outcome)}, now ${outcomeWords(now.outcome)}${where}`;
      }
    }
    return { name, change, before: was.outcome, after: now.outcome, differences, text };
  });
}
