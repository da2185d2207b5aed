// Property tests of the path explorer on generated projects (test/arbitraries.ts): the
// counts bound the listed simple paths from above, and equal them when the flow has no cycle;
// the greedy coverage takes every transition the first step reaches, except on steps a URL
// trigger leaves the moment they show (checked against an independent search).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../machines/engine/index.ts";
import { countPaths } from "../machines/explore/count.ts";
import { coverage } from "../machines/explore/coverage.ts";
import { indexGraph } from "../machines/explore/graph-index.ts";
import { coverageForm, expandCoverage } from "../machines/explore/path-forms.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { scriptSetup, urlForPattern } from "../machines/explore/script-setup.ts";
import { urlOf as navigateUrl, PathTree } from "../machines/explore/walker.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import {
  type FlowEdge,
  type FlowGraph,
  flowGraph,
  stepNodeId,
} from "../machines/graph/flow-graph.ts";
import { matchesPage } from "../machines/model/glob.ts";
import { projectArb } from "./arbitraries.ts";

const limit = 500;

const urlOf = (edge: FlowEdge) => (edge.via.on && "url" in edge.via.on ? edge.via.on.url : null);

/**
 * An oracle independent of the greedy walks: the steps a user can stay on, found by a
 * breadth-first search over (node, page). A step entered on a page one of its URL triggers
 * matches is left at once by the first such trigger (the engine fires it); on any other page
 * the user can take each of its edges. It under-approximates, which only makes the check
 * below more lenient: `previous` edges are left out (no stack), and so is a move whose
 * target's URL trigger fires before the same-tab navigation of its list lands.
 */
function stableSteps(graph: FlowGraph, start: string): Set<string> {
  const patterns = graph.edges.flatMap((e) => urlOf(e) ?? []);
  const stable = new Set<string>();
  const seen = new Set<string>();
  const queue: [string, string][] = [];
  const visit = (node: string, page: string) => {
    const key = `${node} ${page}`;
    if (seen.has(key) || !graph.nodes.some((n) => n.id === node && n.kind === "step")) return;
    seen.add(key);
    queue.push([node, page]);
  };
  const firing = (node: string, page: string) =>
    graph.edges.find(
      (e) => e.from === node && urlOf(e) !== null && matchesPage(urlOf(e) as string, page),
    );
  // A trigger the user sets off opens a page its pattern matches; one that fires by itself
  // leaves the page as it is.
  const follow = (edge: FlowEdge, page: string, byItself = false) => {
    const url = urlOf(edge);
    const entered = url === null || byItself ? page : urlForPattern(url, patterns);
    const target = edge.stays ? edge.from : edge.to;
    const navigate = edge.actions.find((a) => a.type === "navigateTo" && a.openIn === "sameTab");
    if (navigate?.type !== "navigateTo") visit(target, entered);
    else if (edge.stays || !firing(target, entered)) visit(target, navigate.url);
  };
  visit(graph.initial, start);
  while (queue.length > 0) {
    const [node, page] = queue.shift() as [string, string];
    const fired = firing(node, page);
    if (fired) {
      if (!fired.back) follow(fired, page, true);
      continue;
    }
    stable.add(node);
    for (const edge of graph.edges) if (edge.from === node && !edge.back) follow(edge, page);
  }
  return stable;
}

/** A list whose effects reach past its own moves: the agent's answers, two movers, latencies. */
function beyondOneList(project: Project, edge: FlowEdge): boolean {
  const a = edge.actions;
  const movers = a.filter((x) =>
    ["goToStep", "dismiss", "snooze", "launchExperience"].includes(x.type),
  );
  return (
    a.some((x) => x.type === "launchAgent") ||
    movers.length > 1 ||
    (Object.keys(project.settings.latencyMs ?? {}).length > 0 && a.length > 1)
  );
}

/** A trigger edge whose event sets off another trigger of its step too. */
function firesWithAnother(graph: FlowGraph, edge: FlowEdge, start: string): boolean {
  const on = edge.via.on;
  if (!on) return false;
  const siblings = graph.edges.filter((e) => e.from === edge.from && e !== edge && e.via.on);
  if ("click" in on) {
    return siblings.some((e) => e.via.on && "click" in e.via.on && e.via.on.click === on.click);
  }
  const patterns = graph.edges.flatMap((e) => urlOf(e) ?? []);
  const pages = [urlForPattern(on.url, patterns), start];
  return siblings.some((e) => {
    const url = urlOf(e);
    return (
      url !== null && pages.some((page) => matchesPage(url, page) && matchesPage(on.url, page))
    );
  });
}

