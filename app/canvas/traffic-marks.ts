// A forecast's traffic on the canvas (app/forecast, while its panel is shown): each route
// drawn as wide as the share of users who took it, each step with the share who reached it.
// Only the nodes and edges that carry a number are new objects.
import type { CanvasTraffic } from "../forecast/traffic-store.ts";
import type { FlowNode } from "./flow-elements.ts";
import type { RoutedFlowEdge } from "./RoutedEdge.tsx";

/** Stroke width (px) of a route taken by `share` of the users: 1 for none, 12 for all. */
export function trafficWidth(share: number): number {
  return 1 + 11 * Math.min(1, Math.max(0, share));
}

export function withTraffic(
  nodes: FlowNode[],
  edges: RoutedFlowEdge[],
  traffic: CanvasTraffic | null,
): { nodes: FlowNode[]; edges: RoutedFlowEdge[] } {
  if (!traffic) return { nodes, edges };
  return {
    nodes: nodes.map((node) => {
      const data = node.data;
      const reach = data.kind === "step" ? traffic.reach.get(data.stepId) : undefined;
      return reach === undefined ? node : { ...node, data: { ...data, reach } };
    }),
    edges: edges.map((edge) => {
      const share = traffic.share.get(edge.id);
      if (share === undefined) return edge;
      const percent = `${(share * 100).toFixed(1)}%`;
      const width = trafficWidth(share);
      // xyflow sizes a marker in stroke widths: in pixels instead, a wide route keeps its arrow.
      const arrow = Math.max(14, 2 * width);
      const marker = typeof edge.markerEnd === "object" ? edge.markerEnd : undefined;
      return {
        ...edge,
        className: `${edge.className ?? ""} has-traffic`,
        style: { ...edge.style, strokeWidth: width },
        ...(marker && {
          markerEnd: { ...marker, markerUnits: "userSpaceOnUse", width: arrow, height: arrow },
        }),
        ariaLabel: `${edge.ariaLabel ?? edge.id}; taken by ${percent} of users`,
      };
    }),
  };
}
