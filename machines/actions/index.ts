// One module per action (rule and effect) in a registry. What app/ and cli/ import of
// machines/actions/ comes from here.
export { unsafeScheme } from "./url-safety.ts";
export { specialTargets } from "./goToStep.ts";
