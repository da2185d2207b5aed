import { error } from "../validate/diagnostic.ts";
import { idsOf } from "../validate/id-index.ts";
import { didYouMean } from "../validate/suggest.ts";
import { defineAction } from "./action.ts";

export const launchExperience = defineAction({
  type: "launchExperience",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: () => [],
    check(action, place) {
      const at = `${place.pointer}/experience`;
      const target = place.project.experiences.find((e) => e.id === action.experience);
      if (!target) {
        const hint = didYouMean(action.experience, idsOf(place.project.experiences), "experiences");
        return [
          error(
            "unknownExperience",
            `Experience "${action.experience}" does not exist; launch one of the project's experiences (${hint}).`,
            at,
          ),
        ];
      }
      if (target.status !== "live") {
        return [
          error(
            "launchTargetNotLive",
            `Experience "${action.experience}" is ${target.status}; only live experiences can be launched: publish it or pick another.`,
            at,
          ),
        ];
      }
      return [];
    },
  },
  effect: {
    // Firing already dismisses the launching flow; the target starts only when it lands.
    fire: (_action, runtime, landing) => runtime.dismissLaunchingFlow(landing.source),
    land: (action, runtime, landing) => runtime.launch(action.experience, landing),
  },
});
