// "Clicking a step previews the flow from there" (issue 4). Decided here: start a fresh
// session with the current persona, show the experience (it is on screen after the start, or
// the script's `launch`), then take the shortest route of CTA clicks / answers / closes /
// host-page clicks to the step, so the session stays a real, recordable script. When no such
// route exists (a draft, an audience that excludes the persona, a step only reachable by
// `previous`), the step is forced: the experience actor is restored directly in that state,
// and the notice says that this session cannot be replayed as a script.
import { restoreSimulation, type SimulationSnapshot } from "../../machines/engine/index.ts";
import type { Experience } from "../../machines/format/index.ts";
import { type FlowEdge, flowGraph, stepNodeId } from "../../machines/graph/index.ts";
import { momentOf, replaySteps, restoreMoment, runStep } from "./runner.ts";
import type { EdgeCollector } from "./taken-edges.ts";
import type { Moment, Project, ScriptStep, SessionSetup, Simulation } from "./types.ts";

export interface PreviewOutcome {
  simulation: Simulation;
  moments: Moment[];
  /** true when the step was reached by a real script; false when it was forced. */
  scripted: boolean;
  message: string;
}

/** The script step that takes a flow-graph edge, if one can. */
export function scriptStepFor(edge: FlowEdge, experience: string): ScriptStep | undefined {
  switch (edge.via.kind) {
    case "cta":
      return edge.via.id ? { do: "click", cta: edge.via.id, experience } : undefined;
    case "condition":
    case "fallback":
      return edge.answer === undefined
        ? undefined
        : { do: "answer", value: edge.answer, experience };
    case "cross":
      return { do: "close", experience };
    case "trigger": {
      const on = edge.via.on;
      if (!on) return undefined;
      // A glob's `*` matches any run, the empty one included.
      return "click" in on
        ? { do: "clickElement", selector: on.click }
        : { do: "navigate", url: on.url.replaceAll("*", "") };
    }
  }
}

/** Shortest list of forward edges from `from` to `to` (breadth first), or undefined. */
export function routeBetween(
  edges: readonly FlowEdge[],
  from: string,
  to: string,
): FlowEdge[] | undefined {
  if (from === to) return [];
  const cameBy = new Map<string, FlowEdge>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const edge of edges) {
      if (edge.from !== node || edge.back || edge.stays || seen.has(edge.to)) continue;
      seen.add(edge.to);
      cameBy.set(edge.to, edge);
      if (edge.to === to) return unwind(cameBy, from, to);
      queue.push(edge.to);
    }
  }
  return undefined;
}

function unwind(cameBy: Map<string, FlowEdge>, from: string, to: string): FlowEdge[] {
  const route: FlowEdge[] = [];
  for (let node = to; node !== from; ) {
    const edge = cameBy.get(node) as FlowEdge;
    route.unshift(edge);
    node = edge.from;
  }
  return route;
}

function stepOnScreen(simulation: Simulation, experienceId: string): string | null {
  const state = simulation.world().experiences[experienceId];
  return state?.status === "active" && state.step !== null ? stepNodeId(state.step) : null;
}

/** Tries the real route; returns the moments when it lands on the step. */
function scriptedRoute(
  project: Project,
  setup: SessionSetup,
  experience: Experience,
  stepId: string,
  collector: EdgeCollector,
): { simulation: Simulation; moments: Moment[] } | { failed: string } {
  const replay = replaySteps(project, setup, [], collector);
  const { simulation, moments } = replay;
  const run = (step: ScriptStep): string | undefined => {
    const outcome = runStep(simulation, step);
    if (!outcome.ok) return outcome.message;
    moments.push(momentOf(simulation, step, collector));
    return undefined;
  };
  if (stepOnScreen(simulation, experience.id) === null) {
    const refused = run({ do: "launch", experience: experience.id });
    if (refused) return { failed: refused };
  }
  const current = stepOnScreen(simulation, experience.id);
  if (current === null) return { failed: `"${experience.id}" did not show for this persona` };
  const route = routeBetween(flowGraph(project, experience.id).edges, current, stepNodeId(stepId));
  if (!route) return { failed: `no way from "${current}" to "${stepId}" by clicks or answers` };
  for (const edge of route) {
    const step = scriptStepFor(edge, experience.id);
    if (!step) return { failed: `"${edge.via.label}" cannot be taken by a script step` };
    const refused = run(step);
    if (refused) return { failed: refused };
    if (stepOnScreen(simulation, experience.id) !== edge.to) {
      return { failed: `"${edge.via.label}" did not lead to "${edge.to}"` };
    }
  }
  return { simulation, moments };
}

/** A snapshot with the experience on screen at `stepId`, whatever its rules say. */
export function forcedSnapshot(
  project: Project,
  base: SimulationSnapshot,
  experienceId: string,
  stepId: string,
): SimulationSnapshot {
  const simulation = restoreSimulation(project, base);
  simulation.forceStep(experienceId, stepId);
  return simulation.snapshot();
}

export function previewFromStep(
  project: Project,
  setup: SessionSetup,
  experienceId: string,
  stepId: string,
  collector: EdgeCollector,
): PreviewOutcome {
  const experience = project.experiences.find((e) => e.id === experienceId);
  if (!experience?.steps.some((s) => s.id === stepId)) {
    throw new Error(`No step "${stepId}" in experience "${experienceId}".`);
  }
  const routed = scriptedRoute(project, setup, experience, stepId, collector);
  if (!("failed" in routed)) {
    return { ...routed, scripted: true, message: `Previewing "${stepId}" of "${experienceId}".` };
  }
  const start = replaySteps(project, setup, [], collector).moments[0];
  const forced = forcedSnapshot(project, start.snapshot, experienceId, stepId);
  const moment: Moment = {
    step: null,
    snapshot: forced,
    traceLength: forced.world.trace.length,
    taken: [],
  };
  return {
    simulation: restoreMoment(project, moment, collector),
    moments: [moment],
    scripted: false,
    message: `Forced onto "${stepId}" (${routed.failed}); this session is not a replayable script.`,
  };
}
