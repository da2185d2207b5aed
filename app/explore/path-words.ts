// Paths in words for the Paths panel: exact counts with digit grouping (big ones are decimal
// strings), and a coverage path as a short line of its script steps ("answer 10 → click Done").
import { describeScriptStep } from "../../machines/engine/index.ts";
import {
  type CoveragePath,
  coverageLength,
  expandCoverage,
  type JsonCount,
  type PathsReport,
} from "../../machines/explore/index.ts";
import type { Experience, ScriptStep } from "../../machines/format/index.ts";
import { loopBound } from "../../machines/rules/index.ts";

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

function answerWords(value: ScriptStep & { do: "answer" }): string {
  const v = value.value;
  if (typeof v === "number") return `answer ${v}`;
  if (typeof v === "string") return `answer “${v}”`;
  return v.length === 0 ? "answer nothing" : `answer ${v.map((o) => `“${o}”`).join(" + ")}`;
}

/** One script step in a few words; `label` is the clicked CTA's label when known. */
export function stepWords(step: ScriptStep, label?: string): string {
  switch (step.do) {
    case "click":
      return `click ${label ?? step.cta}`;
    case "answer":
      return answerWords(step);
    case "close":
      return "close ×";
    case "navigate":
      return `go to ${step.url}`;
    case "clickElement":
      return `click ${step.selector} on the page`;
    case "advance":
      return `wait ${step.hours} h`;
    default:
      return describeScriptStep(step);
  }
}

interface CtaEdge {
  cta: string;
  label: string;
}

const ctaIndexCache = new WeakMap<Experience, Map<string, CtaEdge>>();

/** Flow-graph CTA edge id ("<step>/cta/<cta>") → the CTA, per experience (cached). */
function ctaIndex(experience: Experience): Map<string, CtaEdge> {
  let index = ctaIndexCache.get(experience);
  if (!index) {
    index = new Map();
    for (const s of experience.steps) {
      for (const c of s.ctas) index.set(`${s.id}/cta/${c.id}`, { cta: c.id, label: c.label });
    }
    ctaIndexCache.set(experience, index);
  }
  return index;
}

/**
 * The CTA label of each of the path's first `limit` steps that is a click: the path's edges
 * name the step each CTA was on; clicks and their CTA edges come in the same order.
 */
export function clickLabels(
  path: CoveragePath,
  experience: Experience,
  limit = path.steps.length,
): (string | undefined)[] {
  const index = ctaIndex(experience);
  let cursor = 0;
  return path.steps.slice(0, limit).map((step) => {
    if (step.do !== "click") return undefined;
    for (let i = cursor; i < path.edges.length; i++) {
      const edge = index.get(path.edges[i]);
      if (edge?.cta !== step.cta) continue;
      cursor = i + 1;
      return edge.label;
    }
    return undefined;
  });
}

/** The steps the user takes (the launch that opens every path left out). */
export function userSteps(path: CoveragePath): number {
  return path.steps.length - (path.steps[0]?.do === "launch" ? 1 : 0);
}

/**
 * "answer 0 → click Book a call → …" with at most `max` steps written out. `length` is the
 * path's number of script steps when `path` holds only its beginning (coveragePreview).
 */
export function pathWords(
  path: CoveragePath,
  experience: Experience,
  max = 6,
  length = path.steps.length,
): string {
  const skip = path.steps[0]?.do === "launch" ? 1 : 0;
  const total = length - skip;
  if (total === 0) return "launch only";
  const shown = Math.min(total, max, path.steps.length - skip);
  const labels = clickLabels(path, experience, skip + shown);
  const words = path.steps
    .slice(skip, skip + shown)
    .map((step, i) => stepWords(step, labels[skip + i]));
  const rest = total - shown;
  return rest > 0 ? `${words.join(" → ")} → … ${rest} more` : words.join(" → ");
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

/** "completed", "dismissed", "launched checkout-tour", or the step a path stopped on. */
export function endWords(end: string): string {
  return end.startsWith("launched:") ? `launched ${end.slice("launched:".length)}` : end;
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
