// Every choice Flowscope makes where the seed and SPEC are silent or leave a default, in one
// place so it can be changed. README "Semantics" lists the same choices in words.
import type { Action, Step } from "./format/schema.ts";

/** Seed: the closing cross triggers a Dismiss by default. */
export const defaultClosingCross: readonly Action[] = [{ type: "dismiss" }];

/** Seed: every survey condition starts with a "Go to step: Next step" fallback. */
export const defaultFallback: readonly Action[] = [{ type: "goToStep", step: "next" }];

export function closingCrossOf(step: Step): readonly Action[] {
  return step.closingCross ?? defaultClosingCross;
}

export function fallbackOf(step: Step): readonly Action[] {
  return step.fallback ?? defaultFallback;
}

/** SPEC §3.2: more trigger firings or launches than this in one script step stop the chain. */
export const loopBound = 20;

/** NPS answers are integers 0..10 whatever `question` says (SPEC §1). */
export const npsRange = { min: 0, max: 10 } as const;

/** A scale step without min/max: 1..5 (decided here). */
export const defaultScaleRange = { min: 1, max: 5 } as const;

/** Built-in attributes (Jimo Email, Jimo Username) are never "undefined by every persona". */
export { builtInAttributes } from "./actions/attributes.ts";
