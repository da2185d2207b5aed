// Stage f, per experience: steps that can never be reached, and steps with no way on.
// Both read the step graph that goToStep actions draw, with the defaults (closing cross,
// fallback) applied as the engine applies them.
//
// Decided here:
// - Reachable: from the first step, following goToStep next / a step id in any CTA, trigger,
//   condition, fallback (answerable survey steps only) or closing cross. `previous` only
//   returns to a step already visited, so it adds no reachability.
// - A way on: a goToStep to next, complete or another step's id, or a launchExperience (the
//   flow carries on in the launched experience). Dismiss, snooze, previous and the closing
//   cross's default dismiss end or rewind the flow, they do not carry it on. A step without
//   any way on gets `noWayOn` (the experience can never complete from it), unless it is
//   already reported unreachable.
import type { Action, Experience, Project, Step } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { closingCrossOf, fallbackOf } from "../semantics.ts";
import { diagnose } from "./codes.ts";
import { isAnswerable } from "./steps.ts";

/**
 * The step graph of one experience in flat arrays, reused for every experience (a project
 * has thousands of steps: no array or object per step, none per experience). The targets
 * of step i are targets[starts[i]] .. targets[starts[i + 1] - 1], where -1 stands for
 * "completed"; launches[i] says step i launches an experience.
 */
class Graph {
  readonly stepIndex = new Map<string, number>();
  readonly targets: number[] = [];
  targetCount = 0;
  readonly starts: number[] = [];
  readonly launches: boolean[] = [];
  reached = new Uint8Array(0);
  readonly queue: number[] = [];
  /** Steps of the experience being checked. */
  count = 0;

  reset(steps: readonly Step[]): void {
    this.count = steps.length;
    this.targetCount = 0;
    this.stepIndex.clear();
    for (let i = 0; i < steps.length; i++) {
      if (!this.stepIndex.has(steps[i].id)) this.stepIndex.set(steps[i].id, i);
    }
    if (this.reached.length < steps.length) this.reached = new Uint8Array(steps.length * 2);
    this.reached.fill(0, 0, steps.length);
  }

  addTarget(target: number): void {
    this.targets[this.targetCount++] = target;
  }
}

/** Every action list that can fire on step `index`, defaults included, into the graph. */
function addExits(graph: Graph, index: number, step: Step): void {
  graph.starts[index] = graph.targetCount;
  let launches = false;
  for (const cta of step.ctas) launches = addList(graph, cta.actions, index) || launches;
  for (const trigger of step.triggers)
    launches = addList(graph, trigger.actions, index) || launches;
  if (isAnswerable(step.kind)) {
    for (const condition of step.conditions) {
      launches = addList(graph, condition.actions, index) || launches;
    }
    launches = addList(graph, fallbackOf(step), index) || launches;
  }
  launches = addList(graph, closingCrossOf(step), index) || launches;
  graph.launches[index] = launches;
}

/** The goToStep targets of one list into the graph; true when it launches an experience. */
function addList(graph: Graph, list: readonly Action[], index: number): boolean {
  let launches = false;
  for (const action of list) {
    if (action.type === "launchExperience") launches = true;
    if (action.type !== "goToStep") continue;
    if (action.step === "next") graph.addTarget(index + 1 < graph.count ? index + 1 : -1);
    else if (action.step === "complete") graph.addTarget(-1);
    else if (action.step !== "previous") {
      const target = graph.stepIndex.get(action.step);
      if (target !== undefined) graph.addTarget(target);
    }
  }
  return launches;
}

function hasWayOn(index: number, graph: Graph): boolean {
  if (graph.launches[index]) return true;
  for (let t = graph.starts[index]; t < graph.starts[index + 1]; t++) {
    if (graph.targets[t] !== index) return true;
  }
  return false;
}

export function flowDiagnostics(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const graph = new Graph();
  const experiences = project.experiences;
  for (let e = 0; e < experiences.length; e++) experienceFlow(experiences[e], e, graph, out);
  return out;
}

function experienceFlow(experience: Experience, e: number, graph: Graph, out: Diagnostic[]): void {
  const steps = experience.steps;
  if (experience.type === "checklist" || steps.length === 0) return;
  graph.reset(steps);
  for (let i = 0; i < steps.length; i++) addExits(graph, i, steps[i]);
  graph.starts[steps.length] = graph.targetCount;
  markReachable(graph);
  for (let i = 0; i < steps.length; i++) {
    if (!graph.reached[i]) out.push(unreachable(steps[i], `/experiences/${e}/steps/${i}`));
    else if (!hasWayOn(i, graph)) {
      out.push(noWayOn(steps[i], experience, `/experiences/${e}/steps/${i}`));
    }
  }
}

function unreachable(step: Step, pointer: string): Diagnostic {
  return diagnose(
    "unreachableStep",
    `Step "${step.id}" can never be reached from the first step: add a goToStep to it (or "next" from the step before), or remove it.`,
    pointer,
  );
}

function noWayOn(step: Step, experience: Experience, pointer: string): Diagnostic {
  return diagnose(
    "noWayOn",
    `Step "${step.id}" has no way on: no CTA, trigger or condition goes to another step, completes or launches an experience, so the ${experience.type} can only be dismissed here; add a goToStep (next, complete or a step id).`,
    pointer,
  );
}

/** Breadth-first from step 0, iterative, into graph.reached. */
function markReachable(graph: Graph): void {
  const { reached, queue, starts, targets } = graph;
  reached[0] = 1;
  queue[0] = 0;
  let length = 1;
  for (let head = 0; head < length; head++) {
    const node = queue[head];
    for (let t = starts[node]; t < starts[node + 1]; t++) {
      const target = targets[t];
      if (target >= 0 && !reached[target]) {
        reached[target] = 1;
        queue[length++] = target;
      }
    }
  }
}
