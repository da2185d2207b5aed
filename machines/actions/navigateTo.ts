import { error } from "../model/diagnostic.ts";
import { defineAction } from "./action.ts";
import { resolveWithWarnings } from "./resolve.ts";
import { unsafeScheme } from "./url-safety.ts";

export const navigateTo = defineAction({
  type: "navigateTo",
  rule: {
    // A new tab leaves the page as it is (seed: not an action that changes what the user sees).
    changesView: (action) => action.openIn !== "newTab",
    rendersOnPage: false,
    templates: (action) => [{ field: "url", text: action.url }],
    check(action, place) {
      const scheme = unsafeScheme(action.url);
      if (!scheme) return [];
      return [
        error(
          "unsafeUrl",
          `URLs starting with "${scheme}" are refused; use an http(s) URL or a path such as /settings.`,
          `${place.pointer}/url`,
        ),
      ];
    },
  },
  effect: {
    land(action, _landing, world) {
      const { text: url, warnings } = resolveWithWarnings(action.url, world.attributes, "url");
      const scheme = unsafeScheme(url);
      if (scheme) {
        const message = `navigation to a "${scheme}" URL refused`;
        return [...warnings, { type: "warn", code: "unsafeUrl", message }];
      }
      return [
        ...warnings,
        { type: "effect", effect: { type: "navigateTo", url, openIn: action.openIn } },
        action.openIn === "sameTab" ? { type: "page", url } : { type: "tab", url },
      ];
    },
  },
});
