// The short, seeded slice of the fuzz suite that `npm test` runs (test/fuzz-slice.test.ts).
import type { Limits } from "./mutations.ts";

/** Sizes for the slice and `--small`: enough to reach every code path, quick to run. */
export const smallLimits: Limits = { depth: 1_000, elements: 300, stringLength: 100_000 };
