// The seed's rules as data, and every decision SPEC leaves open (machines/semantics.ts, which
// belongs to this layer). What app/ and cli/ import of them comes from here.
export {
  answerRange,
  defaultClosingCross,
  defaultFallback,
  loopBound,
  recordingProjectLookup,
  simplePathEdgeBudget,
} from "../semantics.ts";
export { type ActionTypeName, actionLabels, actionTypes } from "./action-types.ts";
export { type Availability, availability } from "./availability.ts";
export { canFollow, combination } from "./combination.ts";
export { type AgentSource, type Context, contextLabels, contexts } from "./contexts.ts";
