// An edge of the launch graph: along ELK's route when there is one (as the flow canvas draws
// it), a loop over the node when a node acts on itself (ELK does not route those), else a curve.
import type { EdgeProps } from "@xyflow/react";
import { EdgeDrawing, routedGeometry } from "../canvas/RoutedEdge.tsx";
import type { LaunchFlowEdge } from "./launch-elements.ts";
import { selfLoopPath } from "./self-loop.ts";

export function LaunchEdge(props: EdgeProps<LaunchFlowEdge>) {
  const geometry = props.data?.selfLoop
    ? selfLoopPath(props.sourceX, props.sourceY, props.targetX, props.targetY)
    : routedGeometry(props);
  return <EdgeDrawing props={props} geometry={geometry} />;
}
