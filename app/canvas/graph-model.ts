// The canvas's view of a flow graph (machines/graph): node boxes with their sizes for the
// layout, edges with labels saying what takes them, and the run's marks (current node,
// visited nodes and edges, the last edge taken). Pure: the components only draw it.
import type { Project, Step } from "../../machines/format/index.ts";
import type { FlowEdge, FlowGraph, ViaKind } from "../../machines/graph/index.ts";
import type { LayoutEdge, LayoutNode } from "./layout-types.ts";

export type StepNodeData = {
  kind: "step";
  stepId: string;
  stepKind: Step["kind"];
  name: string;
  title?: string;
  target?: string;
  /** CTA labels, in order. */
  ctas: string[];
  /** What the survey step asks ("0–10", "5 options", "open text"). */
  question?: string;
  /** Ways out that move nothing (self-loops), by label. */
  loops: string[];
  first: boolean;
};

export type EndNodeData = {
  kind: "end";
  end: string;
};

export type LaunchedNodeData = {
  kind: "launched";
  experience: string;
  name: string;
};

export type NodeData = StepNodeData | EndNodeData | LaunchedNodeData;

interface ModelNode {
  id: string;
  data: NodeData;
  width: number;
  height: number;
}

export interface ModelEdge {
  id: string;
  source: string;
  target: string;
  /** Shown on the canvas (shortened). */
  label: string;
  /** The whole label (accessible name, tooltip). */
  fullLabel: string;
  via: ViaKind;
  back: boolean;
}

export interface CanvasModel {
  experience: string;
  initial: string;
  nodes: ModelNode[];
  edges: ModelEdge[];
  /** Closing-cross edges left out (big flows: one per step, all to "dismissed"). */
  hiddenCrossEdges: number;
}

/** Above this many steps the closing-cross edges are left out: every one of them spans the
 *  whole flow to the one "dismissed" node, which makes a big canvas unreadable and slow. */
export const crossEdgeStepLimit = 60;

const stepWidth = 240;
const maxCtaRows = 4;

function stepHeight(data: StepNodeData): number {
  const ctaRows = Math.min(data.ctas.length, maxCtaRows) + (data.ctas.length > maxCtaRows ? 1 : 0);
  return (
    52 +
    (data.title ? 20 : 0) +
    (data.question ? 20 : 0) +
    (data.target ? 20 : 0) +
    (ctaRows > 0 ? 8 + ctaRows * 24 : 0) +
    (data.loops.length > 0 ? 22 : 0)
  );
}

function questionSummary(step: Step): string | undefined {
  const question = step.question;
  if (step.kind === "nps") return "Score 0–10";
  if (!question) return step.kind === "text" ? "Open text" : undefined;
  if ("min" in question) return `Scale ${question.min}–${question.max}`;
  if ("options" in question) {
    const n = question.options.length;
    return `${step.kind === "multiChoice" ? "Pick any of" : "Pick one of"} ${n} option${n === 1 ? "" : "s"}`;
  }
  return step.kind === "text" ? "Open text" : undefined;
}

/** Labels longer than this are cut (the full text stays in the edge's accessible name). */
export const labelLimit = 26;

export function shorten(text: string, limit = labelLimit): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

/** What takes an edge, in words a product manager reads. */
export function edgeLabel(edge: FlowEdge): string {
  const via = edge.via;
  switch (via.kind) {
    case "cta":
      return `“${via.label}”`;
    case "condition":
      return `answer ${via.label}`;
    case "fallback":
      return `otherwise: ${via.label}`;
    case "cross":
      return "×";
    case "trigger":
      return `on ${via.label}`;
  }
}

function stepData(step: Step, first: boolean, loops: string[]): StepNodeData {
  return {
    kind: "step",
    stepId: step.id,
    stepKind: step.kind,
    name: step.name ?? step.id,
    ...(step.title ? { title: step.title } : {}),
    ...(step.target ? { target: step.target } : {}),
    ctas: step.ctas.map((cta) => cta.label),
    ...(questionSummary(step) ? { question: questionSummary(step) } : {}),
    loops,
    first,
  };
}

export function canvasModel(graph: FlowGraph, project: Project): CanvasModel {
  const loops = new Map<string, string[]>();
  const edges: ModelEdge[] = [];
  const steps = graph.nodes.filter((n) => n.kind === "step").length;
  const hideCross = steps > crossEdgeStepLimit;
  let hiddenCrossEdges = 0;
  for (const edge of graph.edges) {
    if (hideCross && edge.via.kind === "cross") {
      hiddenCrossEdges++;
      continue;
    }
    if (edge.stays) {
      loops.set(edge.from, [...(loops.get(edge.from) ?? []), edgeLabel(edge)]);
      continue;
    }
    const fullLabel = edge.back ? `${edgeLabel(edge)} (back)` : edgeLabel(edge);
    edges.push({
      id: edge.id,
      source: edge.from,
      target: edge.to,
      label: shorten(fullLabel),
      fullLabel,
      via: edge.via.kind,
      back: edge.back === true,
    });
  }
  const reached = new Set(edges.map((e) => e.target));
  const nodes: ModelNode[] = [];
  for (const node of graph.nodes) {
    if (node.kind === "step") {
      const data = stepData(node.step, node.id === graph.initial, loops.get(node.id) ?? []);
      nodes.push({ id: node.id, data, width: stepWidth, height: stepHeight(data) });
    } else if (node.kind === "end") {
      // An end nothing leads to (snoozed without a snooze) would only add noise.
      if (!reached.has(node.id)) continue;
      nodes.push({ id: node.id, data: { kind: "end", end: node.id }, width: 130, height: 44 });
    } else {
      const target = project.experiences.find((e) => e.id === node.experience);
      const name = target?.name ?? node.experience;
      const data: LaunchedNodeData = { kind: "launched", experience: node.experience, name };
      nodes.push({ id: node.id, data, width: 200, height: 60 });
    }
  }
  return { experience: graph.experience, initial: graph.initial, nodes, edges, hiddenCrossEdges };
}

/** Rough box of an edge label at the canvas's 11 px label font (room for the layout). */
export function labelBox(text: string): { width: number; height: number } {
  return { width: Math.ceil(text.length * 6.4) + 12, height: 18 };
}

/** The layout's input: every node box and every edge with its label's box. */
export function layoutInput(model: CanvasModel): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  return {
    nodes: model.nodes.map(({ id, width, height }) => ({ id, width, height })),
    edges: model.edges.map(({ id, source, target, label }) => ({
      id,
      source,
      target,
      label: labelBox(label),
    })),
  };
}

/** A key that changes only when the layout would: node boxes and forward edges. */
export function layoutKey(model: CanvasModel): string {
  const input = layoutInput(model);
  return JSON.stringify([
    model.experience,
    input.nodes.map((n) => [n.id, n.width, n.height]),
    input.edges.map((e) => [e.source, e.target, e.label?.width]),
  ]);
}
