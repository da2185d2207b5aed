// The ways out of a step and where each one leads (SPEC §3.2–3.4), decided statically by the
// action modules' own firing and landing functions (actions/*.ts): the routes the compiled
// machine draws as targeted transitions. A way's id is the event the machine takes and the
// edge id the canvas draws: `<step>/cta/<id>`, `<step>/trigger/<id>`,
// `<step>/condition/<id>`, `<step>/fallback`, `<step>/cross` (ids as keys, model/keys.ts).
import type { FlowMove, LandingWorld, PendingLanding } from "../actions/landing.ts";
import { actionRegistry } from "../actions/registry.ts";
import { stepIndex } from "../format/lookup.ts";
import type { Action, ActionType, Experience, Project, Settings, Step } from "../format/schema.ts";
import type { EndState } from "../model/experience.ts";
import { isAnswerable } from "../model/experience.ts";
import { keyOf } from "../model/keys.ts";
import { executionOrder, nominalOrder } from "../rules/execution-order.ts";
import { latencyOf } from "../rules/latency.ts";
import { closingCrossOf, fallbackOf } from "../semantics.ts";
import { answerClasses } from "./answer-classes.ts";
import { ctaList } from "./fired-list.ts";
import type { AnswerValue } from "./survey.ts";

export type ViaKind = "cta" | "trigger" | "condition" | "fallback" | "cross";

export interface EdgeVia {
  kind: ViaKind;
  /** CTA, trigger or condition id (absent for the fallback and the cross). */
  id?: string;
  /** The CTA label, "9–10", "click #save", "url /settings/*", "×"… */
  label: string;
  /** Progress triggers: what sets them off. */
  on?: { click: string } | { url: string };
}

/** An interaction of a step: the event the machine takes, the list it fires. */
export interface Way {
  /** The edge id, which is also the machine's event type. */
  id: string;
  via: EdgeVia;
  /** The list the interaction fires (defaults and the implied bookInterview included). */
  actions: readonly Action[];
  /** Survey answer classes: a representative allowed answer (a path becomes a script). */
  answer?: AnswerValue;
}

/** Where a list fired on a step leads, statically (no user, no history). */
export type Route =
  | { kind: "step"; step: string }
  | { kind: "end"; end: EndState; snooze?: Action & { type: "snooze" } }
  | { kind: "launched"; experience: string }
  /** goToStep previous decides: the target depends on the visit history. */
  | { kind: "back" }
  /** Nothing in the list moves the flow. */
  | { kind: "stays" };

export const edgeIds = {
  cta: (step: string, id: string) => `${keyOf(step)}/cta/${keyOf(id)}`,
  trigger: (step: string, id: string) => `${keyOf(step)}/trigger/${keyOf(id)}`,
  condition: (step: string, id: string) => `${keyOf(step)}/condition/${keyOf(id)}`,
  fallback: (step: string) => `${keyOf(step)}/fallback`,
  cross: (step: string) => `${keyOf(step)}/cross`,
  task: (task: string) => `task/${keyOf(task)}`,
} as const;

/** Every way out of a step, in a stable order: CTAs, triggers, answer classes, cross. */
export function waysOut(step: Step): Way[] {
  const ways: Way[] = step.ctas.map((cta) => ({
    id: edgeIds.cta(step.id, cta.id),
    via: { kind: "cta", id: cta.id, label: cta.label },
    actions: ctaList(step, cta),
  }));
  for (const trigger of step.triggers) {
    const label = "click" in trigger.on ? `click ${trigger.on.click}` : `url ${trigger.on.url}`;
    ways.push({
      id: edgeIds.trigger(step.id, trigger.id),
      via: { kind: "trigger", id: trigger.id, label, on: trigger.on },
      actions: trigger.actions,
    });
  }
  if (isAnswerable(step)) {
    // One way per answer class (SPEC §4): a condition no allowed answer reaches has none.
    for (const cls of answerClasses(step)) {
      const condition = cls.condition;
      ways.push({
        id: condition ? edgeIds.condition(step.id, condition.id) : edgeIds.fallback(step.id),
        via: condition
          ? { kind: "condition", id: condition.id, label: cls.label }
          : { kind: "fallback", label: cls.label },
        actions: condition ? condition.actions : fallbackOf(step),
        answer: cls.answer,
      });
    }
  }
  ways.push({
    id: edgeIds.cross(step.id),
    via: { kind: "cross", label: "×" },
    actions: closingCrossOf(step),
  });
  return ways;
}

const rank = new Map(executionOrder.map((type, index) => [type, index]));

/** Landing order of a list (SPEC §3.3–3.4): latency, then nominal order, then list order. */
export function landingOrder(
  list: readonly Action[],
  settings: Pick<Settings, "latencyMs">,
): Action[] {
  return list
    .map((action, index) => ({ action, index, due: latencyOf(action, settings) }))
    .sort(
      (a, b) =>
        a.due - b.due ||
        (rank.get(a.action.type) ?? 0) - (rank.get(b.action.type) ?? 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.action);
}

/** A landing of `action` with no clock and no user yet: what the static tools run. */
export function staticLanding(
  action: Action,
  context: PendingLanding["source"]["context"] = "cta",
): PendingLanding {
  return {
    seq: 0,
    firedAt: 0,
    due: 0,
    order: 0,
    action,
    source: { context },
    pageChangesAtFire: 0,
  };
}

export function effectOf(action: Action) {
  return actionRegistry[action.type as ActionType].effect;
}

/**
 * Where `list`, fired on the step at index `from`, leads: the action modules' own fire and
 * land functions, run on a world with no user yet. A launch that dismisses its flow as it
 * fires ends it as `launched`; then the flow movers land in order and the first that ends
 * the flow decides (a goToStep before it only passes through).
 */
export function listRoute(
  project: Project,
  experience: Experience,
  from: number,
  list: readonly Action[],
): Route {
  const world = (index: number): LandingWorld => ({
    project,
    attributes: {},
    flow: { experience, stepIndex: index, snoozeCount: 0 },
  });
  for (const index of nominalOrder(list.map((a) => a.type))) {
    const action = list[index];
    const fired =
      effectOf(action).fire?.(action as never, staticLanding(action), world(from)) ?? [];
    if (action.type === "launchExperience" && fired.some((c) => c.type === "move")) {
      return { kind: "launched", experience: action.experience };
    }
  }
  let route: Route = { kind: "stays" };
  let at = from;
  for (const action of landingOrder(list, project.settings)) {
    const effect = effectOf(action);
    if (!effect.movesFlow) continue;
    for (const change of effect.land(action as never, staticLanding(action), world(at))) {
      if (change.type !== "move") continue;
      const move: FlowMove = change.move;
      if (move.to === "end") {
        return action.type === "snooze" && move.end === "snoozed"
          ? { kind: "end", end: move.end, snooze: action }
          : { kind: "end", end: move.end };
      }
      if (move.to === "back") {
        route = { kind: "back" };
        continue;
      }
      route = { kind: "step", step: move.step };
      at = stepIndex(experience, move.step);
    }
  }
  return route;
}
