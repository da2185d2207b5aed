// The static graph of one experience (issue 5): every step, the ends, one node per
// experience launched out, and one edge per way out of a step (each CTA, progress trigger,
// survey answer class and the closing cross), with its target resolved statically. The
// compiled runtime machine cannot serve here: its interactions fire action lists and the flow
// moves only when those land, so this view is what canvases, path counting and coverage use.
import { ctaList } from "../compile/fired-list.ts";
import { findExperience, isAnswerable } from "../compile/machine-config.ts";
import type { AnswerValue } from "../engine/survey.ts";
import type { Action, Experience, Project, Step } from "../format/schema.ts";
import { closingCrossOf, fallbackOf } from "../semantics.ts";
import { answerClasses } from "./answer-classes.ts";
import { type EndId, type ListTarget, listTarget } from "./list-target.ts";

export type { EndId } from "./list-target.ts";
export const endIds: readonly EndId[] = ["completed", "dismissed", "snoozed"];

export type FlowNode =
  | { id: string; kind: "step"; step: Step; index: number }
  | { id: EndId; kind: "end" }
  | { id: string; kind: "launched"; experience: string };

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

export interface FlowEdge {
  /** Stable: "<step>/cta/<id>", "<step>/trigger/<id>", "<step>/condition/<id>",
   *  "<step>/fallback", "<step>/cross". */
  id: string;
  from: string;
  to: string;
  via: EdgeVia;
  /** The list the interaction fires (defaults and the implied bookInterview included). */
  actions: readonly Action[];
  /** Survey classes: a representative allowed answer (so a path becomes a script). */
  answer?: AnswerValue;
  /** goToStep previous decides: `to` is a guess, `backTargets` every step it may return to. */
  back?: true;
  backTargets?: string[];
  /** Nothing in the list moves the flow: a self-loop. */
  stays?: true;
}

export interface FlowGraph {
  experience: string;
  /** The node a display starts on: the first step ("completed" for a flow without steps). */
  initial: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function launchedNodeId(experience: string): string {
  return `launched:${experience}`;
}

export function isEndNode(graph: FlowGraph, id: string): boolean {
  return !graph.nodes.some((n) => n.id === id && n.kind === "step");
}

/** An interaction before its target is resolved. */
interface Way {
  id: string;
  via: EdgeVia;
  actions: readonly Action[];
  answer?: AnswerValue;
}

/** Every way out of a step, in a stable order: CTAs, triggers, answer classes, cross. */
export function waysOut(step: Step): Way[] {
  const ways: Way[] = step.ctas.map((cta) => ({
    id: `${step.id}/cta/${cta.id}`,
    via: { kind: "cta", id: cta.id, label: cta.label },
    actions: ctaList(step, cta),
  }));
  for (const trigger of step.triggers) {
    const label = "click" in trigger.on ? `click ${trigger.on.click}` : `url ${trigger.on.url}`;
    ways.push({
      id: `${step.id}/trigger/${trigger.id}`,
      via: { kind: "trigger", id: trigger.id, label, on: trigger.on },
      actions: trigger.actions,
    });
  }
  if (isAnswerable(step)) {
    for (const cls of answerClasses(step)) {
      const condition = cls.condition;
      ways.push({
        id: condition ? `${step.id}/condition/${condition.id}` : `${step.id}/fallback`,
        via: condition
          ? { kind: "condition", id: condition.id, label: cls.label }
          : { kind: "fallback", label: cls.label },
        actions: condition ? condition.actions : fallbackOf(step),
        answer: cls.answer,
      });
    }
  }
  ways.push({
    id: `${step.id}/cross`,
    via: { kind: "cross", label: "×" },
    actions: closingCrossOf(step),
  });
  return ways;
}

function targetNode(target: ListTarget, from: string): string {
  switch (target.kind) {
    case "step":
      return target.step;
    case "end":
      return target.end;
    case "launched":
      return launchedNodeId(target.experience);
    default:
      return from;
  }
}

/** Forward predecessors of each step (where a `previous` can return to), in step order. */
function forwardPredecessors(
  experience: Experience,
  edges: readonly FlowEdge[],
): Map<string, string[]> {
  const preds = new Map<string, string[]>(experience.steps.map((s) => [s.id, []]));
  for (const edge of edges) {
    if (edge.back || edge.stays) continue;
    const list = preds.get(edge.to);
    if (list && !list.includes(edge.from)) list.push(edge.from);
  }
  const order = new Map(experience.steps.map((s, i) => [s.id, i]));
  for (const list of preds.values()) list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return preds;
}

/** Gives `previous` edges their targets once the forward edges are known. */
function resolveBackEdges(experience: Experience, edges: FlowEdge[]): void {
  const preds = forwardPredecessors(experience, edges);
  const before = new Map(experience.steps.map((s, i) => [s.id, experience.steps[i - 1]?.id]));
  for (const edge of edges) {
    if (!edge.back) continue;
    const targets = preds.get(edge.from) ?? [];
    edge.backTargets = targets;
    if (targets.length === 0) {
      // Nothing leads here, so the stack below it is empty: previous does nothing.
      delete edge.back;
      edge.stays = true;
      edge.to = edge.from;
      continue;
    }
    const previous = before.get(edge.from);
    edge.to = previous !== undefined && targets.includes(previous) ? previous : targets[0];
  }
}

export function flowGraph(project: Project, experienceId: string): FlowGraph {
  const experience = findExperience(project, experienceId);
  const nodes: FlowNode[] = experience.steps.map((step, index) => ({
    id: step.id,
    kind: "step",
    step,
    index,
  }));
  for (const end of endIds) nodes.push({ id: end, kind: "end" });
  const edges: FlowEdge[] = [];
  const launched = new Set<string>();
  experience.steps.forEach((step, index) => {
    for (const way of waysOut(step)) {
      const target = listTarget(experience, index, way.actions, project.settings);
      if (target.kind === "launched") launched.add(target.experience);
      const edge: FlowEdge = { ...way, from: step.id, to: targetNode(target, step.id) };
      if (target.kind === "back") edge.back = true;
      if (target.kind === "stays") edge.stays = true;
      edges.push(edge);
    }
  });
  for (const id of launched)
    nodes.push({ id: launchedNodeId(id), kind: "launched", experience: id });
  resolveBackEdges(experience, edges);
  return {
    experience: experience.id,
    initial: experience.steps[0]?.id ?? "completed",
    nodes,
    edges,
  };
}
