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

/** canvas.css draws a route with traffic in this colour; its arrow is drawn in it too. */
const trafficColor = "#818cf8";

/**
 * xyflow sizes an arrow in stroke widths (a wide route would get a huge one): in pixels
 * instead, a little longer than the route is wide. Its closed arrow is 5 of the marker's 20
 * units long, so a marker `4 × length` pixels wide draws an arrow `length` pixels long.
 */
function trafficArrow(width: number) {
  const size = Math.round(4 * Math.max(5, 1.6 * width));
  return { markerUnits: "userSpaceOnUse", width: size, height: size, color: trafficColor };
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
      const marker = typeof edge.markerEnd === "object" ? edge.markerEnd : undefined;
      return {
        ...edge,
        className: `${edge.className ?? ""} has-traffic`,
        style: { ...edge.style, strokeWidth: width },
        ...(marker && { markerEnd: { ...marker, ...trafficArrow(width) } }),
        ariaLabel: `${edge.ariaLabel ?? edge.id}; taken by ${percent} of users`,
      };
    }),
  };
}
