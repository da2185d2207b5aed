// The launch graph's canvas model (issue 5, item 5): machines/graph/launch-graph.ts as node
// boxes styled by kind, edges labelled by kind and where the action sits, every node and edge
// on some cycle flagged (every node of a strongly connected group, every edge inside one; the
// closing edge of each group's shortest cycle marked), and that shortest cycle in words for
// the list above the canvas. Pure: the components only draw it.
import type { Experience, Project } from "../../machines/format/index.ts";
import {
  type LaunchCycle,
  type LaunchEdgeKind,
  type LaunchGraph,
  type LaunchNodeKind,
  launchGraph,
  postOrder,
} from "../../machines/graph/index.ts";
import { labelBox, shorten } from "../canvas/graph-model.ts";
import type { LayoutEdge, LayoutNode } from "../canvas/layout-types.ts";

export type LaunchModelNode = {
  id: string;
  kind: LaunchNodeKind;
  label: string;
  /** Experiences: the id to select, its type and status. */
  experience?: { id: string; type: Experience["type"]; status: Experience["status"] };
  /** An action points at it but the project does not define it (the validator says so). */
  missing: boolean;
  inCycle: boolean;
  width: number;
  height: number;
};

export interface LaunchModelEdge {
  id: string;
  source: string;
  target: string;
  kind: LaunchEdgeKind;
  where: string;
  /** Shown on the canvas (shortened). */
  label: string;
  /** The whole label (accessible name, tooltip). */
  fullLabel: string;
  inCycle: boolean;
  /** Closes a cycle (the last edge of its shortest closing path). */
  closing: boolean;
  selfLoop: boolean;
}

export interface CycleView {
  /** Node ids around the group's shortest cycle, the first repeated at the end. */
  nodes: string[];
  /** Every node of the strongly connected group (each lies on some cycle). */
  members: string[];
  edges: string[];
  closing: string;
  /** "Cycle: “A” → “B” → “A” (closed by “B” launches “A” at s0/cta/go)". */
  text: string;
}

export interface LaunchModel {
  nodes: LaunchModelNode[];
  edges: LaunchModelEdge[];
  cycles: CycleView[];
  /** The fast layout's first column (the first node in layout order). */
  initial: string;
}

/** What each edge kind does, in words. */
const edgeVerbs: Record<LaunchEdgeKind, string> = {
  launch: "launches",
  openPost: "opens",
  navigate: "navigates to",
  shows: "shows",
  asks: "asks",
};

/** A node as it reads in a sentence: experiences by name, others with their kind. */
function nodeName(node: Pick<LaunchModelNode, "kind" | "label">): string {
  switch (node.kind) {
    case "experience":
      return `“${node.label}”`;
    case "post":
      return `post “${node.label}”`;
    case "block":
      return `block “${node.label}”`;
    case "answer":
      return `answer ${node.label}`;
    case "automated":
      return `automated action ${node.label}`;
    case "page":
      return node.label;
  }
}

function edgeLabel(kind: LaunchEdgeKind, where: string): string {
  return kind === "shows" ? "shows (page matches)" : `${edgeVerbs[kind]} · ${where}`;
}

const nodeWidth = 220;
const nodeHeight = 56;
const pageHeight = 40;

function pageWidth(url: string): number {
  return Math.min(280, Math.max(130, Math.ceil(url.length * 7.4) + 56));
}

function defined(project: Project): Set<string> {
  return new Set([
    ...project.experiences.map((e) => `experience:${e.id}`),
    ...project.posts.map((p) => `post:${p.id}`),
    ...project.resourceCenter.blocks.map((b) => `block:${b.id}`),
    ...project.agent.customAnswers.map((a) => `answer:${a.id}`),
    ...project.agent.automatedActions.map((a) => `automated:${a.id}`),
  ]);
}

function cycleText(
  cycle: LaunchCycle,
  nodes: ReadonlyMap<string, Pick<LaunchModelNode, "kind" | "label">>,
  edges: ReadonlyMap<string, Pick<LaunchModelEdge, "source" | "target" | "kind" | "where">>,
): string {
  const name = (id: string) => {
    const node = nodes.get(id);
    return node ? nodeName(node) : id;
  };
  const path = cycle.nodes.map(name).join(" → ");
  const closing = edges.get(cycle.closing);
  const closedBy = closing
    ? `${name(closing.source)} ${edgeVerbs[closing.kind]} ${name(closing.target)} at ${closing.where}`
    : cycle.closing;
  return `Cycle: ${path} (closed by ${closedBy})`;
}

