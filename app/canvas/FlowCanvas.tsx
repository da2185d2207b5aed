// The selected experience as a graph (@xyflow/react): a step flow, or a checklist with its
// tasks, laid out off the main thread, lit up by the run (current node, path taken, the last
// edge pulsing). Clicking (or Enter on) a step selects it and previews the flow from there;
// a task or a route selects it for the side form (app/authoring/selection.ts); a launched
// experience draws that one. Dragging a step's CTA or condition to a step makes it go there
// (app/authoring/connect.ts): the edit goes to the JSON text, the canvas redraws from it.
import {
  Background,
  type Connection,
  type EdgeMouseHandler,
  type EdgeTypes,
  type NodeMouseHandler,
  type NodeTypes,
  ReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useState } from "react";
import { connectToStep } from "../authoring/connect.ts";
import { selectionStore, useSelection } from "../authoring/selection.ts";
import { useCanvasTraffic } from "../forecast/traffic-store.ts";
import { sessionStore, useSession } from "../session/store.ts";
import "./canvas.css";
import { CanvasControls } from "./CanvasControls.tsx";
import { CanvasKeyboard } from "./CanvasKeyboard.tsx";
import { ChecklistNode } from "./ChecklistNode.tsx";
import { edgeSelection, highlightOf, nodeSelection } from "./canvas-selection.ts";
import { drawnExperience } from "./drawn-experience.ts";
import { EndNode } from "./EndNode.tsx";
import { FollowCurrent } from "./FollowCurrent.tsx";
import {
  editableCanvas,
  type FlowNode,
  parseListHandle,
  toFlowEdges,
  toFlowNodes,
  withFocus,
} from "./flow-elements.ts";
import type { CanvasModel } from "./graph-model.ts";
import { LaunchedNode } from "./LaunchedNode.tsx";
import { OpenedNode } from "./OpenedNode.tsx";
import { RoutedEdge, type RoutedFlowEdge } from "./RoutedEdge.tsx";
import { noMarks, runMarks } from "./run-marks.ts";
import { StepNode } from "./StepNode.tsx";
import { TaskNode } from "./TaskNode.tsx";
import { withTraffic } from "./traffic-marks.ts";
import { useFlowLayout } from "./useFlowLayout.ts";

const nodeTypes: NodeTypes = {
  step: StepNode,
  end: EndNode,
  launched: LaunchedNode,
  checklist: ChecklistNode,
  task: TaskNode,
  opened: OpenedNode,
};
const edgeTypes: EdgeTypes = { routed: RoutedEdge };

/** Above this many nodes only what is in view is drawn. */
const bigFlow = 60;

function dataOf(model: CanvasModel, id: string) {
  return model.nodes.find((n) => n.id === id)?.data;
}

