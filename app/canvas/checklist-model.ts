// The canvas's view of a checklist graph (machines/graph checklistGraph): the checklist, its
// tasks, what each task opens and the ends, as the same node boxes and labelled edges as a
// step flow (graph-model.ts), so layout, marks and selection treat both alike. Pure.
import type { Project } from "../../machines/format/index.ts";
import type { ChecklistEdge, ChecklistGraph, ChecklistNode } from "../../machines/graph/index.ts";
import {
  type CanvasModel,
  type ModelEdge,
  type ModelNode,
  type NodeData,
  shorten,
  stepRows,
} from "./graph-model.ts";

/** What takes a checklist's edge, in words a product manager reads. */
export function checklistEdgeLabel(edge: ChecklistEdge, taskLabel: string): string {
  switch (edge.kind) {
    case "task":
      return `click “${taskLabel}”`;
    case "launch":
      return "launches";
    case "post":
      return "opens the post";
    case "page":
      return edge.to.startsWith("tab:") ? "opens a new tab" : "goes to the page";
    case "done":
      return "every task done";
    case "close":
      return "×";
  }
}

function nodeOf(
  node: ChecklistNode,
  project: Project,
  ordered: boolean,
): { data: NodeData; width: number; height: number } {
  switch (node.kind) {
    case "checklist":
      return {
        data: { kind: "checklist", name: node.name, order: node.order, tasks: node.tasks },
        width: 260,
        height: 72,
      };
    case "task": {
      const loops = node.stays.map((type) => `fires ${type}`);
      return {
        data: {
          kind: "task",
          taskId: node.task,
          label: node.label,
          ...(ordered ? { position: node.index + 1 } : {}),
          loops,
        },
        width: 280,
        height: 48 + (loops.length > 0 ? stepRows.loops : 0),
      };
    }
    case "end":
      return { data: { kind: "end", end: node.id }, width: 130, height: 44 };
    case "launched": {
      const target = project.experiences.find((e) => e.id === node.experience);
      return {
        data: {
          kind: "launched",
          experience: node.experience,
          name: target?.name ?? node.experience,
        },
        width: 200,
        height: 60,
      };
    }
    case "post": {
      const post = project.posts.find((p) => p.id === node.post);
      return {
        data: { kind: "opened", opened: "post", name: post?.title ?? node.post },
        width: 260,
        height: 60,
      };
    }
    case "page":
      return {
        data: { kind: "opened", opened: node.newTab ? "tab" : "page", name: node.url },
        width: 260,
        height: 60,
      };
  }
}

export function checklistModel(graph: ChecklistGraph, project: Project): CanvasModel {
  const ordered = graph.nodes.some((n) => n.kind === "checklist" && n.order === "inOrder");
  const nodes: ModelNode[] = graph.nodes.map((node) => ({
    id: node.id,
    ...nodeOf(node, project, ordered),
  }));
  const taskLabels = new Map<string, string>();
  for (const node of graph.nodes) if (node.kind === "task") taskLabels.set(node.task, node.label);
  const edges: ModelEdge[] = graph.edges.map((edge) => {
    const task = edge.task === undefined ? "" : (taskLabels.get(edge.task) ?? edge.task);
    const fullLabel = checklistEdgeLabel(edge, task);
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      // The task's own label is on its node: the edge into it needs none on the canvas.
      label: edge.kind === "task" ? "" : shorten(fullLabel),
      fullLabel,
      via: edge.kind,
      back: false,
      ...(edge.task !== undefined ? { task: edge.task } : {}),
    };
  });
  return {
    kind: "checklist",
    experience: graph.experience,
    initial: graph.initial,
    nodes,
    edges,
    hiddenCrossEdges: 0,
  };
}
