// The canvas as a workbench (issue 12): a checklist drawn as tasks, a message where there is
// nothing to draw, the selection a click or Enter makes and the one it highlights, the route
// handles of CTAs and conditions, the keyboard's nearest node, the names a screen reader
// hears, and Fit View never shrinking text below the readable zoom.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { edgeSelection, highlightOf, nodeSelection } from "../app/canvas/canvas-selection.ts";
import { checklistModel } from "../app/canvas/checklist-model.ts";
import { drawnExperience } from "../app/canvas/drawn-experience.ts";
import {
  dropHandleId,
  listHandleId,
  parseListHandle,
  stepHandles,
  toFlowEdges,
  toFlowNodes,
  withFocus,
} from "../app/canvas/flow-elements.ts";
import { frameFlow } from "../app/canvas/framing.ts";
import { type CanvasModel, canvasModel, type StepNodeData } from "../app/canvas/graph-model.ts";
import { nearestInDirection } from "../app/canvas/keyboard-nav.ts";
import { nodeDescriptions, nodeName } from "../app/canvas/node-words.ts";
import { runMarks } from "../app/canvas/run-marks.ts";
import { readableZoom } from "../app/canvas/view-fit.ts";
import { createSessionStore } from "../app/session/store.ts";
import { uiBenchProject } from "../bench/ui-project.ts";
import { checklistGraph, flowGraph } from "../machines/graph/index.ts";
import { validateText } from "../machines/validate/index.ts";

const example = (name: string) => readFileSync(`examples/${name}.json`, "utf8");
const projectOf = (text: string) => {
  const project = validateText(text).project;
  if (!project) throw new Error("invalid example");
  return project;
};

function modelOf(name: string, experience: string): CanvasModel {
  const drawn = drawnExperience(projectOf(example(name)), experience);
  if (!("model" in drawn)) throw new Error(drawn.message);
  return drawn.model;
}

describe("a checklist on the canvas", () => {
  const model = modelOf("getting-started-checklist", "getting-started");

  it("draws its tasks as nodes, with what each opens named on its edge", () => {
    expect(model.kind).toBe("checklist");
    const tasks = model.nodes.filter((n) => n.data.kind === "task").map((n) => n.data);
    expect(tasks.map((t) => t.kind === "task" && t.label)).toEqual([
      "Create your first project",
      "Import your existing work",
      "Connect Slack",
      "Set up your first automation",
      "Browse automation recipes",
    ]);
    const byId = new Map(model.edges.map((e) => [e.id, e]));
    expect(byId.get("task/t-create-project/opens/0")).toMatchObject({
      target: "launched:create-project-tour",
      label: "launches",
    });
    expect(byId.get("task/t-import-data/opens/0")?.label).toBe("opens the post");
    expect(byId.get("done")).toMatchObject({ target: "completed", label: "every task done" });
    // The edge into a task carries no label on the canvas (the task says it), only a name.
    expect(byId.get("task/t-recipes")).toMatchObject({
      label: "",
      fullLabel: "click “Browse automation recipes”",
    });
    const post = model.nodes.find((n) => n.id === "post:p-import-guide")?.data;
    expect(post).toEqual({
      kind: "opened",
      opened: "post",
      name: "Import your data from Jira, Asana or a CSV",
    });
  });

  it("marks the checklist on screen, the tasks done and what they opened", () => {
    const store = createSessionStore({ debounceMs: 0 });
    store.openDocument("list", example("getting-started-checklist"));
    // The persona starts on /dashboard, where the checklist shows.
    const clicked = store.run({
      do: "task",
      experience: "getting-started",
      task: "t-create-project",
    });
    expect(clicked).toEqual({ ok: true });
    const { world, moments, cursor } = store.getState();
    const marks = runMarks(model, world, moments, cursor);
    expect(marks.current).toBe("open");
    expect(marks.lastEdge).toBe("task/t-create-project");
    expect([...marks.visitedEdges].sort()).toEqual([
      "task/t-create-project",
      "task/t-create-project/opens/0",
    ]);
    expect(marks.visitedNodes.has("task:t-create-project")).toBe(true);
    expect(marks.visitedNodes.has("launched:create-project-tour")).toBe(true);
    expect(marks.visitedNodes.has("task:t-recipes")).toBe(false);
  });

  it("numbers the tasks only when they must be done in order", () => {
    const project = projectOf(example("getting-started-checklist"));
    const graph = checklistGraph(project, "getting-started");
    if (!graph) throw new Error("no graph");
    const anyOrder = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.kind === "checklist" ? { ...n, order: "any" as const } : n)),
    };
    const position = (m: CanvasModel) =>
      m.nodes.map((n) => n.data).find((d) => d.kind === "task" && d.taskId === "t-recipes");
    // The example's tasks are done in order.
    expect(position(checklistModel(graph, project))).toMatchObject({ position: 5 });
    expect(position(checklistModel(anyOrder, project))).not.toHaveProperty("position");
  });
});

