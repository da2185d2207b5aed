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
    land: (_action, runtime, landing) => runtime.dismiss(landing.source),
  },
});
