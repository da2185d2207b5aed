// An edge drawn along the route the layout gave it (ELK's orthogonal route, rounded), with
// its label where the layout made room for it. Without a route it falls back to a curve.
import { BaseEdge, type Edge, type EdgeProps, getBezierPath } from "@xyflow/react";
import { midpoint, roundedPath } from "./edge-path.ts";
import type { EdgeRoute } from "./layout-types.ts";

export type RoutedEdgeData = { route?: EdgeRoute };
export type RoutedFlowEdge = Edge<RoutedEdgeData, "routed">;

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

/** Where an edge runs: its layout route when it has one, else a curve between its handles. */
export function routedGeometry(props: EdgeProps<Edge<RoutedEdgeData>>): EdgeGeometry {
  const route = props.data?.route;
  if (route && route.points.length > 1) {
    const at = route.label ?? midpoint(route.points);
    return { path: roundedPath(route.points), labelX: at.x, labelY: at.y };
  }
  const [path, labelX, labelY] = getBezierPath(props);
  return { path, labelX, labelY };
}

/** The edge itself, with React Flow's label and marker props passed through. */
export function EdgeDrawing({
  props,
  geometry,
}: {
  props: EdgeProps<Edge<RoutedEdgeData>>;
  geometry: EdgeGeometry;
}) {
  return (
    <BaseEdge
      path={geometry.path}
      labelX={geometry.labelX}
      labelY={geometry.labelY}
      label={props.label}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
      markerEnd={props.markerEnd}
      style={props.style}
      interactionWidth={props.interactionWidth}
    />
  );
}

export function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  return <EdgeDrawing props={props} geometry={routedGeometry(props)} />;
}
