import { error } from "../validate/diagnostic.ts";
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
    land: (action, runtime, landing) => runtime.snooze(action, landing.source),
  },
});
