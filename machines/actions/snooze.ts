import { error } from "../model/diagnostic.ts";
import { defineAction, isFirstStepOfSequentialFlow } from "./action.ts";

export const snooze = defineAction({
  type: "snooze",
  rule: {
    changesView: () => true,
    rendersOnPage: false,
    templates: () => [],
    check(_action, place) {
      // Where the table allows snooze at all, it is "1st step" only (seed: sequential flows).
      if (place.step && !isFirstStepOfSequentialFlow(place)) {
        return [
          error(
            "snoozeNotFirstStep",
            "Snooze is only available on the first step of a tour, banner or survey; move it to the first step or use dismiss.",
            `${place.pointer}/type`,
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
      const experience = flow.experience.id;
      if (flow.snoozeCount >= action.maxTimes) {
        // SPEC §3.2: once maxTimes is reached, snooze is no longer offered: it acts as dismiss.
        return [
          {
            type: "record",
            entry: { type: "snooze.exhausted", experience, maxTimes: action.maxTimes },
          },
          { type: "move", experience, move: { to: "end", end: "dismissed" } },
        ];
      }
      return [
        { type: "snooze", experience, hours: action.hours },
        { type: "move", experience, move: { to: "end", end: "snoozed" } },
      ];
    },
  },
});
