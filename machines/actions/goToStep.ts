import { stepIndex } from "../format/lookup.ts";
import type { Experience } from "../format/schema.ts";
import { error } from "../model/diagnostic.ts";
import { hasId, idsOf } from "../model/id-index.ts";
import { didYouMean } from "../model/suggest.ts";
import { defineAction } from "./action.ts";
import type { FlowMove } from "./landing.ts";

/** The targets that are not step ids. */
export const specialTargets = ["next", "previous", "complete"] as const;

export const goToStep = defineAction({
  type: "goToStep",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: () => [],
    check(action, place) {
      const at = `${place.pointer}/step`;
      if (action.step === "previous" && place.context !== "cta") {
        return [
          error(
            "previousOnlyInCta",
            '"Go to step: Previous step" is only available on CTA buttons; use a step id instead.',
            at,
          ),
        ];
      }
      if ((specialTargets as readonly string[]).includes(action.step)) return [];
      const steps = place.experience?.steps ?? [];
      if (!hasId(steps, action.step)) {
        // The closest few step ids only: listing all of them made the output quadratic.
        const hint = didYouMean(action.step, idsOf(steps), "step ids");
        return [
          error(
            "unknownStep",
            `Step "${action.step}" does not exist in this experience; use next, previous, complete or a step id (${hint}).`,
            at,
          ),
        ];
      }
      return [];
    },
  },
  effect: {
    movesFlow: true,
    land(action, _landing, world) {
      const flow = world.flow;
      if (!flow) return [];
      const experience = flow.experience;
      const move = goToMove(action.step, experience, flow.stepIndex, flow.history);
      if (move) return [{ type: "move", experience: experience.id, move }];
      const at = experience.steps[flow.stepIndex]?.id;
      return [
        action.step === "previous"
          ? {
              type: "warn",
              code: "noPreviousStep",
              message: `goToStep previous on "${at}" of "${experience.id}": no step to go back to`,
              experience: experience.id,
            }
          : {
              type: "warn",
              code: "unknownStep",
              message: `no step "${action.step}" in "${experience.id}"`,
              experience: experience.id,
            },
      ];
    },
  },
});

/**
 * Where "Go to step" moves a flow from the step at index `at` (SPEC §3.2): `next` counts from
 * that step (past the last it completes), `previous` pops the visit stack — `{ to: "back" }`
 * when routing statically, with no history —, an id jumps there. Undefined: it does nothing
 * (an unknown id, or no step to go back to).
 */
export function goToMove(
  target: string,
  experience: Experience,
  at: number,
  history?: readonly string[],
): FlowMove | undefined {
  if (target === "complete") return { to: "end", end: "completed" };
  if (target === "previous") {
    if (!history) return { to: "back" };
    return history.length < 2
      ? undefined
      : { to: "step", step: history[history.length - 2], back: true };
  }
  if (target === "next") {
    const next = experience.steps[at + 1];
    return next ? { to: "step", step: next.id } : { to: "end", end: "completed" };
  }
  return stepIndex(experience, target) >= 0 ? { to: "step", step: target } : undefined;
}
