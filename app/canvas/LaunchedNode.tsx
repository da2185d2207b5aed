// Another experience this flow launches; clicking it draws that experience instead.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "./flow-elements.ts";
import type { LaunchedNodeData } from "./graph-model.ts";

export function LaunchedNode({ data }: NodeProps<FlowNode>) {
  const launched = data as LaunchedNodeData & { current: boolean; visited: boolean };
  return (
    <article
      className="flow-node launched-node"
      data-launched={launched.experience}
      data-current={launched.current || undefined}
      data-visited={launched.visited || undefined}
      title={`Open “${launched.name}” on the canvas`}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        isConnectableStart={false}
      />
      <span className="launched-kicker">launches ↗</span>
      <span className="launched-name">{launched.name}</span>
    </article>
  );
}
