// The canvas model, the layout and the run's marks as @xyflow/react nodes and edges.
import { MarkerType, type Node, type NodeHandle, Position } from "@xyflow/react";
import type { CanvasModel, ModelEdge, NodeData } from "./graph-model.ts";
import type { EdgeRoute, Point } from "./layout-types.ts";
import type { RoutedFlowEdge } from "./RoutedEdge.tsx";
import type { RunMarks } from "./run-marks.ts";

type MarkedData = NodeData & { current: boolean; visited: boolean };
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

/** A laid-out box as xyflow's node geometry: position, size, measured size and handles. */
export function placedBox(
  box: { id: string; width: number; height: number },
  positions: Record<string, Point>,
) {
  const { width, height } = box;
  return {
    position: positions[box.id] ?? { x: 0, y: 0 },
    width,
    height,
    measured: { width, height },
    handles: staticHandles(width, height),
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

export function toFlowNodes(
  model: CanvasModel,
  positions: Record<string, Point>,
  marks: RunMarks,
): FlowNode[] {
  return model.nodes.map((node) => ({
    id: node.id,
    type: node.data.kind,
    ...placedBox(node, positions),
    data: {
      ...node.data,
      current: marks.current === node.id,
      visited: marks.visitedNodes.has(node.id),
    },
    draggable: false,
    connectable: false,
  }));
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
    };
  });
}