describe("nothing to draw says so", () => {
  it("a flow without steps gets a message, not a blank canvas", () => {
    const project = projectOf(
      JSON.stringify({
        version: 1,
        experiences: [{ id: "empty", name: "Empty tour", type: "tour", status: "draft" }],
      }),
    );
    expect(drawnExperience(project, "empty")).toEqual({
      message: "“Empty tour” has no steps yet: add a step to draw its flow.",
    });
    expect(drawnExperience(project, "nope")).toEqual({
      message: "This project has no experience to draw.",
    });
  });
});

describe("selection", () => {
  const model = modelOf("nps-survey", "quarterly-nps");
  const data = (id: string) => {
    const found = model.nodes.find((n) => n.id === id);
    if (!found) throw new Error(`no node ${id}`);
    return found.data;
  };
  const edge = (id: string) => {
    const found = model.edges.find((e) => e.id === id);
    if (!found) throw new Error(`no edge ${id}`);
    return found;
  };

  it("a step selects itself; an end selects nothing", () => {
    expect(nodeSelection(model, data("score"))).toEqual({
      kind: "step",
      experience: "quarterly-nps",
      step: "score",
    });
    expect(nodeSelection(model, data("dismissed"))).toBeUndefined();
  });

  it("a route selects its step's list, from the edge's cause", () => {
    expect(edgeSelection(model, edge("score/condition/promoters"))).toEqual({
      kind: "route",
      experience: "quarterly-nps",
      step: "score",
      source: { kind: "condition", id: "promoters" },
      edge: "score/condition/promoters",
    });
    expect(edgeSelection(model, edge("score/fallback"))).toMatchObject({
      source: { kind: "fallback" },
    });
    expect(edgeSelection(model, edge("score/cross"))).toMatchObject({ source: { kind: "cross" } });
  });

  it("highlights what the selection names on this experience only", () => {
    const step = { kind: "step", experience: "quarterly-nps", step: "thank-you" } as const;
    expect(highlightOf(model, step)).toEqual({ node: "thank-you", edge: null });
    expect(highlightOf(model, { ...step, experience: "other" })).toEqual({
      node: null,
      edge: null,
    });
    const route = edgeSelection(model, edge("score/cross")) ?? null;
    expect(highlightOf(model, route)).toEqual({ node: null, edge: "score/cross" });
    expect(highlightOf(model, null)).toEqual({ node: null, edge: null });
  });

  it("a checklist's task, or an edge of it, selects the task", () => {
    const list = modelOf("getting-started-checklist", "getting-started");
    const task = list.nodes.find((n) => n.id === "task:t-connect-slack");
    if (!task) throw new Error("no task");
    const selected = nodeSelection(list, task.data);
    expect(selected).toEqual({
      kind: "task",
      experience: "getting-started",
      task: "t-connect-slack",
    });
    const opens = list.edges.find((e) => e.id === "task/t-connect-slack/opens/0");
    if (!opens) throw new Error("no edge");
    expect(edgeSelection(list, opens)).toEqual(selected);
    expect(highlightOf(list, selected ?? null)).toEqual({
      node: "task:t-connect-slack",
      edge: null,
    });
  });

  it("marks the selected node and edge, and gives Tab one node only", () => {
    const nodes = toFlowNodes(model, {}, runMarks(model, null, [], 0), { roving: true });
    const edges = toFlowEdges(model, runMarks(model, null, [], 0), undefined, { roving: true });
    const focused = withFocus(nodes, edges, {
      selectedNode: "score",
      selectedEdge: "score/cross",
      tabStop: "thank-you",
    });
    const tabbable = focused.nodes.filter((n) => n.domAttributes?.tabIndex === 0);
    expect(tabbable.map((n) => n.id)).toEqual(["thank-you"]);
    expect(focused.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["score"]);
    expect(focused.edges.filter((e) => e.selected).map((e) => e.id)).toEqual(["score/cross"]);
    // Routes are reached from their node, never by Tab on their own.
    expect(focused.edges.every((e) => e.domAttributes?.tabIndex === -1)).toBe(true);
    // Untouched nodes stay the same objects: xyflow re-reads only the changed ones.
    const untouched = focused.nodes.filter((n) => n.id === "tell-us-more");
    expect(untouched[0]).toBe(nodes.find((n) => n.id === "tell-us-more"));
  });
});

