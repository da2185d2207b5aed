// `paths` (issue 5, item 1; SPEC §4): for one experience, exact path counts per end, the
// shortest path to every step and end, a covering set of replayable paths, the simple paths
// (with a limit) and the edges no path can take. JSON-ready: counts above 2^53 − 1 become
// exact decimal strings.
import { findExperience } from "../compile/machine-config.ts";
import type { Project } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import { type FlowGraph, flowGraph } from "../graph/flow-graph.ts";
import { defaultSimplePathLimit } from "../semantics.ts";
import { countPaths, type PathCounts } from "./count.ts";
import { type CoveragePath, coverage } from "./coverage.ts";
import { indexGraph } from "./graph-index.ts";
import { type ScriptSetup, scriptSetup } from "./script-setup.ts";
import { shortestRoutes, simplePaths } from "./search.ts";
import { PathWalker } from "./walker.ts";

/** A count as JSON: a number up to 2^53 − 1, else its exact decimal string. */
export type JsonCount = number | string;

export function jsonCount(n: bigint): JsonCount {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

export interface ShortestPath {
  edges: string[];
  steps: ScriptStep[];
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
  /** Per launched experience; the revisit bound; whether the flow has no cycle. */
  countDetail: { launchedTo: Record<string, JsonCount>; revisits: number; acyclic: boolean };
  /** The user and start page every script here runs with. */
  setup: ScriptSetup;
  /** Per node reachable from the first step (steps and ends). */
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

function shortestPaths(
  graph: FlowGraph,
  project: Project,
  experienceId: string,
  setup: ScriptSetup,
  onProgress?: PathsProgress,
): Record<string, ShortestPath> {
  const g = indexGraph(graph);
  const experience = findExperience(project, experienceId);
  const result: Record<string, ShortestPath> = {};
  const routes = shortestRoutes(g);
  let done = 0;
  for (const [node, route] of routes) {
    const walker = new PathWalker(g, experience, setup);
    for (const edge of route) if (walker.onStep()) walker.take(edge);
    result[node] = { edges: [...walker.edges], steps: walker.steps };
    onProgress?.(++done, routes.size, "shortest");
  }
  return result;
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
  const shortest = wantShortest ? shortestPaths(graph, project, experienceId, setup, progress) : {};
  const cover = coverage(g, experience, setup, (done, total) =>
    progress?.(done, total, "coverage"),
  );
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
  const launchedTo = Object.fromEntries(
    Object.entries(counts.launchedTo).map(([id, n]) => [id, jsonCount(n)]),
  );
  return {
    experience: experienceId,
    count: countJson(counts),
    countDetail: { launchedTo, revisits: counts.revisits, acyclic: counts.acyclic },
    setup,
    shortest,
    coverage: cover.paths,
    simple,
    untakable: cover.untakable,
    missed: cover.missed,
    edges: graph.edges.length,
    ...(omitted.length > 0 ? { omitted } : {}),
  };
}
