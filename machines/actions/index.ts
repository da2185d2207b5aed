// One module per action (rule and effect) in a registry. What app/ and cli/ import of
// machines/actions/ comes from here.

export { specialTargets } from "./goToStep.ts";
export { unsafeScheme } from "./url-safety.ts";
