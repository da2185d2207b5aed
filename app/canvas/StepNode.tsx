// A step on the canvas: its kind, name, title, what it asks, its CTAs and survey conditions.
// The current step is highlighted, visited ones marked, the selected one outlined. On the
// flow canvas each CTA and condition row ends in a handle: dragged to a step, it makes that
// list go there (FlowCanvas onConnect); while a route is dragged the whole card takes it.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { dropHandleId, type FlowNode, listHandleId } from "./flow-elements.ts";
import { type ListRow, maxListRows, type StepNodeData } from "./graph-model.ts";

interface RouteListProps {
  kind: "cta" | "condition";
  rows: readonly ListRow[];
  connectable: boolean;
}

function RouteList({ kind, rows, connectable }: RouteListProps) {
  if (rows.length === 0) return null;
  const extra = rows.length - maxListRows;
  return (
    <ul
      className={`step-node-list step-node-${kind}s`}
      aria-label={kind === "cta" ? "CTAs" : "Conditions"}
    >
      {rows.slice(0, maxListRows).map((row, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat in a draft; order is stable.
          key={index}
          className={kind === "cta" ? "cta-chip" : "condition-chip"}
          data-row={row.id}
        >
          <span className="chip-label">{row.label}</span>
          {connectable && (
            <Handle
              id={listHandleId(kind, index)}
              type="source"
              position={Position.Right}
              className="route-handle"
              isConnectableEnd={false}
              title={`Drag to a step: ${kind === "cta" ? `“${row.label}”` : row.label} goes there`}
            />
          )}
        </li>
      ))}
      {extra > 0 && <li className="cta-more">+{extra} more</li>}
    </ul>
  );
}

export function StepNode({ data, selected, isConnectable }: NodeProps<FlowNode>) {
  const step = data as StepNodeData & { current: boolean; visited: boolean; reach?: number };
  return (
    <article
      className="flow-node step-node"
      data-step={step.stepId}
      data-current={step.current || undefined}
      data-visited={step.visited || undefined}
      data-selected={selected || undefined}
      title={`Preview from “${step.name}”`}
      aria-current={step.current ? "step" : undefined}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        isConnectableStart={false}
      />
      {isConnectable && (
        <Handle
          id={dropHandleId}
          type="target"
          position={Position.Left}
          className="drop-handle"
          isConnectableStart={false}
        />
      )}
      <div className="step-node-head">
        <span className={`kind-badge kind-${step.stepKind}`}>{step.stepKind}</span>
        {step.first && <span className="first-badge">start</span>}
        <span className="step-node-name">{step.name}</span>
        {step.reach !== undefined && (
          <span
            className="reach-badge"
            data-testid="reach-badge"
            data-value={step.reach}
            title="Share of the forecast's users who reach this step"
          >
            {(step.reach * 100).toFixed(1)}%
          </span>
        )}
      </div>
      {step.title && <p className="step-node-line step-node-title">{step.title}</p>}
      {step.question && <p className="step-node-line">{step.question}</p>}
      {step.target && <p className="step-node-line mono">on {step.target}</p>}
      <RouteList kind="cta" rows={step.ctas} connectable={isConnectable} />
      <RouteList kind="condition" rows={step.conditions} connectable={isConnectable} />
      {step.loops.length > 0 && (
        <p className="step-node-line step-node-loops">⟲ {step.loops.join(", ")}</p>
      )}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        isConnectableStart={false}
      />
    </article>
  );
}
