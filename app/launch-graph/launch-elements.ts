// The launch model, its layout and the cycle in focus as @xyflow/react nodes and edges.
import { type Edge, MarkerType, type Node } from "@xyflow/react";
import { placedBox } from "../canvas/flow-elements.ts";
import type { EdgeRoute, Point } from "../canvas/layout-types.ts";
import type { LaunchModel, LaunchModelEdge, LaunchModelNode } from "./launch-model.ts";

type LaunchNodeData = LaunchModelNode & {
  /** The experience drawn on the Flow tab. */
  selected: boolean;
  /** A cycle is in focus and this node is not on it. */
  dim: boolean;
  /** On the cycle in focus. */
  focus: boolean;
};
export type LaunchFlowNode = Node<LaunchNodeData, "launch">;

type LaunchEdgeData = { route?: EdgeRoute; selfLoop: boolean };
export type LaunchFlowEdge = Edge<LaunchEdgeData, "launch">;

export interface Focus {
  nodes: Set<string>;
  edges: Set<string>;
}

export function toLaunchNodes(
  model: LaunchModel,
  positions: Record<string, Point>,
  selectedExperience: string | null,
  focus: Focus | null,
): LaunchFlowNode[] {
  return model.nodes.map((node) => ({
    id: node.id,
    type: "launch",
    ...placedBox(node, positions),
    data: {
      ...node,
      selected: node.experience !== undefined && node.experience.id === selectedExperience,
      dim: focus !== null && !focus.nodes.has(node.id),
      focus: focus?.nodes.has(node.id) ?? false,
    },
    draggable: false,
    connectable: false,
  }));
}

function launchEdgeClass(edge: LaunchModelEdge, focus: Focus | null): string {
  const classes = ["lg-edge", `lg-edge-${edge.kind}`];
  if (edge.inCycle) classes.push("in-cycle");
  if (edge.closing) classes.push("is-closing");
  if (focus?.edges.has(edge.id)) classes.push("is-focus");
  else if (focus) classes.push("is-dim");
  return classes.join(" ");
}

const cycleRed = "#dc2626";
const faint = "#9aa3b2";

export function toLaunchEdges(
  model: LaunchModel,
  routes: Record<string, EdgeRoute> | undefined,
  focus: Focus | null,
): LaunchFlowEdge[] {
  return model.edges.map((edge) => {
    const route = routes?.[edge.id];
    return {
      id: edge.id,
      type: "launch",
      source: edge.source,
      target: edge.target,
      label: edge.label,
      data: { selfLoop: edge.selfLoop, ...(route ? { route } : {}) },
      className: launchEdgeClass(edge, focus),
      markerEnd: {
        type: MarkerType.ArrowClosed,
        width: 14,
        height: 14,
        color: edge.inCycle ? cycleRed : faint,
      },
      zIndex: edge.inCycle ? 1 : 0,
      labelBgPadding: [5, 2] as [number, number],
      labelBgBorderRadius: 4,
      ariaLabel: `${edge.source} ${edge.fullLabel} ${edge.target}${edge.closing ? " (closes a cycle)" : ""}`,
    };
  });
}
