// An edge drawn along the route the layout gave it (ELK's orthogonal route, rounded), with
// its label where the layout made room for it. Without a route it falls back to a curve.
import { BaseEdge, type Edge, type EdgeProps, getBezierPath } from "@xyflow/react";
import { midpoint, roundedPath } from "./edge-path.ts";
import type { EdgeRoute } from "./layout-types.ts";

export type RoutedEdgeData = { route?: EdgeRoute };
export type RoutedFlowEdge = Edge<RoutedEdgeData, "routed">;

export function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  const route = props.data?.route;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (route && route.points.length > 1) {
    path = roundedPath(route.points);
    const at = route.label ?? midpoint(route.points);
    labelX = at.x;
    labelY = at.y;
  } else {
    [path, labelX, labelY] = getBezierPath(props);
  }
  return (
    <BaseEdge
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={props.label}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
      markerEnd={props.markerEnd}
      interactionWidth={props.interactionWidth}
    />
  );
}
