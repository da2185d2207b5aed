import { error } from "../validate/diagnostic.ts";
import { defineAction } from "./action.ts";

export const bookInterview = defineAction({
  type: "bookInterview",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: () => [],
    check(_action, place) {
      // Fixed (seed "**"): only as the first action of a bookInterview step's primary CTA.
      const fixedPlace =
        place.context === "cta" &&
        place.step?.kind === "bookInterview" &&
        place.ctaIndex === 0 &&
        place.index === 0;
      if (fixedPlace) return [];
      return [
        error(
          "bookInterviewNotFixed",
          "Book Interview cannot be added by hand: it is the fixed first action of a Book Interview step's primary CTA. Remove it, or use a bookInterview step.",
          `${place.pointer}/type`,
        ),
      ];
    },
  },
  effect: {
    land: (_action, runtime, landing) => runtime.bookInterview(landing.source),
  },
});
