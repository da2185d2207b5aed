// The race explorer (issue 5, item 2): every completion order of a list's landings, grouped
// by outcome. Checked against the engine run on EVERY order (brute force) for small lists,
// on a seeded racy CTA, and on the multi-action example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { racyProjectInput, sevenRacingActions } from "../bench/generate.ts";
import { createSimulation } from "../machines/engine/index.ts";
import { raceLists } from "../machines/explore/race-lists.ts";
import { exploreFired, exploreRaces, replayOrder } from "../machines/explore/races.ts";
import { type Action, type Project, project as projectSchema } from "../machines/format/schema.ts";

function example(name: string): Project {
  const file = join(import.meta.dirname, "..", "examples", name);
  return projectSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

const racyProject = (actions: Action[]): Project => projectSchema.parse(racyProjectInput(actions));
const seven = sevenRacingActions as Action[];

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

/** Every order run by the engine: outcome (as JSON) → number of orders. */
function bruteForce(project: Project, listId: string): Map<string, number> {
  const list = raceLists(project).lists.find((l) => l.id === listId);
  if (!list) throw new Error(`no list ${listId}`);
  const simulation = createSimulation(project, list.setup);
  for (const step of list.steps) simulation.run(step);
  const snapshot = simulation.snapshot();
  const pending = [...snapshot.world.pending].sort((a, b) => a.due - b.due || a.seq - b.seq);
  const before = snapshot.world.effects.length;
  const counts = new Map<string, number>();
  for (const order of permutations(pending.length)) {
    const result = replayOrder(project, snapshot, pending, order);
    const key = JSON.stringify({
      page: result.page.url,
      experiences: Object.fromEntries(
        Object.entries(result.experiences).map(([id, s]) => [
          id,
          { status: s.status, step: s.step },
        ]),
      ),
      effects: result.effects
        .slice(before)
        .map((e) => JSON.stringify(e))
        .sort(),
    });
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe("races", () => {
  it("the seeded racy CTA: runJs before the launch lets the pro tour show, after it not", () => {
    const report = exploreRaces(racyProject(seven));
    expect(report.racy).toHaveLength(1);
    const [list] = report.racy;
    expect(list.orders).toBe(5040);
    expect(list.differs).toEqual(["experiences.pro-tour"]);
    expect(list.outcomes.map((o) => o.orders)).toEqual([2520, 2520]);
    const shown = list.outcomes.find((o) => o.outcome.experiences["pro-tour"].status === "active");
    const idle = list.outcomes.find((o) => o.outcome.experiences["pro-tour"].status === "idle");
    const precedes = (order: string[], a: string, b: string) => order.indexOf(a) < order.indexOf(b);
    expect(shown && precedes(shown.order, "runJs", "launchExperience")).toBe(true);
    expect(idle && precedes(idle.order, "launchExperience", "runJs")).toBe(true);
    // The launch dismissed the tour when it fired, whatever the order.
    for (const o of list.outcomes) expect(o.outcome.experiences.tour.status).toBe("dismissed");
  });

  it("a navigation landing before a launch interrupts it (multi-action example)", () => {
    const report = exploreRaces(example("multi-action-cta.json"));
    const list = report.racy.find((r) => r.id === "profile-nudge/nudge/cta/complete-profile");
    expect(
      list?.outcomes.map((o) => [o.orders, o.outcome.experiences["profile-tour"].status]),
    ).toEqual([
      [3, "active"],
      [3, "idle"],
    ]);
    const interrupted = list?.outcomes.find(
      (o) => o.outcome.experiences["profile-tour"].status === "idle",
    );
    expect(interrupted?.order.indexOf("navigateTo")).toBeLessThan(
      interrupted?.order.indexOf("launchExperience") ?? -1,
    );
  });

  it.each([
    ["launch, runJs, navigate", [seven[1], seven[4], seven[5]]],
    ["goToStep, runJs, navigate, snooze", [seven[0], seven[4], seven[5], seven[6]]],
    ["launch, post, agent, runJs, navigate", [seven[1], seven[2], seven[3], seven[4], seven[5]]],
    [
      "dismiss then goToStep complete",
      [{ type: "dismiss" }, { type: "goToStep", step: "complete" }],
    ],
  ] as [string, Action[]][])(
    "%s: the explorer's groups are the engine's over every order",
    (_name, actions) => {
      const project = racyProject(actions);
      const brute = bruteForce(project, "tour/a/cta/go");
      const list = raceLists(project).lists.find((l) => l.id === "tour/a/cta/go");
      if (!list) throw new Error("no list");
      const simulation = createSimulation(project, list.setup);
      for (const step of list.steps) simulation.run(step);
      const explored = exploreFired(project, simulation.snapshot(), {
        id: list.id,
        context: "cta",
      });
      const counts = new Map(
        explored.outcomes.map((o) => [
          JSON.stringify({
            page: o.outcome.page,
            experiences: o.outcome.experiences,
            effects: o.outcome.effects.map((e) => JSON.stringify(e)).sort(),
          }),
          o.orders,
        ]),
      );
      expect(counts).toEqual(brute);
      expect(explored.modelDiffered).toBe(false);
    },
  );

  it("lists whose actions cannot interfere are calm", () => {
    const project = racyProject([
      { type: "openPost", post: "p1" },
      { type: "runJs", code: "track()" },
      { type: "navigateTo", url: "https://docs.acme.io", openIn: "newTab" },
    ]);
    const report = exploreRaces(project);
    expect(report.racy).toEqual([]);
    expect(report.calm).toContain("tour/a/cta/go");
  });

  it("7 actions (5,040 orders) are explored quickly", () => {
    const project = racyProject(seven);
    exploreRaces(project);
    const started = performance.now();
    exploreRaces(project);
    // The bench holds the 50 ms target; here only a generous bound against regressions.
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("races on lists that share their route", () => {
  /** A tour of `n` steps, each with a CTA that goes on and opens a post at once. */
  function chainTour(n: number): Project {
    const steps = Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      kind: "modal",
      ctas: [
        {
          id: "go",
          label: "Go",
          actions: [
            { type: "openPost", post: "p1" },
            { type: "goToStep", step: i === n - 1 ? "complete" : "next" },
          ],
        },
      ],
    }));
    return projectSchema.parse({
      version: 1,
      posts: [{ id: "p1", title: "P" }],
      experiences: [{ id: "t", type: "tour", status: "live", steps }],
    });
  }

  it("the report equals each list fired from scratch (the shared-route reuse changes nothing)", () => {
    for (const project of [chainTour(12), example("multi-action-cta.json")]) {
      const report = exploreRaces(project);
      const fresh = raceLists(project).lists.map((list) => {
        const simulation = createSimulation(project, list.setup);
        for (const step of list.steps) simulation.run(step);
        return exploreFired(project, simulation.snapshot(), {
          id: list.id,
          context: list.context,
          ...(list.experience ? { experience: list.experience } : {}),
        });
      });
      const racy = fresh.filter((r) => r.outcomes.length > 1);
      expect(report.racy).toEqual(racy);
      expect(report.checked).toBe(fresh.length);
    }
  });
});
