// The canvas's pure parts: the model drawn from a flow graph (labels, ends, launched nodes,
// hidden cross edges in big flows), the fast layout, the run's marks and the edge paths.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { midpoint, roundedPath } from "../app/canvas/edge-path.ts";
import { fastLayout } from "../app/canvas/fast-layout.ts";
import { staticHandles, toFlowEdges, toFlowNodes } from "../app/canvas/flow-elements.ts";
import {
  canvasModel,
  crossEdgeStepLimit,
  edgeLabel,
  labelLimit,
  layoutInput,
  layoutKey,
  shorten,
} from "../app/canvas/graph-model.ts";
import { layerGap } from "../app/canvas/layout-types.ts";
import { runMarks } from "../app/canvas/run-marks.ts";
import { createSessionStore } from "../app/session/store.ts";
import { uiBenchProject } from "../bench/ui-project.ts";
import { flowGraph } from "../machines/graph/index.ts";
import { validateText } from "../machines/validate/index.ts";

const example = (name: string) => readFileSync(`examples/${name}.json`, "utf8");
const projectOf = (text: string) => {
  const project = validateText(text).project;
  if (!project) throw new Error("invalid example");
  return project;
};

describe("canvas model", () => {
  it("draws steps, reached ends and launched experiences, with labels saying what takes them", () => {
    const project = projectOf(example("multi-action-cta"));
    const model = canvasModel(flowGraph(project, "profile-nudge"), project);
    const ids = model.nodes.map((n) => n.id);
    expect(ids).toEqual(["nudge", "dismissed", "launched:profile-tour"]);
    const launched = model.nodes.find((n) => n.id === "launched:profile-tour");
    expect(launched?.data).toMatchObject({ kind: "launched", name: "Profile tour" });
    const labels = Object.fromEntries(model.edges.map((e) => [e.id, e.label]));
    expect(labels).toEqual({
      "nudge/cta/complete-profile": "“Complete my profile”",
      "nudge/cta/later": "“Later”",
      "nudge/cross": "×",
    });
  });

  it("labels survey answer classes and keeps self-loops on their node", () => {
    const project = projectOf(example("nps-survey"));
    const model = canvasModel(flowGraph(project, "quarterly-nps"), project);
    const byId = new Map(model.edges.map((e) => [e.id, e]));
    expect(byId.get("score/condition/promoters")?.label).toBe("answer 9–10");
    expect(byId.get("score/fallback")?.label).toBe("otherwise: 7–8");
    expect(byId.has("book-call/cta/book")).toBe(false);
    const book = model.nodes.find((n) => n.id === "book-call")?.data;
    expect(book).toMatchObject({ kind: "step", loops: ["“Pick a time”"] });
    // Long labels are cut on the canvas but whole in the accessible name.
    const passive = byId.get("passive-reason/fallback");
    expect(passive?.label.length).toBeLessThanOrEqual(labelLimit);
    expect(passive?.fullLabel).toContain("Something else");
  });

  it("leaves the closing-cross edges out of big flows only", () => {
    const big = projectOf(uiBenchProject(crossEdgeStepLimit + 1));
    const bigModel = canvasModel(flowGraph(big, "big-tour"), big);
    expect(bigModel.hiddenCrossEdges).toBe(crossEdgeStepLimit + 1);
    expect(bigModel.edges.some((e) => e.via === "cross")).toBe(false);
    const small = projectOf(uiBenchProject(crossEdgeStepLimit));
    expect(canvasModel(flowGraph(small, "big-tour"), small).hiddenCrossEdges).toBe(0);
  });

  it("changes its layout key only when boxes or edges change", () => {
    const project = projectOf(example("nps-survey"));
    const a = canvasModel(flowGraph(project, "quarterly-nps"), project);
    const b = canvasModel(flowGraph(projectOf(example("nps-survey")), "quarterly-nps"), project);
    expect(layoutKey(a)).toBe(layoutKey(b));
    const renamed = projectOf(
      example("nps-survey").replace('"label": "Done"', '"label": "Finish now"'),
    );
    expect(layoutKey(canvasModel(flowGraph(renamed, "quarterly-nps"), renamed))).not.toBe(
      layoutKey(a),
    );
  });

  it("shortens any text to the limit and keeps short text whole", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const cut = shorten(text);
        expect(cut.length).toBeLessThanOrEqual(labelLimit);
        if (text.length <= labelLimit) expect(cut).toBe(text);
        else expect(cut.endsWith("…")).toBe(true);
      }),
    );
  });

  it("words each kind of edge", () => {
    const base = { id: "x", from: "a", to: "b", actions: [] };
    expect(edgeLabel({ ...base, via: { kind: "trigger", label: "click #save" } })).toBe(
      "on click #save",
    );
    expect(edgeLabel({ ...base, via: { kind: "cross", label: "×" } })).toBe("×");
  });
});

