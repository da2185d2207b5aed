// Pass/fail per expectation (issue 4 item 6): a recording's `expect` split into the checks a
// reader thinks of ("quarterly-nps · status", "page · url", "trace, 6 entries in order"), each
// evaluated with the engine's matcher on a sub-expectation holding only that part, so the
// SPEC §4 rules (subset, subsequence by key) apply exactly as in `flowscope replay`.
import { type Mismatch, matchExpectation, subsequenceKeys } from "../../machines/engine/index.ts";
import { childPointer } from "../../machines/model/index.ts";

export interface ExpectationCheck {
  /** JSON pointer of the checked part inside `expect`. */
  pointer: string;
  label: string;
  /** `expect` reduced to this part alone. */
  expectation: Record<string, unknown>;
  /** The checked part itself, for display. */
  expected: unknown;
}

export interface CheckOutcome extends ExpectationCheck {
  pass: boolean;
  mismatches: Mismatch[];
}

/** Keys whose object members are each their own check (one level further down). */
const splitDeeper = new Set(["experiences"]);

export function splitExpectations(expect: Record<string, unknown>): ExpectationCheck[] {
  const checks: ExpectationCheck[] = [];
  for (const [key, value] of Object.entries(expect)) {
    if (!isObject(value) || subsequenceKeys.has(key)) {
      checks.push(check([key], value, labelOf(key, value)));
    } else if (splitDeeper.has(key)) {
      for (const [id, member] of Object.entries(value)) {
        if (!isObject(member)) checks.push(check([key, id], member, id));
        else {
          for (const [field, leaf] of Object.entries(member)) {
            checks.push(check([key, id, field], leaf, `${id} · ${field}`));
          }
        }
      }
    } else {
      for (const [field, leaf] of Object.entries(value)) {
        checks.push(check([key, field], leaf, `${key} · ${field}`));
      }
    }
  }
  return checks;
}

export function evaluateChecks(
  checks: readonly ExpectationCheck[],
  result: unknown,
): CheckOutcome[] {
  return checks.map((item) => {
    const mismatches = matchExpectation(item.expectation, result);
    return { ...item, pass: mismatches.length === 0, mismatches };
  });
}

export function summarize(outcomes: readonly CheckOutcome[]): { passed: number; failed: number } {
  const failed = outcomes.filter((outcome) => !outcome.pass).length;
  return { passed: outcomes.length - failed, failed };
}

function check(path: readonly string[], expected: unknown, label: string): ExpectationCheck {
  let expectation: unknown = expected;
  for (let i = path.length - 1; i >= 0; i--) expectation = { [path[i]]: expectation };
  const pointer = path.reduce<string>((at, key) => childPointer(at, key), "");
  return { pointer, label, expectation: expectation as Record<string, unknown>, expected };
}

function labelOf(key: string, value: unknown): string {
  if (!Array.isArray(value)) return key;
  const count = `${value.length} ${value.length === 1 ? "entry" : "entries"}`;
  return subsequenceKeys.has(key) ? `${key} · ${count} in order` : `${key} · ${count}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