describe("paths on generated projects", () => {
  it("every coverage path replays in the engine to the end it claims, or the explorer says why not", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
          const report = explorePaths(project, experience.id, { simpleLimit: 0 });
          if (report.unshowable !== undefined) {
            expect(report.unshowable).toMatch(new RegExp(`"${experience.id}"`));
            expect(report.coverage).toEqual([]);
            continue;
          }
          report.coverage.forEach((_, i) => {
            const path = expandCoverage(report.coverage, i);
            const { user, start } = report.setup;
            const result = simulate(project, { user, start, steps: path.steps });
            const state = result.experiences[experience.id];
            const where = `${experience.id} path ${i}: ${JSON.stringify(path.steps)}`;
            // The display the path follows is the first one shown; what ends it is its end
            // (what its actions set off afterwards may show the experience again).
            const own = (e: { experience?: string }) => e.experience === experience.id;
            const shown = result.trace.findIndex((e) => own(e) && e.type === "experience.shown");
            const ended = result.trace
              .slice(shown)
              .find((e) => own(e) && /^experience\.(completed|dismissed|snoozed)$/.test(e.type));
            const end = ended?.type.slice("experience.".length);
            if (path.end.startsWith("launched:")) expect(end, where).toBe("dismissed");
            else if (["completed", "dismissed", "snoozed"].includes(path.end)) {
              expect(end, where).toBe(path.end);
            } else {
              expect(state.status, where).toBe("active");
              expect(state.step === null ? null : stepNodeId(state.step), where).toBe(path.end);
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("counts ≥ listed simple paths (under the limit), and = when the graph has no cycle", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
          const report = explorePaths(project, experience.id, { simpleLimit: limit });
          if (report.simple.truncated) continue;
          const listed = report.simple.paths.length;
          const counts = countPaths(flowGraph(project, experience.id));
          expect(counts.total).toBeGreaterThanOrEqual(BigInt(listed));
          if (counts.acyclic) expect(counts.total).toBe(BigInt(listed));
          // Per end too: the sum of the parts is the total.
          expect(counts.completed + counts.dismissed + counts.snoozed + counts.launched).toBe(
            counts.total,
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it("coverage takes every transition the first step reaches, and only those are untakable", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
          const report = explorePaths(project, experience.id, { simpleLimit: 10 });
          // No setup shows it (a draft, say): the explorer says why instead of covering.
          if (report.unshowable !== undefined) continue;
          // The only walks that can miss: edges of a step the user can never stay on, because
          // a URL trigger matching the page it shows on leaves it at once (stableSteps).
          const graph = flowGraph(project, experience.id);
          const stable = stableSteps(graph, report.setup.start.url);
          // This oracle knows one trigger at a time and no agent: flows where one event sets
          // off several triggers, or a list sets off what only the engine follows, are
          // walked with the engine's help, and the replay property above checks them.
          const alone = graph.edges.every(
            (e) =>
              !firesWithAnother(graph, e, report.setup.start.url) && !beyondOneList(project, e),
          );
          if (!alone) continue;
          for (const id of report.missed) {
            const from = graph.edges.find((e) => e.id === id)?.from ?? "";
            expect(stable.has(from)).toBe(false);
          }
          const covered = new Set(report.coverage.flatMap((p) => p.edges));
          for (const edge of graph.edges) {
            const accounted = [
              covered.has(edge.id),
              report.untakable.includes(edge.id),
              report.missed.includes(edge.id),
            ];
            expect(accounted.filter(Boolean)).toEqual([true]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("coverage paths written in the shared form expand to the same paths written whole", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
          const g = indexGraph(flowGraph(project, experience.id));
          const tree = new PathTree();
          const cover = coverage(g, experience, scriptSetup(project, experience), { tree });
          const whole = coverageForm(tree, cover.paths, Number.POSITIVE_INFINITY).paths;
          const shared = coverageForm(tree, cover.paths, 0).paths;
          whole.forEach((path, i) => {
            expect(expandCoverage(shared, i)).toEqual(path);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a URL trigger's URL is checked against the patterns that could match it only, same URL", () => {
    const patternArb = fc.oneof(
      fc.stringMatching(/^\/[ab/*]{0,5}$/),
      fc.stringMatching(/^\*[ab/*]{0,4}$/),
    );
    fc.assert(
      fc.property(fc.uniqueArray(patternArb, { minLength: 1, maxLength: 12 }), (patterns) => {
        const project = projectSchema.parse({
          version: 1,
          experiences: [
            {
              id: "t",
              type: "tour",
              status: "live",
              steps: patterns.map((url, i) => ({
                id: `s${i}`,
                kind: "modal",
                triggers: [{ id: "u", on: { url }, actions: [{ type: "dismiss" }] }],
              })),
            },
          ],
        });
        const g = indexGraph(flowGraph(project, "t"));
        for (const edge of g.graph.edges.filter((e) => e.via.kind === "trigger")) {
          const pattern = (edge.via.on as { url: string }).url;
          expect(navigateUrl(g, edge)).toBe(urlForPattern(pattern, patterns));
        }
      }),
      { numRuns: 300 },
    );
  });
});
