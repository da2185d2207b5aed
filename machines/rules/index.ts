// The seed's rules as data, and every decision SPEC leaves open (machines/semantics.ts, which
// belongs to this layer). What app/ and cli/ import of them comes from here.
export { loopBound, recordingProjectLookup, simplePathEdgeBudget } from "../semantics.ts";
