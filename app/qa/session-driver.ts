// The replay's driver on the live session (through persistence's SessionPort). A step without
// `settle` lands its actions (SPEC §4's default, as `flowscope replay` runs it), whatever
// "Land actions at once" says for the document: a recording's verdict does not depend on how
// the user last left that switch.
import type { SessionPort } from "../persistence/session-port.ts";
import type { ReplayDriver } from "./replay.ts";

export function sessionDriver(port: SessionPort): ReplayDriver {
  return {
    reset: (setup) => port.reset(setup),
    run: (step) => port.run(step.settle === undefined ? { ...step, settle: true } : step),
    result: () => port.current().result,
  };
}