function modelNodes(graph: LaunchGraph, project: Project, cycleNodes: Set<string>) {
  const known = defined(project);
  return graph.nodes.map((node): LaunchModelNode => {
    const id = node.id.slice(node.kind.length + 1);
    const experience =
      node.kind === "experience" ? project.experiences.find((e) => e.id === id) : undefined;
    return {
      id: node.id,
      kind: node.kind,
      label: node.label,
      ...(experience
        ? { experience: { id: experience.id, type: experience.type, status: experience.status } }
        : {}),
      missing: node.kind !== "page" && !known.has(node.id),
      inCycle: cycleNodes.has(node.id),
      width: node.kind === "page" ? pageWidth(node.label) : nodeWidth,
      height: node.kind === "page" ? pageHeight : nodeHeight,
    };
  });
}

/** The group (index into `cycles`) of each node on a cycle. */
function groupOf(cycles: readonly LaunchCycle[]): Map<string, number> {
  return new Map(cycles.flatMap((cycle, index) => cycle.members.map((id) => [id, index] as const)));
}

/** Edges inside one strongly connected group: each lies on a cycle (the target reaches back
 *  to the source within the group), not only those of the group's shortest cycle. */
function edgesOnCycles(graph: LaunchGraph): Set<string> {
  const group = groupOf(graph.cycles);
  const inside = graph.edges.filter((edge) => {
    const from = group.get(edge.from);
    return from !== undefined && from === group.get(edge.to);
  });
  return new Set(inside.map((edge) => edge.id));
}

export function launchModel(project: Project): LaunchModel {
  const graph = launchGraph(project);
  const cycleEdges = edgesOnCycles(graph);
  const closingEdges = new Set(graph.cycles.map((c) => c.closing));
  const cycleNodes = new Set(graph.cycles.flatMap((c) => c.members));
  const nodes = modelNodes(graph, project, cycleNodes);
  const edges = graph.edges.map((edge): LaunchModelEdge => {
    const fullLabel = edgeLabel(edge.kind, edge.where);
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      kind: edge.kind,
      where: edge.where,
      label: shorten(closingEdges.has(edge.id) ? `⟲ ${fullLabel}` : fullLabel, 30),
      fullLabel,
      inCycle: cycleEdges.has(edge.id),
      closing: closingEdges.has(edge.id),
      selfLoop: edge.from === edge.to,
    };
  });
  const nodeMap = new Map(nodes.map((n) => [n.id, n]));
  const edgeMap = new Map(edges.map((e) => [e.id, e]));
  const cycles = graph.cycles.map((cycle) => ({
    nodes: cycle.nodes,
    members: cycle.members,
    edges: cycle.edges,
    closing: cycle.closing,
    text: cycleText(cycle, nodeMap, edgeMap),
  }));
  return { nodes, edges, cycles, initial: layoutOrder({ nodes, edges })[0]?.id ?? "" };
}

/** The nodes and edges of one cycle (to highlight it), or null for none. */
export function cycleFocus(
  model: LaunchModel,
  index: number | null,
): { nodes: Set<string>; edges: Set<string> } | null {
  const cycle = index === null ? undefined : model.cycles[index];
  return cycle ? { nodes: new Set(cycle.nodes), edges: new Set(cycle.edges) } : null;
}

/**
 * Nodes in an order where, outside cycles, what launches comes before what it launches
 * (reverse DFS finishing order, roots first). ELK breaks cycles by this model order, so only
 * edges that close a cycle run right to left and the graph reads left to right.
 */
export function layoutOrder(model: Pick<LaunchModel, "nodes" | "edges">): LaunchModelNode[] {
  const out = new Map<string, string[]>(model.nodes.map((n) => [n.id, []]));
  const into = new Map<string, number>(model.nodes.map((n) => [n.id, 0]));
  for (const edge of model.edges) {
    if (edge.selfLoop) continue;
    out.get(edge.source)?.push(edge.target);
    into.set(edge.target, (into.get(edge.target) ?? 0) + 1);
  }
  // Children and roots are visited last-first so that, once reversed, siblings keep the
  // project's order; what no root reaches (a cycle nothing enters) starts at its first node.
  for (const list of out.values()) list.reverse();
  const roots = model.nodes.filter((n) => into.get(n.id) === 0).reverse();
  const finished = postOrder(
    [...roots, ...model.nodes].map((n) => n.id),
    out,
  );
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return finished.reverse().map((id) => byId.get(id) as LaunchModelNode);
}

/** The layout's input: node boxes (in layout order) and edges with their label boxes. */
export function launchLayoutInput(model: LaunchModel): {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
} {
  return {
    nodes: layoutOrder(model).map(({ id, width, height }) => ({ id, width, height })),
    edges: model.edges.map(({ id, source, target, label }) => ({
      id,
      source,
      target,
      label: labelBox(label),
    })),
  };
}

/** Changes only when the layout would. */
export function launchLayoutKey(model: LaunchModel): string {
  const input = launchLayoutInput(model);
  return JSON.stringify([
    input.nodes.map((n) => [n.id, n.width, n.height]),
    input.edges.map((e) => [e.id, e.label?.width]),
  ]);
}
