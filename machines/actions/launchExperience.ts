import { error } from "../validate/diagnostic.ts";
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
        return [
          error(
            "unknownExperience",
            `Experience "${action.experience}" does not exist; launch one of the project's experiences.`,
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
});
