// The launch graph as a second canvas view (issue 5, item 5): who launches, opens, navigates
// to or asks what, laid out left to right by the flow canvas's ELK worker; every cycle drawn
// red and listed above the canvas (clicking one highlights it). Clicking an experience (or
// pressing its name's button) selects it and shows its flow.
import {
  Background,
  Controls,
  type EdgeTypes,
  type NodeMouseHandler,
  type NodeTypes,
  ReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useState } from "react";
import { readOnlyCanvas } from "../canvas/flow-elements.ts";
import { sessionStore, useSession } from "../session/store.ts";
import { FrameView } from "./FrameView.tsx";
import { LaunchEdge } from "./LaunchEdge.tsx";
import { LaunchNode } from "./LaunchNode.tsx";
import {
  type LaunchFlowEdge,
  type LaunchFlowNode,
  toLaunchEdges,
  toLaunchNodes,
} from "./launch-elements.ts";
import { type CycleView, cycleFocus, type LaunchModel, launchModel } from "./launch-model.ts";
import { OpenExperience } from "./open-experience.ts";
import { useLaunchLayout } from "./useLaunchLayout.ts";
import "./launch-graph.css";

const nodeTypes: NodeTypes = { launch: LaunchNode };
const edgeTypes: EdgeTypes = { launch: LaunchEdge };

function modelOf(project: Parameters<typeof launchModel>[0]): LaunchModel | null {
  try {
    return launchModel(project);
  } catch {
    return null;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function CycleList({
  cycles,
  focused,
  onFocus,
}: {
  cycles: CycleView[];
  focused: number | null;
  onFocus(index: number | null): void;
}) {
  if (cycles.length === 0) return null;
  return (
    <ul className="lg-cycles" aria-label="Cycles">
      {cycles.map((cycle, index) => (
        <li key={cycle.closing}>
          <button
            type="button"
            className="lg-cycle"
            data-testid="launch-cycle"
            aria-pressed={focused === index}
            title={focused === index ? "Show every node again" : "Highlight this cycle"}
            onClick={() => onFocus(focused === index ? null : index)}
          >
            <span className="lg-cycle-icon" aria-hidden="true">
              ⟲
            </span>
            {cycle.text}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Summary({ model }: { model: LaunchModel }) {
  const cycles = model.cycles.length;
  return (
    <p className="lg-summary">
      <span>
        {plural(model.nodes.length, "node")} · {plural(model.edges.length, "edge")}
      </span>
      <span className={cycles > 0 ? "pill pill-race" : "pill lg-pill-ok"} data-testid="cycle-count">
        {cycles > 0 ? plural(cycles, "cycle") : "no cycles"}
      </span>
      {model.edges.length === 0 && (
        <span className="muted">Nothing launches, opens or navigates to anything.</span>
      )}
    </p>
  );
}

export function LaunchGraphView({ onShowFlow }: { onShowFlow?(): void }) {
  const project = useSession((s) => s.project);
  const selected = useSession((s) => s.experienceId);
  const model = useMemo(() => (project ? modelOf(project) : null), [project]);
  const layout = useLaunchLayout(model);
  // The focused cycle belongs to one model: a new project shows every node again.
  const [focus, setFocus] = useState<{ model: LaunchModel; index: number } | null>(null);
  const focused = focus && focus.model === model ? focus.index : null;
  const highlight = useMemo(() => (model ? cycleFocus(model, focused) : null), [model, focused]);

  const nodes = useMemo(
    () => (model && layout ? toLaunchNodes(model, layout.positions, selected, highlight) : []),
    [model, layout, selected, highlight],
  );
  const edges = useMemo(
    () => (model && layout ? toLaunchEdges(model, layout.routes, highlight) : []),
    [model, layout, highlight],
  );
  const openExperience = useCallback(
    (id: string) => {
      sessionStore.selectExperience(id);
      onShowFlow?.();
    },
    [onShowFlow],
  );
  const onNodeClick: NodeMouseHandler<LaunchFlowNode> = (_event, node) => {
    if (node.data.experience) openExperience(node.data.experience.id);
  };

  if (!project) return <p className="canvas-empty">No valid project to draw yet.</p>;
  if (!model) return <p className="canvas-empty">The launch graph could not be built.</p>;
  if (model.nodes.length === 0) {
    return (
      <p className="canvas-empty" data-testid="launch-graph-empty">
        This project has no experiences, posts, resource-center blocks or agent answers: there is no
        launch graph to draw.
      </p>
    );
  }
  return (
    <div className="launch-graph" data-testid="launch-graph">
      <header className="lg-header">
        <Summary model={model} />
        <CycleList
          cycles={model.cycles}
          focused={focused}
          onFocus={(index) => setFocus(index === null ? null : { model, index })}
        />
      </header>
      <div
        className="lg-canvas"
        data-testid="launch-canvas"
        data-layout={layout ? layout.engine : "pending"}
        data-focused={focused ?? undefined}
        aria-busy={!layout}
      >
        {!layout && <p className="canvas-loading">Laying out {model.nodes.length} nodes…</p>}
        {layout && (
          <OpenExperience value={openExperience}>
            <ReactFlow<LaunchFlowNode, LaunchFlowEdge>
              key={layout.key}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodeClick={onNodeClick}
              {...readOnlyCanvas}
            >
              <Background gap={20} size={1} />
              <Controls showInteractive={false} />
              <FrameView
                model={model}
                positions={layout.positions}
                layout={layout.key}
                focused={focused}
              />
            </ReactFlow>
          </OpenExperience>
        )}
      </div>
    </div>
  );
}
