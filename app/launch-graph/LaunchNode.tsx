// One node of the launch graph: its kind (for an experience, its type and a draft badge),
// its name, and a mark when it is on a cycle. Experiences open their flow when clicked; their
// name is a button, so the keyboard opens it too.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { useContext } from "react";
import type { LaunchFlowNode } from "./launch-elements.ts";
import type { LaunchModelNode } from "./launch-model.ts";
import { OpenExperience } from "./open-experience.ts";

const kindWords: Record<LaunchModelNode["kind"], string> = {
  experience: "experience",
  post: "post",
  block: "resource center",
  answer: "agent answer",
  automated: "automated action",
  page: "page",
};

function kicker(node: LaunchModelNode): string {
  if (node.missing) return `${kindWords[node.kind]} · missing`;
  return node.experience ? node.experience.type : kindWords[node.kind];
}

function titleOf(node: LaunchModelNode): string {
  if (node.experience) return `Open “${node.label}” on the Flow tab`;
  if (node.missing) return `${node.label}: not defined in the project`;
  return `${kindWords[node.kind]}: ${node.label}`;
}

/** The name; for a defined experience, a button that opens its flow (`nodrag`: a press on it
 *  is a click, never the start of a pan). */
function NodeName({ node }: { node: LaunchModelNode }) {
  const open = useContext(OpenExperience);
  const experience = node.experience;
  if (!experience) {
    return (
      <span className="lg-node-label" title={node.label}>
        {node.label}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="nodrag lg-node-label lg-open"
      title={titleOf(node)}
      aria-label={`Open the flow of “${node.label}”`}
      onClick={(event) => {
        // The node's own click handler would open it a second time.
        event.stopPropagation();
        open(experience.id);
      }}
    >
      {node.label}
    </button>
  );
}

export function LaunchNode({ data }: NodeProps<LaunchFlowNode>) {
  const draft = data.experience && data.experience.status !== "live";
  return (
    <article
      className={`lg-node lg-${data.kind}`}
      data-node={data.id}
      data-kind={data.kind}
      data-type={data.experience?.type}
      data-in-cycle={data.inCycle || undefined}
      data-selected={data.selected || undefined}
      data-dim={data.dim || undefined}
      data-focus={data.focus || undefined}
      data-missing={data.missing || undefined}
      title={titleOf(data)}
      aria-label={`${kicker(data)}: ${data.label}${data.inCycle ? ", on a cycle" : ""}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {data.kind === "page" ? (
        <span className="lg-page-url">
          <span className="lg-page-icon" aria-hidden="true">
            ⇢
          </span>
          {data.label}
        </span>
      ) : (
        <>
          <div className="lg-node-head">
            <span className="lg-kind">{kicker(data)}</span>
            {draft && <span className="lg-draft">{data.experience?.status}</span>}
            {data.inCycle && (
              <span className="lg-cycle-mark" title="On a launch cycle">
                ⟲ cycle
              </span>
            )}
          </div>
          <NodeName node={data} />
        </>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </article>
  );
}
