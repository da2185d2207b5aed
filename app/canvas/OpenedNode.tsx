// A post or a page a checklist task opens.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "./flow-elements.ts";
import type { OpenedNodeData } from "./graph-model.ts";

const kicker = { post: "post", page: "page", tab: "new tab" } as const;

export function OpenedNode({ data }: NodeProps<FlowNode>) {
  const opened = data as OpenedNodeData & { current: boolean; visited: boolean };
  return (
    <article
      className={`flow-node opened-node opened-${opened.opened}`}
      data-opened={opened.opened}
      data-visited={opened.visited || undefined}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        isConnectableStart={false}
      />
      <span className="launched-kicker">{kicker[opened.opened]}</span>
      <span className={`launched-name${opened.opened === "post" ? "" : " mono"}`}>
        {opened.name}
      </span>
    </article>
  );
}
