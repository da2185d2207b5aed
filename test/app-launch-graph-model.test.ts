// The launch graph view's pure parts: nodes by kind, edges labelled by kind and place, every
// cycle flagged (edges, closing edge, nodes) and written out for the list above the canvas,
// the focus on one cycle, and the layout input for the shared ELK worker.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { legibleZoom } from "../app/canvas/view-fit.ts";
import { framing, needsFraming } from "../app/launch-graph/frame.ts";
import { toLaunchEdges, toLaunchNodes } from "../app/launch-graph/launch-elements.ts";
import {
  cycleFocus,
  type LaunchModel,
  launchLayoutInput,
  launchLayoutKey,
  launchModel,
  layoutOrder,
} from "../app/launch-graph/launch-model.ts";
import { selfLoopPath } from "../app/launch-graph/self-loop.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";

function example(name: string): Project {
  return projectSchema.parse(JSON.parse(readFileSync(`examples/${name}.json`, "utf8")));
}

/** Tours with one CTA per launch target; `launches[id]` lists what that tour launches. */
function tours(launches: Record<string, string[]>): Project {
  return projectSchema.parse({
    version: 1,
    experiences: Object.entries(launches).map(([id, targets]) => ({
      id,
      name: id.toUpperCase(),
      type: "tour",
      status: "live",
      steps: [
        {
          id: "s0",
          kind: "modal",
          ctas: targets.map((target, i) => ({
            id: `go${i}`,
            label: "Go",
            actions: [{ type: "launchExperience", experience: target }],
          })),
        },
      ],
    })),
  });
}

const flagged = (model: LaunchModel) => model.edges.filter((e) => e.inCycle).map((e) => e.id);

