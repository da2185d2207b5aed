// `paths` (issue 5, item 1; SPEC §4): for one experience, exact path counts per end, the
// shortest path to every step and end, a covering set of replayable paths, the simple paths
// (with a limit) and the edges no path can take. JSON-ready: counts above 2^53 − 1 become
// exact decimal strings.
import { findExperience } from "../compile/machine-config.ts";
import { ScriptStepError } from "../engine/errors.ts";
import { createSimulation } from "../engine/simulation.ts";
import type { Experience, Project } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import { type FlowEdge, flowGraph, stepNodeId } from "../graph/flow-graph.ts";
import { defaultSimplePathLimit, wholePathsLimit } from "../semantics.ts";
import { countPaths, type PathCounts } from "./count.ts";
import { coverage } from "./coverage.ts";
import { indexGraph } from "./graph-index.ts";
import { type CoveragePath, coverageForm, type ShortestPath, shortestForm } from "./path-forms.ts";
import { type ScriptSetup, scriptSetup, showingSetup } from "./script-setup.ts";
import { scriptTree, simplePaths } from "./search.ts";
import { PathTree, PathWalker, pushCell, type StackCell, type WalkState } from "./walker.ts";

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
  /**
   * Why no script can show the experience (a draft, an audience no simulated user meets, a
   * flow that always shows first): then there are no shortest or coverage scripts, only
   * counts, rather than scripts that cannot replay (explore/script-setup.ts).
   */
  unshowable?: string;
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
  const shown = showingSetup(project, experience);
  const setup = "setup" in shown ? shown.setup : scriptSetup(project, experience);
  const unshowable = "unshowable" in shown ? shown.unshowable : undefined;
  const progress = options.onProgress;
  progress?.(0, 1, "count");
  const counts = countPaths(graph, { revisits: options.revisits });
  progress?.(1, 1, "count");
  const askedShortest = options.parts?.shortest ?? true;
  const wantShortest = askedShortest && unshowable === undefined;
  const wantSimple = options.parts?.simple ?? true;
  // One tree of script steps for the shortest and the coverage paths: they share prefixes.
  const tree = new PathTree();
  if (unshowable === undefined) {
    tree.replay = engineReplay(project, experience, setup);
    tree.beyond = beyondTheWalker(project, experience);
  }
  if (wantShortest) progress?.(0, 1, "shortest");
  const scripts = scriptTree(g, new PathWalker(g, experience, setup, tree));
  const shortest = wantShortest ? shortestForm(tree, scripts, wholePathsLimit) : undefined;
  if (wantShortest) progress?.(1, 1, "shortest");
  const cover =
    unshowable === undefined
      ? coverage(g, experience, setup, {
          tree,
          scripts,
          onProgress: (done, total) => progress?.(done, total, "coverage"),
        })
      : { paths: [], untakable: [], missed: [] };
  const covered = coverageForm(tree, cover.paths, wholePathsLimit);
  const limit = options.simpleLimit ?? defaultSimplePathLimit;
  let simple: PathsReport["simple"] = { paths: [], truncated: true, limit: 0 };
  if (wantSimple) {
    progress?.(0, 1, "simple");
    simple = { ...simplePaths(g, limit), limit };
    progress?.(1, 1, "simple");
  }
  const omitted = [
    ...(askedShortest ? [] : (["shortest"] as const)),
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
    ...(unshowable !== undefined ? { unshowable } : {}),
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

/**
 * The walker's engine (PathTree.replay): runs a script from the setup and says where its last
 * step left the experience — the node, the visit stack, the page — and the edges it took.
 */
function engineReplay(project: Project, experience: Experience, setup: ScriptSetup) {
  const targets = new Map(flowGraph(project, experience.id).edges.map((e) => [e.id, e.to]));
  const own = (e: { experience?: string }) => e.experience === experience.id;
  return (steps: ScriptStep[]): (WalkState & { edges: string[] }) | undefined => {
    const simulation = createSimulation(project, { user: setup.user, start: setup.start });
    const edges: string[] = [];
    let traceAt = 0;
    let display = 0;
    try {
      for (const step of steps.slice(0, -1)) simulation.run(step);
      simulation.onEdge((taken) => {
        if (taken.experience === experience.id) edges.push(taken.edge);
      });
      traceAt = simulation.world().trace.length;
      display = simulation.world().experiences[experience.id].instance;
      simulation.run(steps[steps.length - 1]);
    } catch (caught) {
      // A script the engine refuses: the walker keeps its own answer.
      if (caught instanceof ScriptStepError) return undefined;
      throw caught;
    }
    const world = simulation.world();
    const state = world.experiences[experience.id];
    // The path follows one display: where it ended, even if the experience shows again after.
    const ended = world.trace
      .slice(traceAt)
      .find((e) => own(e) && /^experience\.(completed|dismissed|snoozed)$/.test(e.type));
    if (ended || state.instance !== display || state.status !== "active" || state.step === null) {
      const how = ended?.type.slice("experience.".length) ?? state.status;
      const launched = edges.map((e) => targets.get(e)).find((t) => t?.startsWith("launched:"));
      const node = how === "dismissed" && launched ? launched : how;
      return { node, stack: null, page: world.page, edges };
    }
    let stack: StackCell | null = null;
    for (const step of state.history) stack = pushCell(stack, stepNodeId(step));
    return { node: stepNodeId(state.step), stack, page: world.page, edges };
  };
}

/**
 * Lists whose effects the walker does not follow, so the engine replays the step that fires
 * them: a message the agent answers with actions of its own; a goToStep to a step and then a
 * dismiss or snooze, when the flow has URL triggers (the step entered may fire one before
 * the second lands — the validator warns about such lists); with latencies changed in the
 * settings, a move and a page change (they may land in another order than the nominal one).
 * Everything else the walker follows alone, so big flows stay linear.
 */
function beyondTheWalker(project: Project, experience: Experience): (edge: FlowEdge) => boolean {
  const latencies = Object.keys(project.settings.latencyMs ?? {}).length > 0;
  const agentActs = [...project.agent.customAnswers, ...project.agent.automatedActions].some(
    (answer) => answer.actions.length > 0,
  );
  const urlTriggers = experience.steps.some((step) => step.triggers.some((t) => "url" in t.on));
  return (edge) => {
    const actions = edge.actions;
    const entersStep = actions.some((a) => a.type === "goToStep" && a.step !== "complete");
    const ends = actions.some((a) => a.type === "dismiss" || a.type === "snooze");
    const moves = entersStep || ends || actions.some((a) => a.type === "launchExperience");
    return (
      (agentActs && actions.some((a) => a.type === "launchAgent" && (a.message ?? "") !== "")) ||
      (urlTriggers && entersStep && ends) ||
      (latencies && moves && actions.some((a) => a.type === "navigateTo"))
    );
  };
}
