// A checklist's graph (issue 12, "Checklists on the canvas"): read off its compiled machine,
// whose task transitions say what each task opens; tasks are nodes, what they open and the
// ends are edges. The step-flow graph the explorers read is unchanged for a checklist.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { machineConfig } from "../machines/compile/index.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import { checklistGraph, flowGraph, taskNodeId } from "../machines/graph/index.ts";

const examples = join(import.meta.dirname, "..", "examples");

function example(name: string): Project {
  return projectSchema.parse(JSON.parse(readFileSync(join(examples, name), "utf8")));
}

/** A project with one checklist (not validated: the graph must not need it). */
function checklist(tasks: unknown[], order: "any" | "inOrder" = "any"): Project {
  return projectSchema.parse({
    version: 1,
    posts: [{ id: "p.1", title: "Release notes" }],
    experiences: [
      { id: "list", type: "checklist", status: "live", tasks, checklist: { order } },
      { id: "tour", type: "tour", status: "live", steps: [{ id: "s1", kind: "modal" }] },
    ],
  });
}

describe("the compiled checklist says what each task opens", () => {
  it("a launch, a post, a page or a new tab; anything else opens nothing drawn", () => {
    const project = checklist([
      {
        id: "t1",
        label: "One",
        actions: [
          { type: "launchExperience", experience: "tour" },
          { type: "navigateTo", url: "/users/{userId}", openIn: "newTab" },
        ],
      },
      {
        id: "t2",
        label: "Two",
        actions: [{ type: "openPost", post: "p.1" }, { type: "launchAgent" }],
      },
    ]);
    const on = machineConfig(project, "list").states.open.on ?? {};
    const opens = (event: string) => {
      const transition = on[event];
      return (Array.isArray(transition) ? transition[0] : transition).meta?.opens;
    };
    expect(opens("task/t1")).toEqual([
      { kind: "launch", experience: "tour" },
      // The URL as written: no user is known when the machine is compiled.
      { kind: "page", url: "/users/{userId}", newTab: true },
    ]);
    expect(opens("task/t2")).toEqual([
      { kind: "post", post: "p.1" },
      { kind: "other", action: "launchAgent" },
    ]);
    expect(machineConfig(project, "list").states.open.meta).toEqual({
      checklist: { order: "any" },
    });
  });
});

describe("checklistGraph on the getting-started example", () => {
  const project = example("getting-started-checklist.json");
  const graph = checklistGraph(project, "getting-started");
  if (!graph) throw new Error("no checklist graph");

  it("draws the checklist, its five tasks, what they open, and the ends", () => {
    expect(graph.initial).toBe("open");
    expect(graph.nodes.map((n) => n.id)).toEqual([
      "open",
      "task:t-create-project",
      "task:t-import-data",
      "task:t-connect-slack",
      "task:t-automations",
      "task:t-recipes",
      "launched:create-project-tour",
      "post:p-import-guide",
      "page:~%2Fsettings%2Fintegrations%2Fslack",
      "launched:automations-tour",
      "post:p-automation-recipes",
      "completed",
      "dismissed",
    ]);
    expect(graph.nodes[1]).toMatchObject({
      kind: "task",
      task: "t-create-project",
      label: "Create your first project",
      index: 0,
    });
  });

  it("a task is reached by its own machine event; what it opens hangs off it", () => {
    const from = (id: string) => graph.edges.filter((e) => e.from === id);
    expect(from("open").map((e) => [e.id, e.to, e.kind])).toEqual([
      ["task/t-create-project", "task:t-create-project", "task"],
      ["task/t-import-data", "task:t-import-data", "task"],
      ["task/t-connect-slack", "task:t-connect-slack", "task"],
      ["task/t-automations", "task:t-automations", "task"],
      ["task/t-recipes", "task:t-recipes", "task"],
      ["done", "completed", "done"],
      ["close", "dismissed", "close"],
    ]);
    expect(from(taskNodeId("t-create-project"))).toEqual([
      {
        id: "task/t-create-project/opens/0",
        from: "task:t-create-project",
        to: "launched:create-project-tour",
        kind: "launch",
        task: "t-create-project",
      },
    ]);
    expect(from(taskNodeId("t-connect-slack")).map((e) => e.kind)).toEqual(["page"]);
  });

  it("leaves the step-flow graph of a checklist empty: paths have nothing to walk", () => {
    const flow = flowGraph(project, "getting-started");
    expect(flow.nodes.filter((n) => n.kind === "step")).toEqual([]);
    expect(flow.edges).toEqual([]);
    expect(checklistGraph(project, "create-project-tour")).toBeUndefined();
  });
});

describe("checklistGraph on odd checklists", () => {
  it("ids are data: a task named like an end or a prototype key stays a task", () => {
    const graph = checklistGraph(
      checklist([
        { id: "completed", label: "Done?", actions: [] },
        { id: "__proto__", label: "Proto", actions: [{ type: "openPost", post: "p.1" }] },
      ]),
      "list",
    );
    const tasks = graph?.nodes.filter((n) => n.kind === "task").map((n) => [n.id, n.task]);
    expect(tasks).toEqual([
      ["task:~completed", "completed"],
      ["task:~__proto__", "__proto__"],
    ]);
    expect(graph?.edges.find((e) => e.kind === "post")).toMatchObject({
      from: "task:~__proto__",
      to: "post:~p%2E1",
    });
  });

  it("two tasks opening the same post share its node; an unknown action stays on its task", () => {
    const graph = checklistGraph(
      checklist(
        [
          { id: "a", label: "A", actions: [{ type: "openPost", post: "p.1" }] },
          {
            id: "b",
            label: "B",
            actions: [
              { type: "openPost", post: "p.1" },
              { type: "runJs", code: "x" },
            ],
          },
        ],
        "inOrder",
      ),
      "list",
    );
    expect(graph?.nodes.filter((n) => n.kind === "post")).toHaveLength(1);
    expect(graph?.edges.filter((e) => e.to === "post:~p%2E1").map((e) => e.from)).toEqual([
      "task:a",
      "task:b",
    ]);
    expect(graph?.nodes.find((n) => n.id === "task:b")).toMatchObject({ stays: ["runJs"] });
    expect(graph?.nodes[0]).toMatchObject({ kind: "checklist", order: "inOrder", tasks: 2 });
  });

  it("a checklist without tasks never completes: only its close cross leads out", () => {
    const graph = checklistGraph(checklist([]), "list");
    expect(graph?.nodes.map((n) => n.id)).toEqual(["open", "dismissed"]);
    expect(graph?.edges.map((e) => e.kind)).toEqual(["close"]);
  });
});
