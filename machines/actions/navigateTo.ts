import { error } from "../validate/diagnostic.ts";
import { defineAction } from "./action.ts";
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
    land: (action, runtime) => runtime.navigate(action.url, action.openIn),
  },
});
