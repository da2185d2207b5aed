// The canvas model, the layout and the run's marks as @xyflow/react nodes and edges; the
// selection and the keyboard's tab stop are patched onto them (withFocus) so a new
// selection does not rebuild every node.
import { type Edge, MarkerType, type Node, type NodeHandle, Position } from "@xyflow/react";
import {
  type CanvasModel,
  listTops,
  type ModelEdge,
  maxListRows,
  type NodeData,
  type StepNodeData,
  stepRows,
} from "./graph-model.ts";
import type { EdgeRoute, Point } from "./layout-types.ts";
import { nodeDescriptions, nodeName } from "./node-words.ts";
import type { RoutedFlowEdge } from "./RoutedEdge.tsx";
import type { RunMarks } from "./run-marks.ts";

/** `reach`: the share of a forecast's users who entered the step, while a forecast is shown. */
type MarkedData = NodeData & { current: boolean; visited: boolean; reach?: number };
export type FlowNode = Node<MarkedData>;

/** Handle size of xyflow's default handle (its CSS: 6 × 6 px). */
const handleSize = 6;

/** Where the node's two handles are (left middle in, right middle out). Given up front, with
 *  the node's size, xyflow needs no measuring pass: with 1,000 nodes it would render every
 *  node once just to measure it, and again after each change. */
export function staticHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - handleSize / 2;
  const box = { width: handleSize, height: handleSize, y };
  return [
    { ...box, id: null, type: "target", position: Position.Left, x: -handleSize / 2 },
    { ...box, id: null, type: "source", position: Position.Right, x: width - handleSize / 2 },
  ];
}

/** The handle a route is dropped on: the whole step card, while a drag is under way. */
export const dropHandleId = "drop";

/** A route's source handle on its step card: the CTA or condition row, by its place (ids
 *  are data and go into CSS selectors; places do not). */
export function listHandleId(kind: "cta" | "condition", index: number): string {
  return `${kind}-${index}`;
}

/** The list a source handle stands for, or undefined for any other handle. */
export function parseListHandle(
  handle: string | null | undefined,
): { kind: "cta" | "condition"; index: number } | undefined {
  const match = /^(cta|condition)-(\d+)$/.exec(handle ?? "");
  return match ? { kind: match[1] as "cta" | "condition", index: Number(match[2]) } : undefined;
}

/** A step's handles: the two anchors, the drop target over the card, then one source handle
 *  at the right end of each CTA and condition row listed on the card. */
export function stepHandles(data: StepNodeData, width: number, height: number): NodeHandle[] {
  const handles = staticHandles(width, height);
  handles.push({
    id: dropHandleId,
    type: "target",
    position: Position.Left,
    x: 0,
    y: 0,
    width,
    height,
  });
  const tops = listTops(data);
  const lists = [
    ["cta", data.ctas.length, tops.ctas],
    ["condition", data.conditions.length, tops.conditions],
  ] as const;
  for (const [kind, count, top] of lists) {
    for (let index = 0; index < Math.min(count, maxListRows); index++) {
      const y = top + index * stepRows.row + (stepRows.row - stepRows.rowGap) / 2 - handleSize / 2;
      handles.push({
        id: listHandleId(kind, index),
        type: "source",
        position: Position.Right,
        x: width - stepRows.side - handleSize / 2,
        y,
        width: handleSize,
        height: handleSize,
      });
    }
  }
  return handles;
}

/** A laid-out box as xyflow's node geometry: position, size, measured size and handles. */
export function placedBox(
  box: { id: string; width: number; height: number },
  positions: Record<string, Point>,
  handles: NodeHandle[] = staticHandles(box.width, box.height),
) {
  const { width, height } = box;
  return {
    position: positions[box.id] ?? { x: 0, y: 0 },
    width,
    height,
    measured: { width, height },
    handles,
  };
}

/** The canvases are views, not editors: nothing moves, connects or takes focus. */
export const readOnlyCanvas = {
  nodesDraggable: false,
  nodesConnectable: false,
  edgesFocusable: false,
  minZoom: 0.05,
  proOptions: { hideAttribution: true },
} as const;

/** The flow canvas: still nothing moves (positions are the layout's, never stored in the
 *  project), but routes are drawn by dragging from a step's CTA or condition, and nodes and
 *  routes take focus. Selection is the app's (app/authoring/selection.ts), not xyflow's; the
 *  keys are the canvas's own (CanvasKeyboard), so xyflow's keyboard handling is off. */