describe("route handles", () => {
  it("one source handle per CTA and condition listed on the step, after the two anchors", () => {
    const model = modelOf("nps-survey", "quarterly-nps");
    const thanks = model.nodes.find((n) => n.id === "thank-you");
    if (thanks?.data.kind !== "step") throw new Error("no thank-you step");
    const ctaHandles = stepHandles(thanks.data, thanks.width, thanks.height).slice(3);
    expect(ctaHandles.map((h) => [h.id, h.type])).toEqual([
      [listHandleId("cta", 0), "source"],
      [listHandleId("cta", 1), "source"],
    ]);
    const score = model.nodes.find((n) => n.id === "score");
    if (score?.data.kind !== "step") throw new Error("no score step");
    expect(score.data.conditions).toEqual([
      { id: "promoters", label: "answer 9–10" },
      { id: "detractors", label: "answer 0–6" },
    ]);
    const handles = stepHandles(score.data, score.width, score.height);
    // Edges use the first target and source handles: the anchors stay first.
    expect(handles.slice(0, 2).map((h) => [h.type, h.id])).toEqual([
      ["target", null],
      ["source", null],
    ]);
    expect(handles.map((h) => h.id).slice(2)).toEqual([
      dropHandleId,
      listHandleId("condition", 0),
      listHandleId("condition", 1),
    ]);
    // Rows top to bottom, inside the card.
    const ys = handles.slice(3).map((h) => h.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (const y of ys) expect(y).toBeLessThan(score.height);
  });

  it("reads a handle id back to its list; other handles are no list", () => {
    expect(parseListHandle(listHandleId("condition", 3))).toEqual({ kind: "condition", index: 3 });
    expect(parseListHandle(dropHandleId)).toBeUndefined();
    expect(parseListHandle(null)).toBeUndefined();
  });

  it("lists CTAs by id and label, so a drag names the CTA whatever its label", () => {
    const model = modelOf("multi-action-cta", "profile-nudge");
    const nudge = model.nodes.find((n) => n.id === "nudge")?.data as StepNodeData;
    expect(nudge.ctas).toEqual([
      { id: "complete-profile", label: "Complete my profile" },
      { id: "later", label: "Later" },
    ]);
  });
});

describe("keyboard: the nearest node in a direction", () => {
  const box = (id: string) => ({ id, width: 100, height: 50 });
  const boxes = ["a", "b", "c", "d", "e"].map(box);
  //  a(0,0)  b(200,0)  d(400,0)
  //          c(200,150)
  //  e(0, 400)
  const positions = {
    a: { x: 0, y: 0 },
    b: { x: 200, y: 0 },
    c: { x: 200, y: 150 },
    d: { x: 400, y: 0 },
    e: { x: 0, y: 400 },
  };

  it("moves straight ahead before off to the side, and stops at the edge", () => {
    expect(nearestInDirection("a", "right", boxes, positions)).toBe("b");
    expect(nearestInDirection("b", "right", boxes, positions)).toBe("d");
    expect(nearestInDirection("b", "down", boxes, positions)).toBe("c");
    expect(nearestInDirection("c", "up", boxes, positions)).toBe("b");
    expect(nearestInDirection("c", "left", boxes, positions)).toBe("a");
    expect(nearestInDirection("a", "down", boxes, positions)).toBe("e");
    expect(nearestInDirection("a", "left", boxes, positions)).toBeUndefined();
    expect(nearestInDirection("nowhere", "left", boxes, positions)).toBeUndefined();
  });
});

describe("what a screen reader hears", () => {
  it("names a node by its id, kind and title, and describes its routes", () => {
    const model = modelOf("nps-survey", "quarterly-nps");
    const score = model.nodes.find((n) => n.id === "score");
    if (!score) throw new Error("no score");
    expect(nodeName(score.data)).toMatch(/^Step score, nps/);
    const described = nodeDescriptions(model).get("score");
    expect(described).toContain("answer 9–10 to step thank-you");
    expect(described).toContain("× to dismissed");
    const nodes = toFlowNodes(model, {}, runMarks(model, null, [], 0));
    const node = nodes.find((n) => n.id === "score");
    expect(node?.ariaLabel).toBe(nodeName(score.data));
    expect(node?.domAttributes?.["aria-description"]).toBe(described);
  });
});

describe("Fit View keeps text readable", () => {
  function fakeFlow() {
    const calls: { nodes?: { id: string }[]; minZoom?: number; maxZoom?: number }[] = [];
    return {
      calls,
      fitView: (options?: (typeof calls)[number]) => {
        calls.push(options ?? {});
        return Promise.resolve(true);
      },
      getInternalNode: () => undefined,
      getViewport: () => ({ x: 0, y: 0, zoom: 1 }),
      setCenter: () => Promise.resolve(true),
    };
  }

  it("fits a small flow whole, and frames the first steps of a big one at a readable zoom", () => {
    const pane = { width: 900, height: 500 };
    const small = modelOf("nps-survey", "quarterly-nps");
    const spread = (m: CanvasModel) =>
      Object.fromEntries(m.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }]));
    const flowA = fakeFlow();
    frameFlow(flowA as never, small, { score: { x: 0, y: 0 } }, pane, small.initial);
    expect(flowA.calls[0].nodes).toBeUndefined();

    const bigProject = projectOf(uiBenchProject(40));
    const big = canvasModel(flowGraph(bigProject, "big-tour"), bigProject);
    const flowB = fakeFlow();
    frameFlow(flowB as never, big, spread(big), pane, big.initial);
    const [call] = flowB.calls;
    expect(call.minZoom).toBeGreaterThanOrEqual(readableZoom);
    expect(call.nodes?.map((n) => n.id)).toContain(big.initial);
    expect(call.nodes?.length).toBeLessThan(big.nodes.length);
  });
});
