// The static flow graph (issue 5): nodes, one edge per way out of a step, answer classes,
// targets resolved like the engine lands them, and the same graph as an XState machine.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getShortestPaths, getSimplePaths } from "xstate/graph";
import { answerClasses, compileExperience, machineConfig } from "../machines/compile/index.ts";
import {
  type Project,
  type ProjectInput,
  project as projectSchema,
} from "../machines/format/schema.ts";
import { flowGraph } from "../machines/graph/flow-graph.ts";

const examples = join(import.meta.dirname, "..", "examples");

function example(name: string): Project {
  return projectSchema.parse(JSON.parse(readFileSync(join(examples, name), "utf8")));
}

/** A one-experience project from step inputs (not validated: the graph must not need it). */
function flow(
  steps: NonNullable<ProjectInput["experiences"]>[number]["steps"],
  extra: Partial<NonNullable<ProjectInput["experiences"]>[number]> = {},
  settings: ProjectInput["settings"] = undefined,
): Project {
  return projectSchema.parse({
    version: 1,
    ...(settings ? { settings } : {}),
    experiences: [
      { id: "f", type: "tour", status: "live", steps, ...extra },
      { id: "other", type: "tour", status: "live", steps: [{ id: "o1", kind: "modal" }] },
    ],
  });
}

function edge(project: Project, id: string) {
  const found = flowGraph(project, "f").edges.find((e) => e.id === id);
  if (!found) throw new Error(`no edge ${id}`);
  return found;
}

describe("flowGraph on the NPS example", () => {
  const graph = flowGraph(example("nps-survey.json"), "quarterly-nps");

  it("has every step, the three ends, and no launched node", () => {
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual([
      "score",
      "passive-reason",
      "tell-us-more",
      "thank-you",
      "book-call",
      "completed",
      "dismissed",
      "snoozed",
    ]);
    expect(graph.initial).toBe("score");
  });

  it("splits the NPS answers into the classes its conditions tell apart", () => {
    const score = graph.edges.filter((e) => e.from === "score");
    expect(score.map((e) => [e.id, e.via.label, e.answer, e.to])).toEqual([
      ["score/condition/promoters", "9–10", 9, "thank-you"],
      ["score/condition/detractors", "0–6", 0, "tell-us-more"],
      ["score/fallback", "7–8", 7, "passive-reason"],
      ["score/cross", "×", undefined, "dismissed"],
    ]);
  });

  it("a CTA whose list moves nothing is a self-loop that stays", () => {
    const book = graph.edges.find((e) => e.id === "book-call/cta/book");
    expect(book).toMatchObject({ from: "book-call", to: "book-call", stays: true });
    // The implied bookInterview of the primary CTA is part of what it fires.
    expect(book?.actions[0]).toEqual({ type: "bookInterview" });
  });
});

describe("static targets", () => {
  it("next past the last step completes; an id jumps; complete completes", () => {
    const p = flow([
      {
        id: "a",
        kind: "modal",
        ctas: [{ id: "jump", label: "J", actions: [{ type: "goToStep", step: "c" }] }],
      },
      {
        id: "b",
        kind: "modal",
        ctas: [{ id: "done", label: "D", actions: [{ type: "goToStep", step: "complete" }] }],
      },
      {
        id: "c",
        kind: "modal",
        ctas: [{ id: "next", label: "N", actions: [{ type: "goToStep", step: "next" }] }],
      },
    ]);
    expect(edge(p, "a/cta/jump").to).toBe("c");
    expect(edge(p, "b/cta/done").to).toBe("completed");
    expect(edge(p, "c/cta/next").to).toBe("completed");
  });

  it("a launch from a tour ends it as launched:<target>; from a hint it moves nothing", () => {
    const launch = [
      { type: "launchExperience" as const, experience: "other" },
      { type: "goToStep" as const, step: "next" },
    ];
    const tour = flow([
      { id: "a", kind: "modal", ctas: [{ id: "go", label: "Go", actions: launch }] },
      { id: "b", kind: "modal" },
    ]);
    expect(edge(tour, "a/cta/go").to).toBe("launched:other");
    expect(flowGraph(tour, "f").nodes.map((n) => n.id)).toContain("launched:other");
    const hint = flow(
      [
        {
          id: "a",
          kind: "hint",
          target: "#x",
          ctas: [{ id: "go", label: "Go", actions: [launch[0]] }],
        },
      ],
      {
        type: "hint",
      },
    );
    expect(edge(hint, "a/cta/go")).toMatchObject({ to: "a", stays: true });
  });

  it("lands goToStep and dismiss in latency order, then nominal order", () => {
    const steps = [
      {
        id: "a",
        kind: "modal" as const,
        ctas: [
          {
            id: "x",
            label: "X",
            actions: [
              { type: "dismiss" as const },
              { type: "goToStep" as const, step: "complete" },
            ],
          },
        ],
      },
    ];
    // Both 0 ms: goToStep lands first (nominal order), so the flow completes.
    expect(edge(flow(steps), "a/cta/x").to).toBe("completed");
    // goToStep slower: the dismiss lands first and the goToStep lands on nothing.
    expect(edge(flow(steps, {}, { latencyMs: { goToStep: 50 } }), "a/cta/x").to).toBe("dismissed");
  });

  it("snooze is `snoozed`; a cross with nothing in it stays", () => {
    const p = flow([
      { id: "a", kind: "modal", closingCross: [{ type: "snooze", hours: 24, maxTimes: 3 }] },
      { id: "b", kind: "modal", closingCross: [] },
    ]);
    expect(edge(p, "a/cross").to).toBe("snoozed");
    expect(edge(p, "b/cross")).toMatchObject({ to: "b", stays: true });
  });

  it("previous is a back edge to the step before, listing every step it may return to", () => {
    const back = {
      id: "back",
      label: "Back",
      actions: [{ type: "goToStep" as const, step: "previous" }],
    };
    const p = flow([
      {
        id: "a",
        kind: "modal",
        ctas: [back, { id: "skip", label: "S", actions: [{ type: "goToStep", step: "c" }] }],
      },
      {
        id: "b",
        kind: "modal",
        ctas: [back, { id: "next", label: "N", actions: [{ type: "goToStep", step: "next" }] }],
      },
      { id: "c", kind: "modal", ctas: [back] },
    ]);
    expect(edge(p, "c/cta/back")).toMatchObject({ to: "b", back: true, backTargets: ["a", "b"] });
    // Nothing leads to the first step: previous there does nothing.
    expect(edge(p, "a/cta/back")).toMatchObject({ to: "a", stays: true });
    expect(edge(p, "a/cta/back").back).toBeUndefined();
  });
});

