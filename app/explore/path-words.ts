// Paths in words for the Paths panel: exact counts with digit grouping (big ones are decimal
// strings), and a coverage path as a short line of its script steps ("answer 10 → click Done").
import {
  type CoveragePath,
  coverageLength,
  expandCoverage,
  type JsonCount,
  type PathsReport,
} from "../../machines/explore/index.ts";
import { loopBound } from "../../machines/rules/index.ts";

// The words of a path are shared with `flowscope paths --export plan` (machines/explore/
// path-words.ts); the panel imports them from here.
export {
  clickLabels,
  endWords,
  pathWords,
  stepWords,
  userSteps,
} from "../../machines/explore/index.ts";

/** "1,152,921,504,606,846,976": every digit kept (a count past 2^53 comes as a string). */
export function groupDigits(count: JsonCount): string {
  const digits = typeof count === "number" ? BigInt(Math.trunc(count)).toString() : count.trim();
  if (!/^-?\d+$/.test(digits)) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A count for a small badge: grouped up to 7 digits, else "2.3 × 10¹²⁹" (rounded down). */
export function compactCount(count: JsonCount): string {
  const digits = groupDigits(count).replaceAll(",", "");
  if (!/^\d+$/.test(digits) || digits.length <= 7) return groupDigits(count);
  const exponent = String(digits.length - 1)
    .split("")
    .map((d) => superscripts[Number(d)])
    .join("");
  return `${digits[0]}.${digits[1]} × 10${exponent}`;
}

/**
 * Coverage path `index` of a report for a row of the list: its first `max` user steps (with
 * the edges their labels need) and its length, without writing a long path out (a report
 * may give paths in the shared form, path-forms.ts).
 */
export function coveragePreview(
  paths: readonly CoveragePath[],
  index: number,
  max = 6,
): { path: CoveragePath; length: number } {
  const steps = max + 1;
  // Each script step takes its own edge and at most `loopBound` more the engine fires itself.
  const edges = steps * (loopBound + 1);
  return {
    path: expandCoverage(paths, index, { steps, edges }),
    length: coverageLength(paths, index),
  };
}

/** The bound the counts hold for, and whether they are exact or lower bounds (the budget). */
export function boundWords(detail: PathsReport["countDetail"]): string {
  const cycles = detail.acyclic
    ? "No cycles: every path counted."
    : `Cycles: each step entered at most ${detail.revisits}× per path${detail.reduced ? ", as the asked bound needed more work than the counting budget" : ""}.`;
  if (detail.exact) return cycles;
  return `At least these many: counting stopped at its work budget. ${cycles}`;
}

/** The coverage heading, and the replay hint only when there is a path to click. */
export function coverageHeading(report: PathsReport): { title: string; hint: string | null } {
  const n = report.coverage.length;
  if (n === 0) return { title: "Coverage · Nothing to cover", hint: null };
  const taken = report.edges - report.untakable.length - report.missed.length;
  const paths = n === 1 ? "path takes" : "paths take";
  return {
    title: `Coverage · ${n} ${paths} ${taken} of ${report.edges} transitions`,
    hint: "click one to replay it on the canvas",
  };
}
