// The flow of the selected experience as a graph (@xyflow/react): laid out off the main
// thread, lit up by the run (current node, path taken, the last edge pulsing). Clicking a
// step previews the flow from there; clicking a launched experience draws that one.
import {
  Background,
  Controls,
  type EdgeTypes,
  type NodeMouseHandler,
  type NodeTypes,
  ReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo } from "react";
import { flowGraph } from "../../machines/graph/index.ts";
import { sessionStore, useSession } from "../session/store.ts";
import "./canvas.css";
import { EndNode } from "./EndNode.tsx";
import { FollowCurrent } from "./FollowCurrent.tsx";
import { type FlowNode, readOnlyCanvas, toFlowEdges, toFlowNodes } from "./flow-elements.ts";
import { type CanvasModel, canvasModel } from "./graph-model.ts";
import { LaunchedNode } from "./LaunchedNode.tsx";
import { RoutedEdge, type RoutedFlowEdge } from "./RoutedEdge.tsx";
import { noMarks, runMarks } from "./run-marks.ts";
import { StepNode } from "./StepNode.tsx";
import { useFlowLayout } from "./useFlowLayout.ts";

const nodeTypes: NodeTypes = { step: StepNode, end: EndNode, launched: LaunchedNode };
const edgeTypes: EdgeTypes = { routed: RoutedEdge };

/** Above this many nodes the view starts on the first steps instead of the whole flow. */
const bigFlow = 60;

function modelOf(project: Parameters<typeof canvasModel>[1], id: string): CanvasModel | null {
  try {
    return canvasModel(flowGraph(project, id), project);
  } catch {
    return null;
  }
}

const onNodeClick: NodeMouseHandler<FlowNode> = (_event, node) => {
  const { experienceId } = sessionStore.getState();
  if (node.data.kind === "step" && experienceId) {
    sessionStore.previewFrom(experienceId, node.data.stepId);
  } else if (node.data.kind === "launched") {
    sessionStore.selectExperience(node.data.experience);
  }
};

export function FlowCanvas() {
  const project = useSession((s) => s.project);
  const experienceId = useSession((s) => s.experienceId);
  const world = useSession((s) => s.world);
  const moments = useSession((s) => s.moments);
  const cursor = useSession((s) => s.cursor);
  const showingLastValid = useSession((s) => s.showingLastValid);

  const model = useMemo(
    () => (project && experienceId ? modelOf(project, experienceId) : null),
    [project, experienceId],
  );
  const layout = useFlowLayout(model);
  const marks = useMemo(
    () => (model ? runMarks(model, world, moments, cursor) : noMarks),
    [model, world, moments, cursor],
  );
  const big = (model?.nodes.length ?? 0) > bigFlow;
  const nodes = useMemo(
    () => (model && layout ? toFlowNodes(model, layout.positions, marks) : []),
    [model, layout, marks],
  );
  const edges = useMemo(
    () => (model && layout ? toFlowEdges(model, marks, layout.routes) : []),
    [model, layout, marks],
  );

  useEffect(() => {
    if (!layout || nodes.length === 0) return;
    // After React committed and the browser painted the nodes: the bench reads this mark.
    const frame = requestAnimationFrame(() => {
      performance.mark("flowscope:canvas-painted", {
        detail: { nodes: nodes.length, engine: layout.engine, layoutMs: layout.ms },
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [layout, nodes.length]);

  if (!project) return <p className="canvas-empty">No valid project to draw yet.</p>;
  if (!model) return <p className="canvas-empty">This project has no experience to draw.</p>;
  return (
    <div
      className="flow-canvas"
      data-testid="flow-canvas"
      data-experience={model.experience}
      data-stale={showingLastValid || undefined}
      data-layout={layout ? layout.engine : "pending"}
      data-current={marks.current ?? undefined}
      aria-busy={!layout}
    >
      {showingLastValid && (
        <p className="canvas-stale" role="note">
          Showing the last valid flow
        </p>
      )}
      {model.hiddenCrossEdges > 0 && (
        <p className="canvas-note">
          {model.hiddenCrossEdges} closing-cross edges (× → dismissed) hidden in this big flow
        </p>
      )}
      {!layout && <p className="canvas-loading">Laying out {model.nodes.length} nodes…</p>}
      {layout && (
        <ReactFlow<FlowNode, RoutedFlowEdge>
          // A new structure gets a fresh view fitted to it.
          key={layout.key}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={onNodeClick}
          {...readOnlyCanvas}
          onlyRenderVisibleElements={big}
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
          <FollowCurrent model={model} positions={layout.positions} current={marks.current} />
        </ReactFlow>
      )}
    </div>
  );
}