export function FlowCanvas() {
  const project = useSession((s) => s.project);
  const experienceId = useSession((s) => s.experienceId);
  const world = useSession((s) => s.world);
  const moments = useSession((s) => s.moments);
  const cursor = useSession((s) => s.cursor);
  const showingLastValid = useSession((s) => s.showingLastValid);
  const selection = useSelection();
  const [tabStop, setTabStop] = useState<string | null>(null);

  const drawn = useMemo(
    () => (project && experienceId ? drawnExperience(project, experienceId) : null),
    [project, experienceId],
  );
  const model = drawn && "model" in drawn ? drawn.model : null;
  const layout = useFlowLayout(model);
  const marks = useMemo(
    () => (model ? runMarks(model, world, moments, cursor) : noMarks),
    [model, world, moments, cursor],
  );
  const big = (model?.nodes.length ?? 0) > bigFlow;
  const runNodes = useMemo(
    () =>
      model && layout
        ? toFlowNodes(model, layout.positions, marks, { connectable: true, roving: true })
        : [],
    [model, layout, marks],
  );
  const runEdges = useMemo(
    () => (model && layout ? toFlowEdges(model, marks, layout.routes, { roving: true }) : []),
    [model, layout, marks],
  );
  const traffic = useCanvasTraffic(project, experienceId);
  const { nodes: baseNodes, edges: baseEdges } = useMemo(
    () => withTraffic(runNodes, runEdges, traffic),
    [runNodes, runEdges, traffic],
  );
  const highlight = useMemo(
    () => (model ? highlightOf(model, selection) : { node: null, edge: null }),
    [model, selection],
  );
  const { nodes, edges } = useMemo(() => {
    const stop =
      tabStop !== null && model?.nodes.some((n) => n.id === tabStop)
        ? tabStop
        : (highlight.node ?? model?.initial ?? null);
    return withFocus(baseNodes, baseEdges, {
      selectedNode: highlight.node,
      selectedEdge: highlight.edge,
      tabStop: stop,
    });
  }, [baseNodes, baseEdges, highlight, tabStop, model]);
  const routesFrom =
    highlight.node ?? model?.edges.find((e) => e.id === highlight.edge)?.source ?? null;

  const activateNode = useCallback(
    (id: string) => {
      if (!model) return;
      const data = dataOf(model, id);
      if (!data) return;
      setTabStop(id);
      if (data.kind === "launched") {
        sessionStore.selectExperience(data.experience);
        return;
      }
      const selected = nodeSelection(model, data);
      if (selected) selectionStore.set(selected);
      if (data.kind === "step") sessionStore.previewFrom(model.experience, data.stepId);
    },
    [model],
  );
  const activateEdge = useCallback(
    (id: string) => {
      const edge = model?.edges.find((e) => e.id === id);
      const selected = model && edge ? edgeSelection(model, edge) : undefined;
      if (selected) selectionStore.set(selected);
    },
    [model],
  );
  const clear = useCallback(() => selectionStore.set(null), []);
  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_event, node) => activateNode(node.id),
    [activateNode],
  );
  const onEdgeClick: EdgeMouseHandler<RoutedFlowEdge> = useCallback(
    (_event, edge) => activateEdge(edge.id),
    [activateEdge],
  );

  /** The list a connection starts from and the step it ends on, when both are steps. */
  const routeOf = useCallback(
    (connection: Connection) => {
      const handle = parseListHandle(connection.sourceHandle);
      const from = model ? dataOf(model, connection.source) : undefined;
      const to = model ? dataOf(model, connection.target) : undefined;
      if (!model || !handle || from?.kind !== "step" || to?.kind !== "step") return undefined;
      const row = (handle.kind === "cta" ? from.ctas : from.conditions)[handle.index];
      if (!row) return undefined;
      const list = {
        experience: model.experience,
        step: from.stepId,
        kind: handle.kind,
        id: row.id,
      };
      return { list, toStep: to.stepId };
    },
    [model],
  );
  const isValidConnection = useCallback(
    (connection: Connection | RoutedFlowEdge) =>
      routeOf({
        source: connection.source,
        target: connection.target,
        sourceHandle: connection.sourceHandle ?? null,
        targetHandle: connection.targetHandle ?? null,
      }) !== undefined,
    [routeOf],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      const route = routeOf(connection);
      if (route) connectToStep(route.list, route.toStep);
    },
    [routeOf],
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
  if (!drawn) return <p className="canvas-empty">This project has no experience to draw.</p>;
  if (!model) {
    return (
      <p className="canvas-empty" role="status" data-testid="canvas-empty">
        {"message" in drawn ? drawn.message : ""}
      </p>
    );
  }
  return (
    <div
      className="flow-canvas"
      data-testid="flow-canvas"
      data-experience={model.experience}
      data-kind={model.kind}
      data-stale={showingLastValid || undefined}
      data-layout={layout ? layout.engine : "pending"}
      data-current={marks.current ?? undefined}
      data-traffic={traffic ? "shown" : undefined}
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
          onEdgeClick={onEdgeClick}
          onPaneClick={clear}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          {...editableCanvas}
          onlyRenderVisibleElements={big}
          aria-label={`Canvas of ${model.experience}: Tab to a node, then the arrow keys`}
        >
          <Background gap={20} size={1} />
          <CanvasControls model={model} positions={layout.positions} current={marks.current} />
          <FollowCurrent model={model} positions={layout.positions} current={marks.current} />
          <CanvasKeyboard
            model={model}
            positions={layout.positions}
            onActivateNode={activateNode}
            onActivateEdge={activateEdge}
            routesFrom={routesFrom}
            onClear={clear}
            onTabStop={setTabStop}
          />
        </ReactFlow>
      )}
    </div>
  );
}
