import { experienceById } from "../format/lookup.ts";
import { error } from "../model/diagnostic.ts";
import { isSequential } from "../model/experience.ts";
import { idsOf } from "../model/id-index.ts";
import { didYouMean } from "../model/suggest.ts";
import { defineAction } from "./action.ts";
import { flowContexts } from "./landing.ts";

export const launchExperience = defineAction({
  type: "launchExperience",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: () => [],
    check(action, place) {
      const at = `${place.pointer}/experience`;
      const target = experienceById(place.project, action.experience);
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
    // Firing already dismisses the launching flow (SPEC §3.2); the target starts when it lands.
    fire(_action, landing, world) {
      if (landing.source.context === "sdk") return [{ type: "dismissOnScreen" }];
      const flow = world.flow;
      if (!flowContexts.has(landing.source.context) || !flow || !isSequential(flow.experience)) {
        return [];
      }
      return [
        { type: "move", experience: flow.experience.id, move: { to: "end", end: "dismissed" } },
      ];
    },
    land: (action) => [{ type: "launch", experience: action.experience }],
  },
});