describe("answer classes", () => {
  it("a huge scale range is split at the condition bounds only", () => {
    const classes = answerClasses({
      id: "s",
      kind: "scale",
      question: { min: -1_000_000_000, max: 1_000_000_000 },
      conditions: [
        { id: "low", if: { lt: 0 }, actions: [] },
        { id: "zero", if: { equals: 0 }, actions: [] },
        { id: "never", if: { between: [-5, -1] }, actions: [] },
      ],
      ctas: [],
      triggers: [],
    });
    expect(classes.map((c) => [c.condition?.id ?? "fallback", c.label, c.answer])).toEqual([
      ["low", "-1000000000–-1", -1_000_000_000],
      ["zero", "0", 0],
      ["fallback", "1–1000000000", 1],
    ]);
  });

  it("choice options group by the first condition they meet; unreachable classes are left out", () => {
    const classes = answerClasses({
      id: "c",
      kind: "choice",
      question: { options: ["A", "B", "C"] },
      conditions: [
        { id: "ab", if: { anyOf: ["A", "B"] }, actions: [] },
        { id: "shadowed", if: { anyOf: ["B"] }, actions: [] },
      ],
      ctas: [],
      triggers: [],
    });
    expect(classes.map((c) => [c.condition?.id ?? "fallback", c.label])).toEqual([
      ["ab", "A, B"],
      ["fallback", "C"],
    ]);
  });

  it("multiChoice and text classes each have an answer that reaches them", () => {
    const multi = answerClasses({
      id: "m",
      kind: "multiChoice",
      question: { options: ["A", "B", "C"] },
      conditions: [
        { id: "both", if: { allOf: ["A", "B"] }, actions: [] },
        { id: "a", if: { anyOf: ["A"] }, actions: [] },
      ],
      ctas: [],
      triggers: [],
    });
    expect(multi.map((c) => [c.condition?.id ?? "fallback", c.answer])).toEqual([
      ["both", ["A", "B"]],
      ["a", ["A"]],
      ["fallback", ["C"]],
    ]);
    const text = answerClasses({
      id: "t",
      kind: "text",
      conditions: [
        { id: "empty", if: { filled: false }, actions: [] },
        { id: "bug", if: { contains: "bug" }, actions: [] },
      ],
      ctas: [],
      triggers: [],
    });
    expect(text.map((c) => [c.condition?.id ?? "fallback", c.answer])).toEqual([
      ["empty", ""],
      ["bug", "bug"],
      ["fallback", "answer"],
    ]);
  });
});

describe("the compiled machine is the graph", () => {
  it("xstate/graph reaches the same nodes as the graph, and counts the same simple paths", () => {
    const p = example("nps-survey.json");
    const graph = flowGraph(p, "quarterly-nps");
    const machine = compileExperience(p, "quarterly-nps");
    const reached = getShortestPaths(machine).map((path) => String(path.state.value));
    const targets = new Set([graph.initial, ...graph.edges.map((e) => e.to)]);
    expect(new Set(reached)).toEqual(targets);
    const toEnds = getSimplePaths(machine).filter((path) => path.state.status === "done");
    // NPS: 4 paths to completed and 6 to dismissed (each path ends with one end edge).
    expect(toEnds.length).toBe(10);
  });

  it("guards previous on the visit history, and keeps stays edges without a target", () => {
    const p = example("onboarding-tour.json");
    const config = machineConfig(p, "workspace-onboarding");
    const back = config.states["create-project"].on?.["create-project/cta/back"];
    expect(back).toEqual([
      expect.objectContaining({
        target: "welcome",
        guard: { type: "cameFrom", params: { step: "welcome" } },
        actions: [{ type: "back" }],
      }),
    ]);
    const nps = machineConfig(example("nps-survey.json"), "quarterly-nps");
    const book = nps.states["book-call"].on?.["book-call/cta/book"];
    expect(book && !Array.isArray(book) && book.target).toBeUndefined();
  });
});
