import { defineAction } from "./action.ts";

// Never executed by Flowscope: only its declared `simulate` effect is applied.
export const runJs = defineAction({
  type: "runJs",
  rule: {
    changesView: () => false,
    rendersOnPage: false,
    templates: () => [],
    check: () => [],
  },
  effect: {
    // Only the declared `simulate` part is applied; `code` is never evaluated.
    land: (action, runtime, landing) => runtime.runJs(action, landing.source),
  },
});