describe("launchModel", () => {
  it("draws every kind of node of the agent example and its one cycle, in words", () => {
    const project = example("agent");
    const model = launchModel(project);
    const kinds = new Set(model.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(["answer", "automated", "experience", "page", "post"]);
    const tour = model.nodes.find((n) => n.id === "experience:plans-tour");
    expect(tour?.experience).toEqual({ id: "plans-tour", type: "tour", status: "live" });
    // Names come from the project: experiences by name, posts by title, answers by match.
    const post = project.posts.find((p) => p.id === "p-pricing-2026")?.title;
    const plans = `“${project.experiences.find((e) => e.id === "plans-tour")?.name}”`;
    expect(model.cycles).toHaveLength(1);
    expect(model.cycles[0].text).toBe(
      `Cycle: answer “pricing” → post “${post}” → /settings/billing/plans → ${plans} → ` +
        `answer “pricing” (closed by ${plans} asks answer “pricing” at plan-cards/cta/ask-agent)`,
    );
    expect(flagged(model)).toHaveLength(4);
    const closing = model.edges.filter((e) => e.closing);
    expect(closing.map((e) => e.id)).toEqual([model.cycles[0].closing]);
    expect(closing[0].label.startsWith("⟲ asks")).toBe(true);
    // The reports tour is launched by an answer but is on no cycle.
    expect(model.nodes.find((n) => n.id === "experience:reports-tour")?.inCycle).toBe(false);
  });

  it("labels edges by kind and where the action sits; no cycles in the resource center", () => {
    const model = launchModel(example("resource-center"));
    expect(model.cycles).toEqual([]);
    expect(flagged(model)).toEqual([]);
    const labels = model.edges.map((e) => e.fullLabel);
    expect(labels).toContain("launches · cta");
    expect(labels).toContain("opens · actions");
    expect(labels).toContain("navigates to · cta");
  });

  it("a → b → a is flagged, closed by b's launch of a; c → a is not", () => {
    const model = launchModel(tours({ a: ["b"], b: ["a"], c: ["a"] }));
    expect(model.cycles.map((c) => c.text)).toEqual([
      "Cycle: “A” → “B” → “A” (closed by “B” launches “A” at s0/cta/go0)",
    ]);
    expect(flagged(model)).toHaveLength(2);
    expect(model.edges.find((e) => e.source === "experience:c")?.inCycle).toBe(false);
    expect(model.nodes.filter((n) => n.inCycle).map((n) => n.id)).toEqual([
      "experience:a",
      "experience:b",
    ]);
  });

  it("flags every node and edge of a group, not only its shortest cycle", () => {
    // a → b → a is the shortest cycle; a → b → c → a is another one through the same group.
    const model = launchModel(tours({ a: ["b"], b: ["a", "c"], c: ["a"], d: ["a"] }));
    expect(model.cycles.map((c) => c.text)).toEqual([
      "Cycle: “A” → “B” → “A” (closed by “B” launches “A” at s0/cta/go0)",
    ]);
    expect(model.cycles[0].members).toEqual(["experience:a", "experience:b", "experience:c"]);
    const off = (id: string) => id === "experience:d";
    expect(model.nodes.filter((n) => n.inCycle).map((n) => n.id)).toEqual(
      model.nodes.map((n) => n.id).filter((id) => !off(id)),
    );
    expect(model.edges.filter((e) => e.inCycle)).toHaveLength(4);
    expect(model.edges.find((e) => off(e.source))?.inCycle).toBe(false);
    expect(model.edges.filter((e) => e.closing).map((e) => e.id)).toEqual([
      model.cycles[0].closing,
    ]);
    // Framing the cycles (not focused) takes every node of the group, d far away left out.
    const positions = Object.fromEntries(
      model.nodes.map((n, i) => [n.id, { x: off(n.id) ? 9000 : i * 260, y: 0 }]),
    );
    const frame = framing(model, positions, { width: 900, height: 300 }, null);
    expect(frame.nodes?.sort()).toEqual(model.cycles[0].members);
  });

  it("an experience that launches itself is a cycle drawn as a loop", () => {
    const model = launchModel(tours({ a: ["a"] }));
    expect(model.edges).toHaveLength(1);
    expect(model.edges[0]).toMatchObject({ selfLoop: true, inCycle: true, closing: true });
    const loop = selfLoopPath(200, 28, 0, 28);
    expect(loop.labelY).toBeLessThan(0);
    expect(loop.path.startsWith("M 200 28")).toBe(true);
    expect(loop.path.endsWith("0 28")).toBe(true);
  });

  it("marks a launch target the project lacks as missing", () => {
    const model = launchModel(tours({ a: ["ghost"] }));
    const ghost = model.nodes.find((n) => n.id === "experience:ghost");
    expect(ghost).toMatchObject({ missing: true, label: "ghost" });
    expect(ghost?.experience).toBeUndefined();
  });

  it("an empty project has nothing to draw", () => {
    const model = launchModel(projectSchema.parse({ version: 1, experiences: [] }));
    expect(model.nodes).toEqual([]);
    expect(model.edges).toEqual([]);
    expect(model.initial).toBe("");
  });

  it("focusing a cycle dims everything off it; the layout ignores the focus", () => {
    const model = launchModel(tours({ a: ["b"], b: ["a"], c: ["a"] }));
    const focus = cycleFocus(model, 0);
    expect(cycleFocus(model, null)).toBeNull();
    expect(cycleFocus(model, 5)).toBeNull();
    const positions = Object.fromEntries(model.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }]));
    const nodes = toLaunchNodes(model, positions, "c", focus);
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n.data]));
    expect(byId["experience:c"]).toMatchObject({ dim: true, focus: false, selected: true });
    expect(byId["experience:a"]).toMatchObject({ dim: false, focus: true, selected: false });
    const edges = toLaunchEdges(model, undefined, focus);
    const classes = Object.fromEntries(edges.map((e) => [e.source, e.className]));
    expect(classes["experience:c"]).toContain("is-dim");
    expect(classes["experience:b"]).toContain("is-closing");
    expect(classes["experience:b"]).toContain("is-focus");
    expect(toLaunchEdges(model, undefined, null).some((e) => e.className?.includes("dim"))).toBe(
      false,
    );
  });

  it("gives the layout every node box and labelled edge; the key follows the structure", () => {
    const model = launchModel(example("multi-action-cta"));
    const input = launchLayoutInput(model);
    expect(input.nodes.map((n) => n.id)).toEqual(model.nodes.map((n) => n.id));
    expect(input.edges.every((e) => (e.label?.width ?? 0) > 0)).toBe(true);
    expect(launchLayoutKey(launchModel(example("multi-action-cta")))).toBe(launchLayoutKey(model));
    expect(launchLayoutKey(launchModel(tours({ a: ["b"], b: [] })))).not.toBe(
      launchLayoutKey(launchModel(tours({ a: ["b"], b: ["a"] }))),
    );
  });
});

