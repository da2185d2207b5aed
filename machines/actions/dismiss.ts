import { defineAction } from "./action.ts";

export const dismiss = defineAction({
  type: "dismiss",
  rule: {
    changesView: () => true,
    rendersOnPage: false,
    templates: () => [],
    check: () => [],
  },
  effect: {
    movesFlow: true,
    land: (_action, _landing, world) =>
      world.flow
        ? [
            {
              type: "move",
              experience: world.flow.experience.id,
              move: { to: "end", end: "dismissed" },
            },
          ]
        : [],
  },
});
