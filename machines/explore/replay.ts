// Replays an explorer script with the engine and reads which flow-graph edges it took, off
// XState's inspection stream: every interaction of a compiled experience fires a `fire`
// action whose params name the step, the context and the CTA/trigger/condition (issue 5:
// coverage is checked by replaying, not trusted).
import type { InspectionEvent } from "xstate";
import type { FireParams } from "../compile/machine-config.ts";
import { simulate } from "../engine/simulate.ts";
import type { Project } from "../format/schema.ts";
import type { Result, ScriptStep } from "../format/script.ts";
import type { ScriptSetup } from "./script-setup.ts";

export interface Replayed {
  result: Result;
  /** Edge ids (flow-graph ids) taken, per experience, in order. */
  taken: Record<string, string[]>;
}

/** The flow-graph edge id of one `fire` (its FireParams). */
export function edgeIdOf(params: FireParams): string | undefined {
  if (!params.step) return undefined;
  switch (params.context) {
    case "cta":
    case "trigger":
      return `${params.step}/${params.context}/${params.id}`;
    case "condition":
      return params.fallback ? `${params.step}/fallback` : `${params.step}/condition/${params.id}`;
    case "cross":
      return `${params.step}/cross`;
    default:
      return undefined;
  }
}

function fireOf(event: InspectionEvent): { experience: string; params: FireParams } | undefined {
  if (event.type !== "@xstate.action") return undefined;
  const action = event.action as { type: string; params?: unknown };
  if (action.type !== "fire") return undefined;
  const experience = (event.actorRef as unknown as { logic?: { id?: string } }).logic?.id;
  return experience ? { experience, params: action.params as FireParams } : undefined;
}

/** Runs the script (throws ScriptStepError like `simulate`) and collects the edges taken. */
export function replayScript(project: Project, setup: ScriptSetup, steps: ScriptStep[]): Replayed {
  const taken: Record<string, string[]> = {};
  const inspect = (event: InspectionEvent) => {
    const fire = fireOf(event);
    const id = fire && edgeIdOf(fire.params);
    if (!fire || !id) return;
    taken[fire.experience] ??= [];
    taken[fire.experience].push(id);
  };
  const result = simulate(project, { user: setup.user, start: setup.start, steps }, { inspect });
  return { result, taken };
}
