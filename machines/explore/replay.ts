// Replays an explorer script with the engine and reads which edges of the compiled machines
// it took, as the engine reports them (onEdge): coverage is checked by replaying, not trusted.
import { simulate } from "../engine/simulate.ts";
import type { Project } from "../format/schema.ts";
import type { Result, ScriptStep } from "../format/script.ts";
import type { ScriptSetup } from "./script-setup.ts";

export interface Replayed {
  result: Result;
  /** Edge ids taken, per experience, in order. */
  taken: Record<string, string[]>;
}

/** Runs the script (throws ScriptStepError like `simulate`) and collects the edges taken. */
export function replayScript(project: Project, setup: ScriptSetup, steps: ScriptStep[]): Replayed {
  const taken = new Map<string, string[]>();
  const result = simulate(
    project,
    { user: setup.user, start: setup.start, steps },
    {
      onEdge: ({ experience, edge }) => {
        const list = taken.get(experience) ?? [];
        list.push(edge);
        taken.set(experience, list);
      },
    },
  );
  return { result, taken: Object.fromEntries(taken) };
}
