// A final state of the flow: completed, dismissed or snoozed.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "./flow-elements.ts";
import type { EndNodeData } from "./graph-model.ts";

/** A crescent moon drawn, not typed: the ⏾ character is missing from common fonts (an
 *  empty box, issue 12). */
function Moon() {
  return (
    <svg className="end-glyph" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M10.6 1.2a7 7 0 1 0 4.2 12.1A6 6 0 0 1 10.6 1.2z" fill="currentColor" />
    </svg>
  );
}

function Glyph({ end }: { end: string }) {
  if (end === "snoozed") return <Moon />;
  return (
    <span aria-hidden="true">{end === "completed" ? "✓" : end === "dismissed" ? "×" : "•"}</span>
  );
}

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
      <Glyph end={end.end} /> {end.end}
    </article>
  );
}
