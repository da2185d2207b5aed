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
import { closingCrossOf, fallbackOf } from "../semantics.ts";
import { diagnose } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { isAnswerable } from "./steps.ts";

/** Every action list that can fire on `step`, defaults included (no copies). */
function listsOf(step: Step): (readonly Action[])[] {
  const lists: (readonly Action[])[] = [];
  for (const cta of step.ctas) lists.push(cta.actions);
  for (const trigger of step.triggers) lists.push(trigger.actions);
  if (isAnswerable(step.kind)) {
    for (const condition of step.conditions) lists.push(condition.actions);
    lists.push(fallbackOf(step));
  }
  lists.push(closingCrossOf(step));
  return lists;
}

interface Exits {
  /** Indices of the steps the step can go to; -1 stands for "completed". */
  targets: number[];
  launches: boolean;
}

function exitsOf(
  index: number,
  step: Step,
  stepIndex: ReadonlyMap<string, number>,
  count: number,
): Exits {
  const exits: Exits = { targets: [], launches: false };
  for (const list of listsOf(step)) {
    for (const action of list) {
      if (action.type === "launchExperience") exits.launches = true;
      if (action.type !== "goToStep") continue;
      if (action.step === "next") exits.targets.push(index + 1 < count ? index + 1 : -1);
      else if (action.step === "complete") exits.targets.push(-1);
      else if (action.step !== "previous") {
        const target = stepIndex.get(action.step);
        if (target !== undefined) exits.targets.push(target);
      }
    }
  }
  return exits;
}

function hasWayOn(index: number, exits: Exits): boolean {
  return exits.launches || exits.targets.some((t) => t !== index);
}

export function flowDiagnostics(project: Project): Diagnostic[] {
  return project.experiences.flatMap((experience, e) =>
    experienceFlow(experience, `/experiences/${e}`),
  );
}

function experienceFlow(experience: Experience, at: string): Diagnostic[] {
  const steps = experience.steps;
  if (experience.type === "checklist" || steps.length === 0) return [];
  const stepIndex = new Map<string, number>();
  steps.forEach((step, i) => {
    if (!stepIndex.has(step.id)) stepIndex.set(step.id, i);
  });
  const exits = steps.map((step, i) => exitsOf(i, step, stepIndex, steps.length));
  const reached = reachable(exits.map((exit) => exit.targets));
  const out: Diagnostic[] = [];
  steps.forEach((step, i) => {
    const pointer = `${at}/steps/${i}`;
    if (!reached[i]) {
      out.push(
        diagnose(
          "unreachableStep",
          `Step "${step.id}" can never be reached from the first step: add a goToStep to it (or "next" from the step before), or remove it.`,
          pointer,
        ),
      );
    } else if (!hasWayOn(i, exits[i])) {
      out.push(
        diagnose(
          "noWayOn",
          `Step "${step.id}" has no way on: no CTA, trigger or condition goes to another step, completes or launches an experience, so the ${experience.type} can only be dismissed here; add a goToStep (next, complete or a step id).`,
          pointer,
        ),
      );
    }
  });
  return out;
}

/** Breadth-first from step 0, iterative. */
function reachable(targets: readonly number[][]): boolean[] {
  const reached = targets.map(() => false);
  reached[0] = true;
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    for (const t of targets[queue[head]]) {
      if (t >= 0 && !reached[t]) {
        reached[t] = true;
        queue.push(t);
      }
    }
  }
  return reached;
}