describe("fast layout", () => {
  it("places every node, columns by distance from the start, no overlap in a column", () => {
    const arb = fc
      .integer({ min: 1, max: 40 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
          fc.array(fc.integer({ min: 20, max: 120 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(arb, ([, pairs, heights]) => {
        const nodes = heights.map((height, i) => ({ id: `n${i}`, width: 100, height }));
        const edges = pairs.map(([a, b], i) => ({ id: `e${i}`, source: `n${a}`, target: `n${b}` }));
        const positions = fastLayout(nodes, edges, "n0");
        expect(Object.keys(positions).sort()).toEqual(nodes.map((x) => x.id).sort());
        for (const { source, target } of edges) {
          // An edge never goes more than one column back to front: BFS distances.
          if (source === target) continue;
          expect(positions[target].x - positions[source].x).toBeLessThanOrEqual(100 + layerGap);
        }
        const columns = new Map<number, { y: number; h: number }[]>();
        for (const node of nodes) {
          const p = positions[node.id];
          columns.set(p.x, [...(columns.get(p.x) ?? []), { y: p.y, h: node.height }]);
        }
        for (const boxes of columns.values()) {
          boxes.sort((a, b) => a.y - b.y);
          for (let i = 1; i < boxes.length; i++) {
            expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].h);
          }
        }
      }),
    );
  });

  it("lays out a 1,000-step flow in a few milliseconds", () => {
    const project = projectOf(uiBenchProject(1000));
    const model = canvasModel(flowGraph(project, "big-tour"), project);
    const input = layoutInput(model);
    const positions = fastLayout(input.nodes, input.edges, model.initial);
    expect(positions.s2.x).toBeGreaterThan(positions.s1.x);
  });
});

describe("run marks and flow elements", () => {
  it("highlights the step on screen and the edges taken so far; the last one pulses", () => {
    const store = createSessionStore({ debounceMs: 0 });
    store.openDocument("nps", example("nps-survey"));
    store.run({ do: "answer", value: 3 });
    store.run({ do: "answer", value: "exports" });
    const { project, world, moments, cursor } = store.getState();
    if (!project) throw new Error("no project");
    const model = canvasModel(flowGraph(project, "quarterly-nps"), project);
    const marks = runMarks(model, world, moments, cursor);
    expect(marks.current).toBe("book-call");
    expect([...marks.visitedEdges]).toEqual([
      "score/condition/detractors",
      "tell-us-more/fallback",
    ]);
    expect(marks.lastEdge).toBe("tell-us-more/fallback");
    expect([...marks.visitedNodes].sort()).toEqual(["book-call", "score", "tell-us-more"]);
    const nodes = toFlowNodes(model, {}, marks);
    expect(nodes.filter((n) => n.data.current).map((n) => n.id)).toEqual(["book-call"]);
    const edges = toFlowEdges(model, marks, undefined);
    const last = edges.find((e) => e.id === "tell-us-more/fallback");
    expect(last?.className).toContain("is-last");
    expect(edges.filter((e) => e.className?.includes("is-visited"))).toHaveLength(2);
  });

  it("marks the end a flow reached, or the launched experience when a launch ended it", () => {
    const store = createSessionStore({ debounceMs: 0 });
    store.openDocument("cta", example("multi-action-cta"));
    store.run({ do: "click", cta: "complete-profile" });
    const { project, world, moments, cursor } = store.getState();
    if (!project) throw new Error("no project");
    const model = canvasModel(flowGraph(project, "profile-nudge"), project);
    expect(runMarks(model, world, moments, cursor).current).toBe("launched:profile-tour");
    store.travelTo(0);
    const back = store.getState();
    expect(runMarks(model, back.world, back.moments, back.cursor).current).toBe("nudge");
  });

  it("gives xyflow handle boxes at the middle of the left and right sides", () => {
    const [target, source] = staticHandles(200, 60);
    expect(target).toMatchObject({ type: "target", x: -3, y: 27 });
    expect(source).toMatchObject({ type: "source", x: 197, y: 27 });
  });
});

describe("edge paths", () => {
  it("draws straight legs and rounded corners through every point", () => {
    const d = roundedPath([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
    ]);
    expect(d).toBe("M 0 0 L 92 0 Q 100 0 100 8 L 100 50");
    expect(roundedPath([])).toBe("");
    expect(
      midpoint([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 100 },
      ]),
    ).toEqual({ x: 10, y: 50 });
  });
});
