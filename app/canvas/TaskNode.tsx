// A checklist task: its label, its place when tasks are done in order, what it fires that
// opens nothing drawn. Done tasks are marked; clicking one selects it for the side form.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "./flow-elements.ts";
import type { TaskNodeData } from "./graph-model.ts";

export function TaskNode({ data, selected }: NodeProps<FlowNode>) {
  const task = data as TaskNodeData & { current: boolean; visited: boolean };
  return (
    <article
      className="flow-node task-node"
      data-task={task.taskId}
      data-visited={task.visited || undefined}
      data-selected={selected || undefined}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        isConnectableStart={false}
      />
      <div className="step-node-head">
        <span className="task-box" aria-hidden="true">
          {task.visited ? "✓" : ""}
        </span>
        {task.position !== undefined && <span className="task-position">{task.position}</span>}
        <span className="step-node-name">{task.label}</span>
      </div>
      {task.loops.length > 0 && (
        <p className="step-node-line step-node-loops">⟲ {task.loops.join(", ")}</p>
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