describe("framing", () => {
  // a → b → a (a cycle) and a long chain c → d → e → f → g beside it, laid out in a row.
  const model = launchModel(
    tours({ a: ["b"], b: ["a"], c: ["d"], d: ["e"], e: ["f"], f: ["g"], g: [] }),
  );
  const positions = Object.fromEntries(model.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }]));

  it("fits everything when it is legible", () => {
    expect(framing(model, positions, { width: 4000, height: 800 }, null).nodes).toBeNull();
  });

  it("frames the cycles when the whole graph would be too small to read", () => {
    const frame = framing(model, positions, { width: 900, height: 300 }, null);
    expect(frame.nodes?.sort()).toEqual(["experience:a", "experience:b"]);
    expect(frame.minZoom).toBe(legibleZoom);
  });

  it("frames the focused cycle, whatever the pane", () => {
    const frame = framing(model, positions, { width: 4000, height: 800 }, 0);
    expect(frame.nodes?.sort()).toEqual(["experience:a", "experience:b"]);
  });

  it("without cycles, keeps every node at a legible zoom", () => {
    const chain = launchModel(tours({ c: ["d"], d: ["e"], e: ["f"], f: [] }));
    const row = Object.fromEntries(chain.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }]));
    expect(framing(chain, row, { width: 300, height: 200 }, null)).toEqual({
      nodes: null,
      minZoom: legibleZoom,
    });
  });
});

describe("needsFraming", () => {
  it("frames a first layout, a new layout and a new focus, not an edit that keeps both", () => {
    const at = (layout: string, focused: number | null) => ({ layout, focused });
    expect(needsFraming(null, at("k", null))).toBe(true);
    expect(needsFraming(at("k", null), at("k", null))).toBe(false);
    expect(needsFraming(at("k", 0), at("k", 0))).toBe(false);
    expect(needsFraming(at("k", null), at("k2", null))).toBe(true);
    expect(needsFraming(at("k", null), at("k", 0))).toBe(true);
    expect(needsFraming(at("k", 0), at("k", null))).toBe(true);
  });
});

/** Whether `to` reaches `from` (so the edge from → to lies on some cycle). */
function reaches(edges: { source: string; target: string }[], start: string, goal: string) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node === goal) return true;
    for (const e of edges) {
      if (e.source === node && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
    }
  }
  return false;
}

describe("launchModel on random launch graphs", () => {
  const ids = ["a", "b", "c", "d", "e", "f"];
  const launches = fc.dictionary(
    fc.constantFrom(...ids),
    fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }),
    { minKeys: 1 },
  );

  it("flags exactly the edges and nodes on a cycle, each cycle a closed walk, and finds one when there is one", () => {
    fc.assert(
      fc.property(launches, (map) => {
        const defined = Object.keys(map);
        const filtered = Object.fromEntries(
          Object.entries(map).map(([id, targets]) => [
            id,
            targets.filter((t) => defined.includes(t)),
          ]),
        );
        const model = launchModel(tours(filtered));
        // An edge is flagged exactly when it lies on some cycle; a node when it is on one.
        for (const edge of model.edges) {
          expect(edge.inCycle).toBe(reaches(model.edges, edge.target, edge.source));
        }
        for (const node of model.nodes) {
          const onCycle = model.edges.some(
            (e) => e.source === node.id && reaches(model.edges, e.target, node.id),
          );
          expect(node.inCycle).toBe(onCycle);
        }
        for (const cycle of model.cycles) {
          const walk = cycle.edges.map((id) => model.edges.find((e) => e.id === id));
          walk.forEach((edge, i) => {
            const next = walk[(i + 1) % walk.length];
            expect(edge?.target).toBe(next?.source);
          });
          expect(cycle.closing).toBe(cycle.edges[cycle.edges.length - 1]);
          expect(cycle.text.startsWith("Cycle: ")).toBe(true);
        }
        // Laid out left to right: outside cycles, a source comes before what it launches.
        const order = layoutOrder(model).map((n) => n.id);
        expect([...order].sort()).toEqual(model.nodes.map((n) => n.id).sort());
        expect(model.initial).toBe(order[0]);
        for (const edge of model.edges) {
          if (reaches(model.edges, edge.target, edge.source)) continue;
          expect(order.indexOf(edge.source)).toBeLessThan(order.indexOf(edge.target));
        }
        const looping = model.edges.some((e) => reaches(model.edges, e.target, e.source));
        expect(model.cycles.length > 0).toBe(looping);
        expect(model.edges.filter((e) => e.closing)).toHaveLength(model.cycles.length);
      }),
      { numRuns: 150 },
    );
  });
});
