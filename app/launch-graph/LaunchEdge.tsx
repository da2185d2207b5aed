// An edge of the launch graph: along ELK's route when there is one (as the flow canvas draws
// it), a loop over the node when a node acts on itself (ELK does not route those), else a curve.
import { BaseEdge, type EdgeProps, getBezierPath } from "@xyflow/react";
import { midpoint, roundedPath } from "../canvas/edge-path.ts";
import type { LaunchFlowEdge } from "./launch-elements.ts";
import { selfLoopPath } from "./self-loop.ts";

export function LaunchEdge(props: EdgeProps<LaunchFlowEdge>) {
  const route = props.data?.route;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (props.data?.selfLoop) {
    ({ path, labelX, labelY } = selfLoopPath(
      props.sourceX,
      props.sourceY,
      props.targetX,
      props.targetY,
    ));
  } else if (route && route.points.length > 1) {
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
