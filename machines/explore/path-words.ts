// Paths in words, shared by the debugger's Paths panel (app/explore/path-words.ts) and
// `flowscope paths --export plan` (plan.ts): a script step as a user does it ("answer 9",
// "click Done" with the clicked CTA's label), a coverage path as a short line of them, and
// where a path ends. Pure; the engine's describeScriptStep words the rest.
import { describeScriptStep } from "../engine/errors.ts";
import type { Experience } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import type { CoveragePath } from "./path-forms.ts";

function answerWords(value: ScriptStep & { do: "answer" }): string {
  const v = value.value;
  if (typeof v === "number") return `answer ${v}`;
  if (typeof v === "string") return `answer “${v}”`;
  return v.length === 0 ? "answer nothing" : `answer ${v.map((o) => `“${o}”`).join(" + ")}`;
}

/**
 * One script step in a few words; `label` is the clicked CTA's label, or the launched
 * experience's name, when known.
 */
export function stepWords(step: ScriptStep, label?: string): string {
  switch (step.do) {
    case "launch":
      return `launch ${label ?? step.experience}`;
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

/** "completed", "dismissed", "launched checkout-tour", or the step a path stopped on. */
export function endWords(end: string): string {
  return end.startsWith("launched:") ? `launched ${end.slice("launched:".length)}` : end;
}
