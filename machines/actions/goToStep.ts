import { error } from "../validate/diagnostic.ts";
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
      if (!steps.some((step) => step.id === action.step)) {
        const known = steps.map((step) => step.id).join(", ");
        return [
          error(
            "unknownStep",
            `Step "${action.step}" does not exist in this experience; use next, previous, complete or one of: ${known}.`,
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
