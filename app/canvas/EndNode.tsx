// A final state of the flow: completed, dismissed or snoozed.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { EndIcon, isEnd } from "../timeline/EndIcon.tsx";
import type { FlowNode } from "./flow-elements.ts";
import type { EndNodeData } from "./graph-model.ts";

export function EndNode({ data }: NodeProps<FlowNode>) {
  const end = data as EndNodeData & { current: boolean; visited: boolean };
  return (
    <article
      className={`flow-node end-node end-${end.end}`}
      data-end={end.end}
      data-current={end.current || undefined}
      aria-current={end.current ? "step" : undefined}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        isConnectableStart={false}
      />
      {isEnd(end.end) && <EndIcon end={end.end} decorative className="end-glyph" />} {end.end}
    </article>
  );
}
