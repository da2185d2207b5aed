import { defineAction } from "./action.ts";
import type { Change } from "./landing.ts";
import { resolveWithWarnings } from "./resolve.ts";

export const launchAgent = defineAction({
  type: "launchAgent",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: (action) =>
      action.message === undefined ? [] : [{ field: "message", text: action.message }],
    check: () => [],
  },
  effect: {
    land(action, _landing, world) {
      const { text, warnings } =
        action.message === undefined
          ? { text: "", warnings: [] }
          : resolveWithWarnings(action.message, world.attributes, "message");
      const changes: Change[] = [
        ...warnings,
        { type: "effect", effect: { type: "launchAgent", message: text } },
        { type: "openAgent" },
      ];
      if (text !== "") changes.push({ type: "askAgent", message: text });
      return changes;
    },
  },
});
