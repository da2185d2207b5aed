import { experienceById } from "../format/lookup.ts";
import { error } from "../model/diagnostic.ts";
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
    land(_action, { source }, world) {
      const experience =
        source.experience === undefined
          ? undefined
          : experienceById(world.project, source.experience);
      const booking = experience?.steps.find((s) => s.id === source.step)?.booking;
      const effect = {
        type: "effect" as const,
        effect: {
          type: "bookInterview" as const,
          provider: booking?.provider ?? "",
          link: booking?.link ?? "",
        },
      };
      if (booking) return [effect];
      const message = `step "${source.step}" has no booking`;
      return [{ type: "warn", code: "noBooking", message, experience: source.experience }, effect];
    },
  },
});
