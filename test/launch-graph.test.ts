// The launch graph (issue 5, item 4): nodes for experiences, posts, blocks, agent answers and
// pages; launch / open-post / navigate edges; every cycle flagged with its shortest closing
// path. Cross-checked with the validator's launchLoop warning on generated projects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Project,
  type ProjectInput,
  project as projectSchema,
} from "../machines/format/schema.ts";
import { launchGraph } from "../machines/graph/launch-graph.ts";
import { validateText } from "../machines/validate/index.ts";
import { projectArb } from "./arbitraries.ts";

function example(name: string): Project {
  return projectSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, "..", "examples", name), "utf8")),
  );
}

/** Tours with one CTA each; `launches[id]` lists what that CTA launches. */
function tours(launches: Record<string, string[]>, extra: Partial<ProjectInput> = {}): Project {
  return projectSchema.parse({
    version: 1,
    ...extra,
    experiences: Object.entries(launches).map(([id, targets]) => ({
      id,
      type: "tour",
      status: "live",
      steps: targets.map((target, i) => ({
        id: `s${i}`,
        kind: "modal",
        ctas: [
          { id: "go", label: "Go", actions: [{ type: "launchExperience", experience: target }] },
        ],
      })),
    })),
  });
}

describe("launchGraph", () => {
  it("a → b → a is one cycle, closed by b's launch of a", () => {
    const graph = launchGraph(tours({ a: ["b"], b: ["a"], c: ["a"] }));
    expect(graph.cycles).toHaveLength(1);
    expect(graph.cycles[0].nodes).toEqual(["experience:a", "experience:b", "experience:a"]);
    expect(graph.cycles[0].closing).toBe("experience:b launch experience:a (s0/cta/go)");
  });

  it("takes the shortest cycle of a group, and a self-launch is a cycle", () => {
    // a → b → c → a and a shortcut c → a… plus b → a: the shortest is a → b → a.
    const graph = launchGraph(tours({ a: ["b"], b: ["c", "a"], c: ["a"], d: ["d"] }));
    const nodes = graph.cycles.map((c) => c.nodes);
    expect(nodes).toContainEqual(["experience:a", "experience:b", "experience:a"]);
    expect(nodes).toContainEqual(["experience:d", "experience:d"]);
    expect(graph.cycles).toHaveLength(2);
  });

  it("a same-tab navigation shows the automatic experiences its page matches", () => {
    const project = projectSchema.parse({
      version: 1,
      resourceCenter: {
        blocks: [
          { id: "b1", label: "Billing", actions: [{ type: "navigateTo", url: "/billing/plans" }] },
        ],
      },
      experiences: [
        {
          id: "plans",
          type: "tour",
          status: "live",
          showOn: { trigger: "auto", urls: ["/billing/*"] },
          steps: [],
        },
        {
          id: "manual",
          type: "tour",
          status: "live",
          showOn: { trigger: "manual", urls: ["/billing/*"] },
          steps: [],
        },
      ],
    });
    const graph = launchGraph(project);
    expect(graph.edges.map((e) => [e.from, e.kind, e.to])).toEqual([
      ["block:b1", "navigate", "page:/billing/plans"],
      ["page:/billing/plans", "shows", "experience:plans"],
    ]);
    expect(graph.nodes.map((n) => n.kind).sort()).toEqual([
      "block",
      "experience",
      "experience",
      "page",
    ]);
  });

  it("finds the agent example's loop through a post, a page and a tour", () => {
    const graph = launchGraph(example("agent.json"));
    expect(graph.cycles.map((c) => c.nodes[0])).toEqual(["answer:a-pricing"]);
    expect(graph.cycles[0].nodes).toContain("experience:plans-tour");
    expect(launchGraph(example("feature-banner.json")).cycles).toEqual([]);
  });

  it("every launchLoop the validator warns about is a cycle of the launch graph", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const warned = validateText(JSON.stringify(project)).diagnostics.filter(
          (d) => d.code === "launchLoop",
        );
        const grouped = launchGraph(project).cycles.map((c) => new Set(c.members));
        for (const warning of warned) {
          // "…in a loop: e0 → e1 → e0; …": every experience named is in one cycle group.
          const loop = /loop: ([^;]+);/.exec(warning.message)?.[1].split(" → ") ?? [];
          expect(loop.length).toBeGreaterThan(1);
          const found = grouped.some((g) => loop.every((id) => g.has(`experience:${id}`)));
          expect(found).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
