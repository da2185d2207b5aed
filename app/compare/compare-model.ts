// The Compare view's model (issue 11, item 3), a thin layer over machines/explore/diff.ts:
// which saved versions the document can be compared with, the diff of two texts, and the
// merged flow as canvas nodes and edges marked added (green), removed (red) or changed.
import { MarkerType } from "@xyflow/react";
import {
  type ChangeMark,
  diffProjects,
  type MergedFlow,
  mergedFlow,
  type ProjectDiff,
} from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";
import { validateText } from "../../machines/validate/index.ts";
import type { FlowNode } from "../canvas/flow-elements.ts";
import { type CanvasModel, canvasModel } from "../canvas/graph-model.ts";
import type { RoutedFlowEdge } from "../canvas/RoutedEdge.tsx";
import type { WorkspaceState } from "../workspace/document-model.ts";

/** A version to compare with: another open document, the document as opened, or a file. */
export interface VersionChoice {
  /** "original", "doc:<id>" or "file". */
  key: string;
  label: string;
  text: string;
}

export const originalKey = "original";
export const fileKey = "file";

/** The saved versions the active document can be compared with (IndexedDB keeps them all). */
export function versionChoices(workspace: WorkspaceState): VersionChoice[] {
  const active = workspace.documents.find((doc) => doc.id === workspace.activeId);
  const choices: VersionChoice[] = [];
  if (active && active.text !== active.originalText) {
    choices.push({
      key: originalKey,
      label: `${active.name}, as opened (before your edits)`,
      text: active.originalText,
    });
  }
  for (const doc of workspace.documents) {
    if (doc.id === workspace.activeId) continue;
    choices.push({ key: `doc:${doc.id}`, label: doc.name, text: doc.text });
  }
  return choices;
}

export type Versioned =
  | { ok: true; project: Project; diagnostics: ReturnType<typeof validateText>["diagnostics"] }
  | { ok: false; message: string };

/** A version's text validated: a project to compare, or why it cannot be compared. */
export function versionOf(text: string): Versioned {
  const result = validateText(text);
  if (result.parseError) {
    const { line, column, message } = result.parseError;
    return { ok: false, message: `not JSON (line ${line}, column ${column}: ${message})` };
  }
  if (!result.project) {
    const first = result.diagnostics.find((d) => d.severity === "error");
    return { ok: false, message: `not a project (${first?.message ?? "its shape is wrong"})` };
  }
  return { ok: true, project: result.project, diagnostics: result.diagnostics };
}

export type Comparison =
  | { ok: true; report: ProjectDiff; before: Project; after: Project }
  | { ok: false; which: "old" | "new"; message: string };

/** The diff from `oldText` (the version picked) to `newText` (the document). */
export function compareTexts(oldText: string, newText: string): Comparison {
  const before = versionOf(oldText);
  if (!before.ok) return { ok: false, which: "old", message: before.message };
  const after = versionOf(newText);
  if (!after.ok) return { ok: false, which: "new", message: after.message };
  const report = diffProjects(before, after);
  return { ok: true, report, before: before.project, after: after.project };
}

/** The experiences a canvas can draw: the new version's, then those only the old one has. */
export function drawableExperiences(
  before: Project,
  after: Project,
): { id: string; name: string }[] {
  const seen = new Set<string>();
  const out: { id: string; name: string }[] = [];
  for (const e of [...after.experiences, ...before.experiences]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push({ id: e.id, name: e.name ?? e.id });
  }
  return out;
}

export interface CompareCanvas {
  merged: MergedFlow;
  model: CanvasModel;
}

/** The merged flow of one experience as the canvas model, or null when it cannot be drawn. */
export function compareCanvas(before: Project, after: Project, id: string): CompareCanvas | null {
  const merged = mergedFlow(before, after, id);
  if (!merged) return null;
  // Launched experiences are named from the new version, else from the old one.
  const names: Project = {
    ...after,
    experiences: [
      ...after.experiences,
      ...before.experiences.filter((e) => !after.experiences.some((a) => a.id === e.id)),
    ],
  };
  return { merged, model: canvasModel(merged.graph, names) };
}

const markColors: Record<ChangeMark, string | undefined> = {
  added: "#16a34a",
  removed: "#dc2626",
  changed: "#d97706",
  same: undefined,
};

const markWords: Record<ChangeMark, string> = {
  added: "new in this version",
  removed: "only in the other version",
  changed: "changed",
  same: "unchanged",
};

/** The canvas edges with their change marks: a class, an arrow colour, an accessible name. */
export function markEdges(edges: readonly RoutedFlowEdge[], merged: MergedFlow): RoutedFlowEdge[] {
  return edges.map((edge) => {
    const mark = merged.edges[edge.id] ?? "same";
    const color = markColors[mark];
    return {
      ...edge,
      className: `${edge.className ?? ""} diff-${mark}`.trim(),
      zIndex: mark === "same" ? 0 : 2,
      ...(color
        ? { markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color } }
        : {}),
      ariaLabel: `${markWords[mark]}: ${edge.ariaLabel ?? edge.id}`,
    };
  });
}

/** The canvas nodes with their change marks (a class on the node). */
export function markNodes(nodes: readonly FlowNode[], merged: MergedFlow): FlowNode[] {
  return nodes.map((node) => {
    const mark = merged.nodes[node.id] ?? "same";
    return mark === "same" ? node : { ...node, className: `diff-${mark}` };
  });
}
