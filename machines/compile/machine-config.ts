// An experience as a plain, JSON-serialisable XState config (SPEC §3.1), Stately-importable:
// steps are states, completed/dismissed/snoozed are final states, and every route the flow
// can take is a targeted transition of its step, named by the edge id the canvas draws
// (routes.ts). The engine takes a route when the action that moves the flow lands (SPEC §3.4
// timing is the engine's: the machine only says where each landing leads):
// - goToStep next / <id> / complete, dismiss, snooze → the step or final state it leads to;
// - goToStep previous → one transition per step it can return to, guarded on the visit
//   history the machine keeps in its context (`cameFrom`);
// - snooze → `snoozed`, or `dismissed` once maxTimes is reached (`snoozesLeft`);
// - a launch out of a tour, survey or banner → `dismissed`, with `meta.launch`.
// A landing of an action fired on another step of the same display (the user moved on before
// it landed) or the SDK's dismissal is a `land` event carrying its target (`landsOn`): it
// cannot happen from a plain interaction, so graph tools that send bare events never take it.
// A checklist has one state, `open`, with a task transition per task that stays (the engine
// marks tasks done and completes it); their meta say what each task opens (task-openings.ts).
// Ids are data: state keys and event parts are model/keys.ts keys, the original ids are
// kept in `description` and `meta`. Actions and guards are named with params, never code.
import { experienceById, stepIndex } from "../format/lookup.ts";
import type { Action, Experience, Project, Step } from "../format/schema.ts";
import { type EndState, endStates } from "../model/experience.ts";
import { keyOf } from "../model/keys.ts";
import { edgeIds, listRoute, type Route, type Way, waysOut } from "./routes.ts";
import { type TaskOpening, taskOpenings } from "./task-openings.ts";

export type { EndState } from "../model/experience.ts";
export { endStates } from "../model/experience.ts";

/** The one non-final state of a compiled checklist (it has no steps). */
export const checklistOpenState = "open";

/** The event a landing that is not its edge's own route sends (see above). */
export const landEvent = "land";

/** The closing cross of a checklist (SPEC §4 `close`). */
export const checklistClose = "close";

export interface Named {
  type: string;
  params?: Record<string, unknown>;
}

/** What a route transition carries for the tools that read the machine (canvas, paths). */
export interface RouteMeta {
  /** The edge id (= the event type). */
  edge: string;
  /** The step it leaves (its id as written in the project). */
  step: string;
  via: Way["via"];
  actions: readonly Action[];
  answer?: Way["answer"];
  /** A launch out of the flow: the launched experience. */
  launch?: string;
  /** goToStep previous: returns along the visit history. */
  back?: true;
  /** Nothing in the list moves the flow (a transition without target). */
  stays?: true;
  /** The fallback taken once a snooze's maxTimes is reached. */
  exhausted?: true;
  /** A checklist task: what each action of its list opens (task-openings.ts). */
  opens?: readonly TaskOpening[];
}

export interface TransitionConfig {
  target?: string;
  guard?: Named;
  actions?: Named[];
  reenter?: boolean;
  description?: string;
  meta?: RouteMeta;
}

export interface StateConfig {
  type?: "final";
  entry?: Named[];
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
  description?: string;
  meta?: Record<string, unknown>;
}

export interface MachineConfig {
  id: string;
  description?: string;
  initial: string;
  context: { history: null; snoozeCount: number };
  states: Record<string, StateConfig>;
  on: Record<string, TransitionConfig | TransitionConfig[]>;
}

export function findExperience(project: Project, experienceId: string): Experience {
  const found = experienceById(project, experienceId);
  if (!found) {
    const known = project.experiences.map((e) => e.id).join(", ") || "none";
    throw new Error(`No experience "${experienceId}" in the project (experiences: ${known}).`);
  }
  return found;
}

export function machineConfig(project: Project, experienceId: string): MachineConfig {
  const experience = findExperience(project, experienceId);
  return experience.type === "checklist"
    ? checklistConfig(project, experience)
    : flowConfig(project, experience);
}

/** The state key of a step id (ids are data: model/keys.ts). */
export const stepKey = keyOf;

function finals(ends: readonly EndState[] = endStates): Record<string, StateConfig> {
  return Object.fromEntries(ends.map((name) => [name, { type: "final" } as StateConfig]));
}

interface RoutedWay {
  way: Way;
  from: Step;
  route: Route;
}

/** Steps a `previous` can return to from each step: its forward predecessors, in step order. */
function backTargets(experience: Experience, routed: readonly RoutedWay[]): Map<string, string[]> {
  const preds = new Map<string, Set<string>>();
  for (const { from, route } of routed) {
    if (route.kind !== "step") continue;
    const set = preds.get(route.step) ?? new Set<string>();
    preds.set(route.step, set);
    set.add(from.id);
  }
  const sorted = new Map<string, string[]>();
  for (const [step, set] of preds) {
    sorted.set(
      step,
      [...set].sort((a, b) => stepIndex(experience, a) - stepIndex(experience, b)),
    );
  }
  return sorted;
}

