// A final state of the flow: completed, dismissed or snoozed.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "./flow-elements.ts";
import type { EndNodeData } from "./graph-model.ts";

const glyph: Record<string, string> = { completed: "✓", dismissed: "×", snoozed: "⏾" };

export function EndNode({ data }: NodeProps<FlowNode>) {
  const end = data as EndNodeData & { current: boolean; visited: boolean };
  return (
    <article
      className={`flow-node end-node end-${end.end}`}
      data-end={end.end}
      data-current={end.current || undefined}
      aria-label={`End: ${end.end}${end.current ? ", reached" : ""}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span aria-hidden="true">{glyph[end.end] ?? "•"}</span> {end.end}
    </article>
  );
}
