import { defineAction } from "./action.ts";
import type { Change } from "./landing.ts";

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
    land(action, { source }) {
      const attributes = action.simulate?.setAttributes;
      const changes: Change[] = attributes ? [{ type: "attributes", attributes }] : [];
      changes.push({
        type: "effect",
        effect:
          source.context === "block"
            ? { type: "runJs", block: source.id }
            : { type: "runJs", experience: source.experience, step: source.step },
      });
      return changes;
    },
  },
});
