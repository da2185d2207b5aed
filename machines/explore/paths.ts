// `paths` (issue 5, item 1; SPEC §4): for one experience, exact path counts per end, the
// shortest path to every step and end, a covering set of replayable paths, the simple paths
// (with a limit) and the edges no path can take. JSON-ready: counts above 2^53 − 1 become
// exact decimal strings.
import { findExperience } from "../compile/machine-config.ts";
import type { Project } from "../format/schema.ts";
import { flowGraph } from "../graph/flow-graph.ts";
import { defaultSimplePathLimit, wholePathsLimit } from "../semantics.ts";
import { countPaths, type PathCounts } from "./count.ts";
import { coverage } from "./coverage.ts";
import { indexGraph } from "./graph-index.ts";
import { type CoveragePath, coverageForm, type ShortestPath, shortestForm } from "./path-forms.ts";
import { type ScriptSetup, scriptSetup } from "./script-setup.ts";
import { scriptTree, simplePaths } from "./search.ts";
import { PathTree, PathWalker } from "./walker.ts";

export type { CoveragePath, ShortestPath } from "./path-forms.ts";

/** A count as JSON: a number up to 2^53 − 1, else its exact decimal string. */
export type JsonCount = number | string;

export function jsonCount(n: bigint): JsonCount {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

export interface PathsReport {
  experience: string;
  count: {
    total: JsonCount;
    completed: JsonCount;
    dismissed: JsonCount;
    snoozed: JsonCount;
    launched: JsonCount;
  };
  /**
   * Per launched experience; the revisit bound the counts hold for; whether the flow has no
   * cycle; `reduced`: the asked bound needed more work than the budget, so the counts are
   * for one visit per step; `exact: false`: even that did, so each count is a lower bound.
   */
  countDetail: {
    launchedTo: Record<string, JsonCount>;
    revisits: number;
    acyclic: boolean;
    reduced: boolean;
    exact: boolean;
  };
  /** The user and start page every script here runs with. */
  setup: ScriptSetup;
  /** Per node a script reaches from the launch (steps and ends), breadth-first. */
  shortest: Record<string, ShortestPath>;
  coverage: CoveragePath[];
  simple: { paths: string[][]; truncated: boolean; limit: number };
  /** Edges no path can take. */
  untakable: string[];
  /** Reachable edges no coverage walk could take (a URL trigger left their step at once). */
  missed: string[];
  edges: number;
  /** Parts left out on request (`parts`): their fields are empty. */
  omitted?: ("shortest" | "simple")[];
  /** Parts written in the shared form (too long whole: each path is `from` + its own steps;
   *  path-forms.ts expands one). */
  shared?: ("shortest" | "coverage")[];
}

/** The parts of explorePaths, in the order they run (for progress reports). */
export type PathsPhase = "count" | "shortest" | "coverage" | "simple";

/** Told how far a phase is (done of total units); for progress bars, no effect on results. */
export type PathsProgress = (done: number, total: number, phase: PathsPhase) => void;

export interface PathsOptions {
  revisits?: number;
  simpleLimit?: number;
  onProgress?: PathsProgress;
  /** Leave out parts a caller does not show (the debugger's panel): on a 1,000-step tour
   *  the shortest paths and simple paths are most of the work. Both are computed by default. */
  parts?: { shortest?: boolean; simple?: boolean };
}

export function countJson(counts: PathCounts): PathsReport["count"] {
  return {
    total: jsonCount(counts.total),
    completed: jsonCount(counts.completed),
    dismissed: jsonCount(counts.dismissed),
    snoozed: jsonCount(counts.snoozed),
    launched: jsonCount(counts.launched),
  };
}

export function explorePaths(
  project: Project,
  experienceId: string,
  options: PathsOptions = {},
): PathsReport {
  const experience = findExperience(project, experienceId);
  const graph = flowGraph(project, experienceId);
  const g = indexGraph(graph);
  const setup = scriptSetup(project, experience);
  const progress = options.onProgress;
  progress?.(0, 1, "count");
  const counts = countPaths(graph, { revisits: options.revisits });
  progress?.(1, 1, "count");
  const wantShortest = options.parts?.shortest ?? true;
  const wantSimple = options.parts?.simple ?? true;
  // One tree of script steps for the shortest and the coverage paths: they share prefixes.
  const tree = new PathTree();
  if (wantShortest) progress?.(0, 1, "shortest");
  const scripts = scriptTree(g, new PathWalker(g, experience, setup, tree));
  const shortest = wantShortest ? shortestForm(tree, scripts, wholePathsLimit) : undefined;
  if (wantShortest) progress?.(1, 1, "shortest");
  const cover = coverage(g, experience, setup, {
    tree,
    scripts,
    onProgress: (done, total) => progress?.(done, total, "coverage"),
  });
  const covered = coverageForm(tree, cover.paths, wholePathsLimit);
  const limit = options.simpleLimit ?? defaultSimplePathLimit;
  let simple: PathsReport["simple"] = { paths: [], truncated: true, limit: 0 };
  if (wantSimple) {
    progress?.(0, 1, "simple");
    simple = { ...simplePaths(g, limit), limit };
    progress?.(1, 1, "simple");
  }
  const omitted = [
    ...(wantShortest ? [] : (["shortest"] as const)),
    ...(wantSimple ? [] : (["simple"] as const)),
  ];
  const shared = [
    ...(shortest?.shared ? (["shortest"] as const) : []),
    ...(covered.shared ? (["coverage"] as const) : []),
  ];
  const launchedTo = Object.fromEntries(
    Object.entries(counts.launchedTo).map(([id, n]) => [id, jsonCount(n)]),
  );
  return {
    experience: experienceId,
    count: countJson(counts),
    countDetail: {
      launchedTo,
      revisits: counts.revisits,
      acyclic: counts.acyclic,
      reduced: counts.reduced,
      exact: counts.exact,
    },
    setup,
    shortest: shortest?.paths ?? {},
    coverage: covered.paths,
    simple,
    untakable: cover.untakable,
    missed: cover.missed,
    edges: graph.edges.length,
    ...(omitted.length > 0 ? { omitted } : {}),
    ...(shared.length > 0 ? { shared } : {}),
  };
}
