// simulate(): a whole script, pure and deterministic (SPEC §4 `simulate --json`).
import type { Project } from "../format/schema.ts";
import type { Result, Script } from "../format/script.ts";
import type { EdgeListener, ExternalInspector } from "./types.ts";
import { WorldSimulation } from "./world-simulation.ts";
import { initialWorld } from "./world-state.ts";

/** Runs `script` on `project`; throws ScriptStepError for a step that cannot be done. */
export function simulate(
  project: Project,
  script: Script,
  options: { inspect?: ExternalInspector; onEdge?: EdgeListener } = {},
): Result {
  const simulation = new WorldSimulation(
    project,
    initialWorld(project, { user: script.user, start: script.start }),
    {},
    options.inspect,
  );
  if (options.onEdge) simulation.onEdge(options.onEdge);
  simulation.start();
  for (const step of script.steps) simulation.run(step);
  // The world is dropped here, so its arrays can be handed out without a copy (speed).
  return simulation.resultUncloned();
}
