import { defineAction } from "./action.ts";

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
    land: (action, runtime) => runtime.launchAgent(action.message),
  },
});
