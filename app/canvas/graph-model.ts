// The canvas's view of a flow graph (machines/graph): node boxes with their sizes for the
// layout, edges with labels saying what takes them, and the run's marks (current node,
// visited nodes and edges, the last edge taken). Pure: the components only draw it.
import type { Project, Step } from "../../machines/format/index.ts";
import type {
  ChecklistEdgeKind,
  ChecklistOrder,
  FlowEdge,
  FlowGraph,
  ViaKind,
} from "../../machines/graph/index.ts";
import type { LayoutEdge, LayoutNode } from "./layout-types.ts";

/** A CTA or survey condition listed on its step: a route can be dragged from it. */
export interface ListRow {
  id: string;
  label: string;
}

export type StepNodeData = {
  kind: "step";
  stepId: string;
  stepKind: Step["kind"];
  name: string;
  title?: string;
  target?: string;
  /** CTAs, in order. */
  ctas: ListRow[];
  /** Survey conditions, in order, labelled by the answers that reach them. */
  conditions: ListRow[];
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

/** A checklist on screen (its machine's `open` state). */
export type ChecklistNodeData = {
  kind: "checklist";
  name: string;
  order: ChecklistOrder;
  tasks: number;
};

export type TaskNodeData = {
  kind: "task";
  taskId: string;
  label: string;
  /** 1-based place in the list: shown when the tasks must be done in order. */
  position?: number;
  /** What the task fires that opens nothing drawn (the agent, runJs…). */
  loops: string[];
};

/** A post or a page a checklist task opens. */
export type OpenedNodeData = {
  kind: "opened";
  opened: "post" | "page" | "tab";
  /** The post's title, or the URL as written. */
  name: string;
};

export type NodeData =
  | StepNodeData
  | EndNodeData
  | LaunchedNodeData
  | ChecklistNodeData
  | TaskNodeData
  | OpenedNodeData;

export interface ModelNode {
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
  via: ViaKind | ChecklistEdgeKind;
  back: boolean;
  /** A step's route: the step it leaves (its id as written) and its cause. */
  route?: { step: string; kind: ViaKind; id?: string };
  /** A checklist's edge that belongs to a task (its id as written). */
  task?: string;
}

export interface CanvasModel {
  /** A step flow (tour, survey, banner, hint) or a checklist. */
  kind: "flow" | "checklist";
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

export const stepWidth = 240;
/** CTAs and conditions listed on a step, each list cut after this many (then "+N more"). */
export const maxListRows = 6;
/** Rows of a step card as canvas.css sizes them: its padding, the head, one line of text,
 *  the gap above a list, one CTA or condition row (a chip and the gap below it), the loops. */
export const stepRows = {
  top: 10,
  side: 12,
  head: 26,
  line: 20,
  listGap: 6,
  row: 26,
  rowGap: 4,
  loops: 26,
};
/** Room the card keeps below its content (its box is given to the layout, not measured). */
const stepSlack = 4;

/** Height of a list of `rows` rows, the gap above it included (none when empty). */
function listHeight(rows: number): number {
  return rows > 0 ? stepRows.listGap + rows * stepRows.row - stepRows.rowGap : 0;
}

/** How many rows a list takes on its card: its first rows, then "+N more". */
export function listRows(count: number): number {
  return Math.min(count, maxListRows) + (count > maxListRows ? 1 : 0);
}

/** The top of the card's first CTA row, then of its first condition row (card pixels). */
export function listTops(data: StepNodeData): { ctas: number; conditions: number } {
  const lines = (data.title ? 1 : 0) + (data.question ? 1 : 0) + (data.target ? 1 : 0);
  const ctas = stepRows.top + stepRows.head + lines * stepRows.line + stepRows.listGap;
  const ctaRows = listRows(data.ctas.length);
  const conditions =
    ctas + (ctaRows > 0 ? ctaRows * stepRows.row - stepRows.rowGap + stepRows.listGap : 0);
  return { ctas, conditions };
}

function stepHeight(data: StepNodeData): number {
  const lines = (data.title ? 1 : 0) + (data.question ? 1 : 0) + (data.target ? 1 : 0);
  return (
    2 * stepRows.top +
    stepRows.head +
    stepSlack +
    lines * stepRows.line +
    listHeight(listRows(data.ctas.length)) +
    listHeight(listRows(data.conditions.length)) +
    (data.loops.length > 0 ? stepRows.loops : 0)
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

function stepData(
  step: Step,
  first: boolean,
  loops: string[],
  answers: ReadonlyMap<string, string>,
): StepNodeData {
  return {
    kind: "step",
    stepId: step.id,
    stepKind: step.kind,
    name: step.name ?? step.id,
    ...(step.title ? { title: step.title } : {}),
    ...(step.target ? { target: step.target } : {}),
    ctas: step.ctas.map((cta) => ({ id: cta.id, label: cta.label })),
    // A condition no allowed answer reaches has no route: it is listed by its id.
    conditions: step.conditions.map((c) => ({
      id: c.id,
      label: answers.has(c.id) ? `answer ${answers.get(c.id)}` : c.id,
    })),
    ...(questionSummary(step) ? { question: questionSummary(step) } : {}),
    loops,
    first,
  };
}

/** Per step node, the answers that reach each of its conditions (answer class labels). */
function answersByNode(graph: FlowGraph): Map<string, Map<string, string>> {
  const byNode = new Map<string, Map<string, string>>();
  for (const edge of graph.edges) {
    if (edge.via.kind !== "condition" || edge.via.id === undefined) continue;
    const answers = byNode.get(edge.from) ?? new Map<string, string>();
    byNode.set(edge.from, answers);
    answers.set(edge.via.id, edge.via.label);
  }
  return byNode;
}

export function canvasModel(graph: FlowGraph, project: Project): CanvasModel {
  const loops = new Map<string, string[]>();
  const edges: ModelEdge[] = [];
  const steps = graph.nodes.filter((n) => n.kind === "step").length;
  const hideCross = steps > crossEdgeStepLimit;
  let hiddenCrossEdges = 0;
  const stepIds = new Map<string, string>();
  for (const node of graph.nodes) if (node.kind === "step") stepIds.set(node.id, node.step.id);
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
      route: {
        step: stepIds.get(edge.from) ?? edge.from,
        kind: edge.via.kind,
        ...(edge.via.id !== undefined ? { id: edge.via.id } : {}),
      },
    });
  }
  const reached = new Set(edges.map((e) => e.target));
  const conditionAnswers = answersByNode(graph);
  const nodes: ModelNode[] = [];
  for (const node of graph.nodes) {
    if (node.kind === "step") {
      const first = node.id === graph.initial;
      const answers = conditionAnswers.get(node.id) ?? new Map<string, string>();
      const data = stepData(node.step, first, loops.get(node.id) ?? [], answers);
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
  return {
    kind: "flow",
    experience: graph.experience,
    initial: graph.initial,
    nodes,
    edges,
    hiddenCrossEdges,
  };
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
      ...(label ? { label: labelBox(label) } : {}),
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
