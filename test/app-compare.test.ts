// The Compare view's pure parts (issue 11, item 3): the versions a document can be compared
// with, two texts compared (or why not), and the merged canvas with its change marks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toFlowEdges, toFlowNodes } from "../app/canvas/flow-elements.ts";
import { noMarks } from "../app/canvas/run-marks.ts";
import {
  compareCanvas,
  compareTexts,
  drawableExperiences,
  markEdges,
  markNodes,
  originalKey,
  versionChoices,
} from "../app/compare/compare-model.ts";
import type { WorkspaceDocument } from "../app/workspace/document-model.ts";

const npsText = readFileSync(
  join(import.meta.dirname, "..", "examples", "nps-survey.json"),
  "utf8",
);

// biome-ignore lint/suspicious/noExplicitAny: the example edited in place
function edited(edit: (doc: any) => void): string {
  const doc = JSON.parse(npsText);
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

const rerouted = edited((doc) => {
  doc.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
});

function document(id: string, text: string, originalText = text): WorkspaceDocument {
  return {
    id,
    name: `Doc ${id}`,
    text,
    originalText,
    origin: { kind: "paste" },
    createdAt: 0,
    updatedAt: 0,
  };
}

describe("versionChoices", () => {
  it("offers the document as opened (once edited), then every other open document", () => {
    const choices = versionChoices({
      documents: [document("a", rerouted, npsText), document("b", npsText)],
      activeId: "a",
    });
    expect(choices.map((c) => c.key)).toEqual([originalKey, "doc:b"]);
    expect(choices[0]).toMatchObject({
      label: "Doc a, as opened (before your edits)",
      text: npsText,
    });
  });

  it("an unedited document alone has nothing to compare with", () => {
    expect(versionChoices({ documents: [document("a", npsText)], activeId: "a" })).toEqual([]);
  });
});

describe("compareTexts", () => {
  it("says which version cannot be compared, and why", () => {
    expect(compareTexts("{", npsText)).toMatchObject({ ok: false, which: "old" });
    expect(compareTexts(npsText, '{ "version": 2 }')).toMatchObject({
      ok: false,
      which: "new",
      message: expect.stringMatching(/^not a project/),
    });
  });

  it("diffs the picked version (old) against the document (new)", () => {
    const comparison = compareTexts(npsText, rerouted);
    expect(comparison.ok && comparison.report.same).toBe(false);
    if (!comparison.ok) return;
    expect(drawableExperiences(comparison.before, comparison.after)).toEqual([
      { id: "quarterly-nps", name: "Quarterly NPS" },
    ]);
  });
});

describe("the merged canvas", () => {
  it("marks the rerouted edge's new target added and its old one removed", () => {
    const comparison = compareTexts(npsText, rerouted);
    if (!comparison.ok) throw new Error("not comparable");
    const canvas = compareCanvas(comparison.before, comparison.after, "quarterly-nps");
    if (!canvas) throw new Error("no canvas");
    const ids = canvas.model.edges.map((e) => e.id);
    expect(ids).toContain("score/condition/promoters");
    expect(ids).toContain("was:score/condition/promoters");
    const positions = Object.fromEntries(canvas.model.nodes.map((n) => [n.id, { x: 0, y: 0 }]));
    const edges = markEdges(toFlowEdges(canvas.model, noMarks, undefined), canvas.merged);
    const byId = Object.fromEntries(edges.map((e) => [e.id, e]));
    expect(byId["score/condition/promoters"].className).toMatch(/diff-added/);
    expect(byId["was:score/condition/promoters"].className).toMatch(/diff-removed/);
    expect(byId["was:score/condition/promoters"].ariaLabel).toMatch(/^only in the other version: /);
    expect(byId["score/cross"].className).toMatch(/diff-same/);
    const nodes = markNodes(toFlowNodes(canvas.model, positions, noMarks), canvas.merged);
    expect(nodes.every((n) => n.className === undefined)).toBe(true);
  });

  it("a step only the other version has is drawn, marked removed", () => {
    const removed = edited((doc) => {
      doc.experiences[0].steps.splice(1, 1);
    });
    const comparison = compareTexts(npsText, removed);
    if (!comparison.ok) throw new Error("not comparable");
    const canvas = compareCanvas(comparison.before, comparison.after, "quarterly-nps");
    if (!canvas) throw new Error("no canvas");
    const positions = Object.fromEntries(canvas.model.nodes.map((n) => [n.id, { x: 0, y: 0 }]));
    const nodes = markNodes(toFlowNodes(canvas.model, positions, noMarks), canvas.merged);
    expect(nodes.find((n) => n.id === "passive-reason")?.className).toBe("diff-removed");
  });
});