export const editableCanvas = {
  nodesDraggable: false,
  nodesConnectable: true,
  nodesFocusable: true,
  edgesFocusable: true,
  elementsSelectable: false,
  disableKeyboardA11y: true,
  deleteKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: null,
  connectOnClick: false,
  // Space is Enter's twin on a focused node, not a pan key.
  panActivationKeyCode: null,
  ariaLabelConfig: {
    "edge.a11yDescription.default":
      "Enter or Space selects this route. The arrow keys or Tab go to the next route of its step; Shift+Tab goes back to the step.",
  },
  minZoom: 0.05,
  proOptions: { hideAttribution: true },
} as const;

export interface ElementOptions {
  /** Step nodes offer their CTAs and conditions as route sources (the flow canvas). */
  connectable?: boolean;
  /** One roving tab stop (withFocus) instead of every node in the Tab order. */
  roving?: boolean;
}

export function toFlowNodes(
  model: CanvasModel,
  positions: Record<string, Point>,
  marks: RunMarks,
  options: ElementOptions = {},
): FlowNode[] {
  const descriptions = nodeDescriptions(model);
  return model.nodes.map((node) => {
    const step = node.data.kind === "step" ? node.data : undefined;
    const connectable = options.connectable === true && step !== undefined;
    const description = descriptions.get(node.id);
    return {
      id: node.id,
      type: node.data.kind,
      ...placedBox(node, positions, step ? stepHandles(step, node.width, node.height) : undefined),
      data: {
        ...node.data,
        current: marks.current === node.id,
        visited: marks.visitedNodes.has(node.id),
      },
      draggable: false,
      connectable,
      ariaLabel: nodeName(node.data),
      domAttributes: {
        ...(options.roving ? { tabIndex: -1 } : {}),
        ...(description ? { "aria-description": description } : {}),
      },
    };
  });
}

function edgeClass(edge: ModelEdge, marks: RunMarks): string {
  const classes = [`via-${edge.via}`];
  if (edge.back) classes.push("is-back");
  if (marks.visitedEdges.has(edge.id)) classes.push("is-visited");
  if (marks.lastEdge === edge.id) classes.push("is-last");
  return classes.join(" ");
}

const accent = "#4f46e5";
const faint = "#b6bdc9";

export function toFlowEdges(
  model: CanvasModel,
  marks: RunMarks,
  routes: Record<string, EdgeRoute> | undefined,
  options: ElementOptions = {},
): RoutedFlowEdge[] {
  return model.edges.map((edge) => {
    const visited = marks.visitedEdges.has(edge.id);
    const route = routes?.[edge.id];
    return {
      id: edge.id,
      type: "routed",
      source: edge.source,
      target: edge.target,
      label: edge.label,
      data: route ? { route } : {},
      className: edgeClass(edge, marks),
      markerEnd: {
        type: MarkerType.ArrowClosed,
        width: 14,
        height: 14,
        color: visited ? accent : faint,
      },
      zIndex: visited ? 1 : 0,
      labelBgPadding: [5, 2] as [number, number],
      labelBgBorderRadius: 4,
      ariaLabel: `${edge.source} to ${edge.target}: ${edge.fullLabel}`,
      ...(options.roving ? { domAttributes: { tabIndex: -1 } } : {}),
    };
  });
}

/** What the canvas has selected and where Tab enters it (a roving tab stop). */
export interface Focus {
  selectedNode: string | null;
  selectedEdge: string | null;
  /** The one node Tab reaches; the arrow keys move it. Routes are reached from their node
   *  (CanvasKeyboard), never by Tab on their own. */
  tabStop: string | null;
}

function patched<T extends Node | Edge>(item: T, selected: boolean, tabbable: boolean): T {
  if (!selected && !tabbable) return item;
  return {
    ...item,
    selected,
    domAttributes: { ...item.domAttributes, tabIndex: tabbable ? 0 : -1 },
  } as T;
}

/**
 * The nodes and edges with the selection marked and the one tab stop set. Only the few items
 * that change are new objects: xyflow re-reads just those.
 */
export function withFocus<N extends Node, E extends Edge>(
  nodes: readonly N[],
  edges: readonly E[],
  focus: Focus,
): { nodes: N[]; edges: E[] } {
  return {
    nodes: nodes.map((node) =>
      patched(node, node.id === focus.selectedNode, node.id === focus.tabStop),
    ),
    edges: edges.map((edge) => patched(edge, edge.id === focus.selectedEdge, false)),
  };
}
