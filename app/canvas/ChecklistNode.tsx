// A checklist on screen (its machine's `open` state): its name, how many tasks, in what order.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "./flow-elements.ts";
import type { ChecklistNodeData } from "./graph-model.ts";

export function ChecklistNode({ data }: NodeProps<FlowNode>) {
  const checklist = data as ChecklistNodeData & { current: boolean; visited: boolean };
  const tasks = `${checklist.tasks} task${checklist.tasks === 1 ? "" : "s"}`;
  return (
    <article
      className="flow-node checklist-node"
      data-current={checklist.current || undefined}
      data-visited={checklist.visited || undefined}
      aria-current={checklist.current ? "step" : undefined}
    >
      <div className="step-node-head">
        <span className="kind-badge kind-checklist">checklist</span>
        <span className="step-node-name">{checklist.name}</span>
      </div>
      <p className="step-node-line">
        {tasks}, {checklist.order === "inOrder" ? "done in order" : "done in any order"}
      </p>
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        isConnectableStart={false}
      />
    </article>
  );
}
