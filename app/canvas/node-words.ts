// What a screen reader hears of the canvas: each node's accessible name (its id, kind and
// title) and description (the routes out of it, so a route can be found from its node
// without reaching the edge). Pure.
import type { CanvasModel, NodeData } from "./graph-model.ts";

/** The node's accessible name. */
export function nodeName(data: NodeData): string {
  switch (data.kind) {
    case "step":
      return `Step ${data.stepId}, ${data.stepKind}${data.title ? `: ${data.title}` : ""}`;
    case "end":
      return `End: ${data.end}`;
    case "launched":
      return `Launches ${data.name}`;
    case "checklist":
      return `Checklist ${data.name}, ${data.tasks} task${data.tasks === 1 ? "" : "s"}${
        data.order === "inOrder" ? " in order" : ""
      }`;
    case "task":
      return `Task ${data.position !== undefined ? `${data.position}: ` : ""}${data.label}`;
    case "opened":
      return `${data.opened === "post" ? "Post" : data.opened === "tab" ? "New tab" : "Page"} ${data.name}`;
  }
}

/** A short name of a route's target, as the description of its source names it. */
function targetWords(data: NodeData): string {
  switch (data.kind) {
    case "step":
      return `step ${data.stepId}`;
    case "end":
      return data.end;
    case "task":
      return `task ${data.label}`;
    default:
      return nodeName(data);
  }
}

/** Per node id: "Routes: “Next” to step b; answer 9–10 to completed." (absent: none). */
export function nodeDescriptions(model: CanvasModel): Map<string, string> {
  const data = new Map(model.nodes.map((n) => [n.id, n.data]));
  const routes = new Map<string, string[]>();
  for (const edge of model.edges) {
    const target = data.get(edge.target);
    const to = target ? targetWords(target) : edge.target;
    const list = routes.get(edge.source) ?? [];
    routes.set(edge.source, list);
    list.push(`${edge.fullLabel} to ${to}`);
  }
  const out = new Map<string, string>();
  for (const node of model.nodes) {
    const list = [...(routes.get(node.id) ?? [])];
    if ("loops" in node.data) for (const loop of node.data.loops) list.push(`${loop} (stays)`);
    if (list.length > 0) out.set(node.id, `Routes: ${list.join("; ")}.`);
  }
  return out;
}
