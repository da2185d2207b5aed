import { error } from "../validate/diagnostic.ts";
import { hasId, idsOf } from "../validate/id-index.ts";
import { didYouMean } from "../validate/suggest.ts";
import { defineAction } from "./action.ts";

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
    land: (action, runtime, landing) => runtime.goToStep(action.step, landing.source),
  },
});
