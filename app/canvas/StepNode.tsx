// A step on the canvas: its kind, name, title, what it asks and its CTAs. The current step
// is highlighted; visited ones are marked. Clicking previews the flow from this step.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "./flow-elements.ts";
import type { StepNodeData } from "./graph-model.ts";

const maxCtas = 4;

export function StepNode({ data }: NodeProps<FlowNode>) {
  const step = data as StepNodeData & { current: boolean; visited: boolean };
  const extra = step.ctas.length - maxCtas;
  return (
    <article
      className="flow-node step-node"
      data-step={step.stepId}
      data-current={step.current || undefined}
      data-visited={step.visited || undefined}
      title={`Preview from “${step.name}”`}
      aria-label={`Step ${step.stepId} (${step.stepKind})${step.current ? ", on screen" : ""}`}
      aria-current={step.current ? "step" : undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="step-node-head">
        <span className={`kind-badge kind-${step.stepKind}`}>{step.stepKind}</span>
        {step.first && <span className="first-badge">start</span>}
        <span className="step-node-name">{step.name}</span>
      </div>
      {step.title && <p className="step-node-line step-node-title">{step.title}</p>}
      {step.question && <p className="step-node-line">{step.question}</p>}
      {step.target && <p className="step-node-line mono">on {step.target}</p>}
      {step.ctas.length > 0 && (
        <ul className="step-node-ctas" aria-label="CTAs">
          {step.ctas.slice(0, maxCtas).map((label, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; order is stable.
            <li key={index} className="cta-chip">
              {label}
            </li>
          ))}
          {extra > 0 && <li className="cta-more">+{extra} more</li>}
        </ul>
      )}
      {step.loops.length > 0 && (
        <p className="step-node-line step-node-loops">⟲ {step.loops.join(", ")}</p>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </article>
  );
}
