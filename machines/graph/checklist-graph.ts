// The graph of a checklist as the canvas draws it, read off its compiled machine
// (compile/machine-config.ts), like flow-graph.ts for the flows: the `open` state is the
// checklist, each task transition a task node reached by its own event, each thing a task
// opens (task-openings.ts) an edge to a launched experience, a post or a page, and the ends
// the machine reaches: `completed` once every task is done, `dismissed` by the close cross.
// Nothing here reads the project's tasks again. A checklist has no steps, so paths and
// coverage (which read flowGraph) have nothing to walk in it.
import { compiledConfig } from "../compile/compile.ts";
import {
  type ChecklistMeta,
  checklistClose,
  checklistOpenState,
  findExperience,
  landEvent,
  type TransitionConfig,
} from "../compile/machine-config.ts";
import type { TaskOpening } from "../compile/task-openings.ts";
import type { ActionType, Project } from "../format/schema.ts";
import { keyOf } from "../model/keys.ts";
import { type EndId, launchedNodeId } from "./flow-graph.ts";

export type ChecklistOrder = ChecklistMeta["checklist"]["order"];

export type ChecklistNode =
  /** The checklist on screen (the machine's `open` state). */
  | { id: string; kind: "checklist"; name: string; order: ChecklistOrder; tasks: number }
  | {
      id: string;
      kind: "task";
      task: string;
      label: string;
      /** 0-based place in the list (with `inOrder`, the order tasks can be done in). */
      index: number;
      /** What the task fires that opens no node (the agent, runJs…): drawn on the task. */
      stays: ActionType[];
    }
  | { id: EndId; kind: "end" }
  | { id: string; kind: "launched"; experience: string }
  | { id: string; kind: "post"; post: string }
  | { id: string; kind: "page"; url: string; newTab: boolean };

/** `task`: clicking the task (the machine's task event); `launch`, `post`, `page`: what the
 *  task opens; `done`: every task done completes the checklist; `close`: the close cross. */
export type ChecklistEdgeKind = "task" | "launch" | "post" | "page" | "done" | "close";

export interface ChecklistEdge {
  id: string;
  from: string;
  to: string;
  kind: ChecklistEdgeKind;
  /** The task the edge belongs to (its id as written), for task, launch, post and page. */
  task?: string;
}

export interface ChecklistGraph {
  experience: string;
  /** The node a display starts on: the checklist itself. */
  initial: string;
  nodes: ChecklistNode[];
  edges: ChecklistEdge[];
}

/** The node of a task: its machine event is the edge into it, so the node gets its own id. */
export function taskNodeId(task: string): string {
  return `task:${keyOf(task)}`;
}

function openedNodeId(opening: Exclude<TaskOpening, { kind: "other" }>): string {
  switch (opening.kind) {
    case "launch":
      return launchedNodeId(opening.experience);
    case "post":
      return `post:${keyOf(opening.post)}`;
    case "page":
      return `${opening.newTab ? "tab" : "page"}:${keyOf(opening.url)}`;
  }
}

function openedNode(opening: Exclude<TaskOpening, { kind: "other" }>): ChecklistNode {
  const id = openedNodeId(opening);
  switch (opening.kind) {
    case "launch":
      return { id, kind: "launched", experience: opening.experience };
    case "post":
      return { id, kind: "post", post: opening.post };
    case "page":
      return { id, kind: "page", url: opening.url, newTab: opening.newTab };
  }
}

function targets(transitions: TransitionConfig | TransitionConfig[] | undefined): string[] {
  const list =
    transitions === undefined ? [] : Array.isArray(transitions) ? transitions : [transitions];
  return list.flatMap((t) => (t.target === undefined ? [] : [t.target.replace(/^\./, "")]));
}

/** The checklist's graph; undefined for a tour, survey, banner or hint (see flowGraph). */
export function checklistGraph(project: Project, experienceId: string): ChecklistGraph | undefined {
  const experience = findExperience(project, experienceId);
  if (experience.type !== "checklist") return undefined;
  const config = compiledConfig(project, experienceId);
  const open = config.states[checklistOpenState];
  const order = (open.meta as ChecklistMeta | undefined)?.checklist.order ?? "any";
  const tasks: ChecklistNode[] = [];
  const opened = new Map<string, ChecklistNode>();
  const edges: ChecklistEdge[] = [];
  for (const [event, transitions] of Object.entries(open.on ?? {})) {
    const meta = (Array.isArray(transitions) ? transitions[0] : transitions)?.meta;
    if (!meta?.opens) continue;
    const id = taskNodeId(meta.step);
    const stays: ActionType[] = [];
    tasks.push({
      id,
      kind: "task",
      task: meta.step,
      label: meta.via.label,
      index: tasks.length,
      stays,
    });
    edges.push({ id: event, from: checklistOpenState, to: id, kind: "task", task: meta.step });
    meta.opens.forEach((opening, index) => {
      if (opening.kind === "other") {
        stays.push(opening.action);
        return;
      }
      const node = openedNode(opening);
      if (!opened.has(node.id)) opened.set(node.id, node);
      edges.push({
        id: `${event}/opens/${index}`,
        from: id,
        to: node.id,
        kind: opening.kind,
        task: meta.step,
      });
    });
  }
  const ends: EndId[] = [];
  // The engine completes the checklist by a landing once every task is done (a `land` event).
  if (targets(config.on[landEvent]).includes("completed") && tasks.length > 0) {
    ends.push("completed");
    edges.push({ id: "done", from: checklistOpenState, to: "completed", kind: "done" });
  }
  for (const end of targets(open.on?.[checklistClose])) {
    ends.push(end as EndId);
    edges.push({ id: checklistClose, from: checklistOpenState, to: end, kind: "close" });
  }
  const checklist: ChecklistNode = {
    id: checklistOpenState,
    kind: "checklist",
    name: config.description ?? experience.id,
    order,
    tasks: tasks.length,
  };
  return {
    experience: experience.id,
    initial: checklistOpenState,
    nodes: [
      checklist,
      ...tasks,
      ...opened.values(),
      ...ends.map((end): ChecklistNode => ({ id: end, kind: "end" })),
    ],
    edges,
  };
}
