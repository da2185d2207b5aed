// The action list an interaction fires, with SPEC's defaults: the closing cross and a survey
// step's fallback (semantics.ts), and the bookInterview a Book Interview step's primary CTA
// implies. The engine fires it and the flow graph draws it: both read it here.
import { memberById } from "../format/lookup.ts";
import type { Action, Cta, Step } from "../format/schema.ts";
import { closingCrossOf, fallbackOf } from "../semantics.ts";

/** An interaction of a step or checklist: what fires a list. */
export interface FireParams {
  context: "cta" | "trigger" | "condition" | "cross" | "task";
  step?: string;
  /** CTA, trigger, condition or task id; absent for the cross and the fallback. */
  id?: string;
  /** true for a survey step's fallback. */
  fallback?: boolean;
}

/** SPEC §2: a bookInterview step's primary CTA implies the bookInterview action, first. */
export function ctaList(step: Step, cta: Cta): readonly Action[] {
  if (step.kind !== "bookInterview" || step.ctas[0] !== cta) return cta.actions;
  return [{ type: "bookInterview" }, ...cta.actions.filter((a) => a.type !== "bookInterview")];
}

/** The list the interaction `params` names fires on `step` (empty when it names nothing). */
export function firedList(step: Step, params: FireParams): readonly Action[] {
  switch (params.context) {
    case "cta": {
      const cta = memberById(step.ctas, params.id as string);
      return cta ? ctaList(step, cta) : [];
    }
    case "trigger":
      return memberById(step.triggers, params.id as string)?.actions ?? [];
    case "condition":
      return params.fallback
        ? fallbackOf(step)
        : (memberById(step.conditions, params.id as string)?.actions ?? []);
    case "cross":
      return closingCrossOf(step);
    default:
      return [];
  }
}