function transitionsOf(
  { way, from, route }: RoutedWay,
  back: Map<string, string[]>,
): TransitionConfig | TransitionConfig[] {
  const meta: RouteMeta = { edge: way.id, step: from.id, via: way.via, actions: way.actions };
  if (way.answer !== undefined) meta.answer = way.answer;
  const description = way.via.label;
  switch (route.kind) {
    case "step": {
      const self = route.step === from.id;
      return { target: keyOf(route.step), ...(self ? { reenter: true } : {}), description, meta };
    }
    case "end":
      if (route.snooze) {
        const maxTimes = route.snooze.maxTimes;
        return [
          {
            target: "snoozed",
            guard: { type: "snoozesLeft", params: { maxTimes } },
            description,
            meta,
          },
          {
            target: "dismissed",
            description: `${description} (snoozed ${maxTimes}×)`,
            meta: { ...meta, exhausted: true },
          },
        ];
      }
      return { target: route.end, description, meta };
    case "launched":
      return { target: "dismissed", description, meta: { ...meta, launch: route.experience } };
    case "back": {
      const targets = back.get(from.id) ?? [];
      // Nothing leads here by a forward route, so nothing is below it: previous stays.
      if (targets.length === 0) return { description, meta: { ...meta, stays: true } };
      // Back to the step itself (it had re-entered itself): a new entry, as any other return.
      return targets.map((step) => ({
        target: keyOf(step),
        ...(step === from.id ? { reenter: true } : {}),
        guard: { type: "cameFrom", params: { step } },
        actions: [{ type: "back" }],
        description,
        meta: { ...meta, back: true as const },
      }));
    }
    default:
      return { description, meta: { ...meta, stays: true } };
  }
}

/** Root transitions of `land` events, one per state a landing can lead to. */
function landTransitions(experience: Experience, ends: readonly EndState[]): TransitionConfig[] {
  const out: TransitionConfig[] = [];
  for (const step of experience.steps) {
    const key = keyOf(step.id);
    out.push({
      target: `.${key}`,
      guard: { type: "landsOn", params: { to: key } },
      description: "late landing",
    });
    out.push({
      target: `.${key}`,
      guard: { type: "landsOn", params: { to: key, back: true } },
      actions: [{ type: "back" }],
      description: "late landing (previous)",
    });
  }
  for (const end of ends) {
    out.push({
      target: `.${end}`,
      guard: { type: "landsOn", params: { to: end } },
      description: "late landing",
    });
  }
  return out;
}

function flowConfig(project: Project, experience: Experience): MachineConfig {
  const routed: RoutedWay[] = [];
  experience.steps.forEach((step, index) => {
    for (const way of waysOut(step)) {
      routed.push({ way, from: step, route: listRoute(project, experience, index, way.actions) });
    }
  });
  const back = backTargets(experience, routed);
  const states: Record<string, StateConfig> = {};
  let at = 0;
  for (const step of experience.steps) {
    const key = keyOf(step.id);
    // A repeated step id (a validation error) keeps its first state.
    if (Object.hasOwn(states, key)) {
      while (at < routed.length && routed[at].from === step) at++;
      continue;
    }
    const on: Record<string, TransitionConfig | TransitionConfig[]> = {};
    for (; at < routed.length && routed[at].from === step; at++) {
      const way = routed[at];
      if (!Object.hasOwn(on, way.way.id)) on[way.way.id] = transitionsOf(way, back);
    }
    states[key] = {
      description: step.name ?? step.id,
      meta: { step: step.id, kind: step.kind, index: stepIndex(experience, step.id) },
      entry: [{ type: "entered", params: { step: step.id } }],
      on,
    };
  }
  Object.assign(states, finals());
  return {
    id: keyOf(experience.id),
    description: experience.name ?? experience.id,
    // Decided here (semantics.ts): a flow without steps completes as soon as it is shown.
    initial: experience.steps[0] ? keyOf(experience.steps[0].id) : "completed",
    context: { history: null, snoozeCount: 0 },
    states,
    on: { [landEvent]: landTransitions(experience, endStates) },
  };
}

/** What the open state of a compiled checklist says of the checklist (for its drawing). */
export interface ChecklistMeta {
  checklist: { order: Experience["checklist"]["order"] };
}

function checklistConfig(project: Project, experience: Experience): MachineConfig {
  const on: Record<string, TransitionConfig> = {};
  for (const task of experience.tasks) {
    const edge = edgeIds.task(task.id);
    // A repeated task id (a validation error) keeps its first transition.
    if (Object.hasOwn(on, edge)) continue;
    // The engine marks a task done and completes the checklist itself (a `land` event): the
    // task transitions name the ways out, and what each opens, for the tools that draw them.
    on[edge] = {
      description: task.label,
      meta: {
        edge,
        step: task.id,
        via: { kind: "cta", id: task.id, label: task.label },
        actions: task.actions,
        stays: true,
        opens: taskOpenings(project, task.actions),
      },
    };
  }
  on[checklistClose] = { target: "dismissed", description: "×" };
  const ends: EndState[] = ["completed", "dismissed"];
  return {
    id: keyOf(experience.id),
    description: experience.name ?? experience.id,
    initial: checklistOpenState,
    context: { history: null, snoozeCount: 0 },
    states: {
      [checklistOpenState]: {
        on,
        meta: { checklist: { order: experience.checklist.order } } satisfies ChecklistMeta,
      },
      ...finals(ends),
    },
    on: {
      [landEvent]: ends.map((end) => ({
        target: `.${end}`,
        guard: { type: "landsOn", params: { to: end } },
        description: "late landing",
      })),
    },
  };
}
