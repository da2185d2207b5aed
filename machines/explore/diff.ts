// `diff` (issue 11, item 3): what changed in behaviour between two versions of a project, per
// experience, in words a product manager reads. Everything is derived from the one model of
// a flow and the tools built on it, never from a second reading of the actions:
// - routes: the flow graphs read off the compiled machines (graph/flow-graph.ts), edge by
//   edge id: added, removed, rerouted (same id, another target), or changed (the answers
//   that take it, or the actions it fires);
// - path counts per end (count.ts) and the steps reachable from the first step (search.ts);
// - the launch graph's edges and cycles (graph/launch-graph.ts);
// - the validator's diagnostics, compared by code, id path and message (never by line);
// - the rest of the project as data, cosmetic or not (diff-data.ts);
// - optionally, recordings replayed on both versions (diff-recordings.ts).
// Behaviour is the same when nothing but cosmetic changes is found (README "Semantics").
import { findExperience } from "../compile/machine-config.ts";
import type { Action, ExperienceType, Project } from "../format/schema.ts";
import { type FlowEdge, type FlowGraph, flowGraph } from "../graph/flow-graph.ts";
import { type LaunchGraph, launchGraph } from "../graph/launch-graph.ts";
import type { Diagnostic, Severity } from "../model/diagnostic.ts";
import { idOf } from "../model/keys.ts";
import { countPaths, type PathCounts } from "./count.ts";
import { canonicalJson, type DataChange, dataChanges, idPathOf } from "./diff-data.ts";
import { diffRecordings, type RecordingChange, type RecordingInput } from "./diff-recordings.ts";
import {
  actionListWords,
  causeWords,
  cycleWords,
  destinationKey,
  destinationWords,
  launchEdgeWords,
  quoted,
  verbOf,
} from "./diff-words.ts";
import { indexGraph } from "./graph-index.ts";
import { type JsonCount, jsonCount } from "./paths.ts";
import { reachableNodes } from "./search.ts";

export type { DataChange, DataChangeKind } from "./diff-data.ts";
export type {
  RecordingChange,
  RecordingChangeKind,
  RecordingInput,
  RecordingOutcome,
} from "./diff-recordings.ts";

/** One version: a project whose shape is right, and what the validator says of it. */
export interface DiffInput {
  project: Project;
  diagnostics: readonly Diagnostic[];
}

export interface DiffOptions {
  /** Replay these on both versions (`diff --recordings`). */
  recordings?: readonly RecordingInput[];
}

export interface ExperienceRef {
  id: string;
  name: string;
  type: ExperienceType;
  text: string;
}

/** One side of a route: where it leads (a step id as written, an end, `launched:<id>`,
 *  `back` or `stays`), what takes it (the CTA label, the answers) and what it fires. */
export interface RouteSide {
  to: string;
  label: string;
  actions: readonly Action[];
}

export type RouteChangeKind = "added" | "removed" | "rerouted" | "changed";

export interface RouteChange {
  kind: RouteChangeKind;
  /** The edge id (`<step>/cta/<id>`, `<step>/condition/<id>`, …), the machine's event. */
  edge: string;
  /** The step it leaves (its id as written). */
  step: string;
  via: FlowEdge["via"]["kind"];
  before?: RouteSide;
  after?: RouteSide;
  text: string;
}

export interface StepChange {
  step: string;
  name: string;
  /** Reachable from the first step (in the version that has it; for reachability: now). */
  reachable: boolean;
  text: string;
}

/** Path counts per end: `total`, `completed`, `dismissed`, `snoozed`, `launched:<id>`. */
export type PathCountsJson = Record<string, JsonCount>;

export interface PathsChange {
  /** null when the flow could not be counted (too much work) or compiled. */
  before: PathCountsJson | null;
  after: PathCountsJson | null;
  /** Both are exact counts at the default revisit bound (else lower bounds: README). */
  exact: boolean;
  changed: boolean;
  text: string;
}

export interface ExperienceDiff {
  id: string;
  /** Its name in the new version. */
  name: string;
  type: ExperienceType;
  /** No behavioural change (cosmetic ones may be listed). */
  same: boolean;
  /** A version's flow could not be compiled: its route lists were compared as data. */
  error?: string;
  firstStep?: { before: string | null; after: string | null; text: string };
  stepsAdded: StepChange[];
  stepsRemoved: StepChange[];
  routes: RouteChange[];
  paths: PathsChange;
  reachability: StepChange[];
  /** Other behavioural changes (audience, pages, recurrence, tasks, …). */
  changes: DataChange[];
  cosmetic: DataChange[];
}

export interface LaunchEdgeChange {
  id: string;
  from: string;
  to: string;
  kind: string;
  where: string;
  /** The experience it leaves from, when it does. */
  experience?: string;
  text: string;
}

export interface CycleChange {
  nodes: string[];
  members: string[];
  closing: string;
  text: string;
}

export interface DiagnosticChange {
  severity: Severity;
  code: string;
  message: string;
  /** In its own version (the new one when introduced, the old one when fixed). */
  pointer: string;
  /** The pointer with ids in place of list indices: what is compared. */
  path: string;
  line?: number;
  column?: number;
  experience?: string;
  text: string;
}

export interface ProjectDiff {
  /** Behaviour is the same: only cosmetic changes, if any. */
  same: boolean;
  experiencesAdded: ExperienceRef[];
  experiencesRemoved: ExperienceRef[];
  /** Experiences in both versions with any change (behavioural or cosmetic), in new order. */
  experiences: ExperienceDiff[];
  /** Experiences in both versions with no change at all. */
  unchanged: string[];
  launchGraph: {
    edgesAdded: LaunchEdgeChange[];
    edgesRemoved: LaunchEdgeChange[];
    cyclesAdded: CycleChange[];
    cyclesRemoved: CycleChange[];
  };
  diagnostics: { introduced: DiagnosticChange[]; fixed: DiagnosticChange[] };
  /** Changes outside any experience: settings, posts, blocks, the agent, personas, order. */
  project: { changes: DataChange[]; cosmetic: DataChange[] };
  /** With recordings: every one, changed or not. */
  recordings?: RecordingChange[];
}

// ----------------------------------------------------------------------------- flows

type Compiled = { graph: FlowGraph } | { error: string };

function compileFlow(project: Project, id: string): Compiled {
  try {
    return { graph: flowGraph(project, id) };
  } catch (caught) {
    return { error: caught instanceof Error ? caught.message : String(caught) };
  }
}

/** A route's target as the report gives it: step ids as written, ends and the rest as keys. */
function targetId(edge: FlowEdge, graph: FlowGraph): string {
  const key = destinationKey(edge);
  const node = graph.nodes.find((n) => n.id === key);
  return node?.kind === "step" ? node.step.id : key;
}

function stepIdOf(graph: FlowGraph, key: string): string {
  const node = graph.nodes.find((n) => n.id === key);
  return node?.kind === "step" ? node.step.id : idOf(key);
}

function sideOf(edge: FlowEdge, graph: FlowGraph): RouteSide {
  return { to: targetId(edge, graph), label: edge.via.label, actions: edge.actions };
}

const movers = new Set<Action["type"]>(["goToStep", "dismiss", "snooze", "launchExperience"]);

function sideEffects(actions: readonly Action[]): string {
  return canonicalJson(actions.filter((a) => !movers.has(a.type)));
}

interface Versions {
  before: Project;
  after: Project;
  oldGraph: FlowGraph;
  newGraph: FlowGraph;
  type: ExperienceType;
}

/** The edge changes of one flow, in the new version's edge order, then removed ones. */
export function routeChanges(v: Versions): RouteChange[] {
  const { oldGraph, newGraph, before, after, type } = v;
  const old = new Map(oldGraph.edges.map((e) => [e.id, e]));
  const current = new Set(newGraph.edges.map((e) => e.id));
  const changes: RouteChange[] = [];
  for (const edge of newGraph.edges) {
    const was = old.get(edge.id);
    const rerouted = was !== undefined && destinationKey(was) !== destinationKey(edge);
    const relabelled =
      was !== undefined && edge.via.kind !== "cta" && was.via.label !== edge.via.label;
    const refired = was !== undefined && canonicalJson(was.actions) !== canonicalJson(edge.actions);
    if (was !== undefined && !rerouted && !relabelled && !refired) continue;
    const base = { edge: edge.id, step: stepIdOf(newGraph, edge.from), via: edge.via.kind };
    const now = sideOf(edge, newGraph);
    const dest = destinationWords(edge, newGraph, after, type);
    if (!was) {
      const cause = causeWords(edge, newGraph);
      const text = `new route: ${cause.text} ${verbOf(cause, dest)}`;
      changes.push({ kind: "added", ...base, after: now, text });
      continue;
    }
    const cause = causeWords(edge, newGraph, relabelled ? was : undefined);
    const fires = `fires ${actionListWords(edge.actions)} (was ${actionListWords(was.actions)})`;
    let text: string;
    if (rerouted) {
      const wasDest = destinationWords(was, oldGraph, before, type);
      text = `${cause.text} now ${verbOf(cause, dest)} instead of ${wasDest.ing}`;
      if (sideEffects(was.actions) !== sideEffects(edge.actions)) text += `; it now ${fires}`;
    } else if (relabelled) {
      text = `${cause.text} still ${verbOf(cause, dest)}`;
      if (refired) text += `; it now ${fires}`;
    } else {
      text = `${cause.text} now ${fires}`;
    }
    changes.push({
      kind: rerouted ? "rerouted" : "changed",
      ...base,
      before: sideOf(was, oldGraph),
      after: now,
      text,
    });
  }
  for (const edge of oldGraph.edges) {
    if (current.has(edge.id)) continue;
    const cause = causeWords(edge, oldGraph);
    const dest = destinationWords(edge, oldGraph, before, type);
    changes.push({
      kind: "removed",
      edge: edge.id,
      step: stepIdOf(oldGraph, edge.from),
      via: edge.via.kind,
      before: sideOf(edge, oldGraph),
      text: `route removed: ${cause.text} no longer ${verbOf(cause, dest)}`,
    });
  }
  return changes;
}

interface Counted {
  counts: PathCountsJson;
  /** Each count is a lower bound (count.ts gave up at its budget). */
  exact: boolean;
}

function countsOf(graph: FlowGraph): Counted | null {
  let counts: PathCounts;
  try {
    counts = countPaths(graph);
  } catch {
    return null;
  }
  const out: PathCountsJson = {
    total: jsonCount(counts.total),
    completed: jsonCount(counts.completed),
    dismissed: jsonCount(counts.dismissed),
    snoozed: jsonCount(counts.snoozed),
  };
  for (const [id, n] of Object.entries(counts.launchedTo)) out[`launched:${id}`] = jsonCount(n);
  // Counts for simple paths instead of the default bound are still exact counts of something
  // else: compared as lower bounds too.
  return { counts: out, exact: counts.exact !== false && !counts.reduced };
}

function pathsChange(oldGraph: FlowGraph | null, newGraph: FlowGraph | null): PathsChange {
  const was = oldGraph ? countsOf(oldGraph) : null;
  const now = newGraph ? countsOf(newGraph) : null;
  if (!was || !now) {
    const before = was?.counts ?? null;
    const after = now?.counts ?? null;
    return {
      before,
      after,
      exact: false,
      changed: false,
      text: "path counts could not be compared",
    };
  }
  const before = was.counts;
  const after = now.counts;
  const exact = was.exact && now.exact;
  const atLeast = exact ? "" : " (at least: too many to count exactly)";
  const ends = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (end) => end !== "total",
  );
  const moved = ends.filter((end) => String(before[end] ?? 0) !== String(after[end] ?? 0));
  if (moved.length === 0) {
    return {
      before,
      after,
      exact,
      changed: false,
      text: `paths unchanged (${before.total})${atLeast}`,
    };
  }
  const parts = moved.map((end) => `${end} ${before[end] ?? 0} → ${after[end] ?? 0}`);
  return {
    before,
    after,
    exact,
    changed: true,
    text: `paths per end: ${parts.join(", ")} (total ${before.total} → ${after.total})${atLeast}`,
  };
}

function stepNodes(graph: FlowGraph) {
  return graph.nodes.flatMap((n) => (n.kind === "step" ? [n] : []));
}

function nameOfStep(step: { id: string; name?: string }): string {
  return step.name ?? step.id;
}

function flowDiff(v: Versions) {
  const { oldGraph, newGraph } = v;
  const oldReach = reachableNodes(indexGraph(oldGraph));
  const newReach = reachableNodes(indexGraph(newGraph));
  const oldSteps = new Map(stepNodes(oldGraph).map((n) => [n.id, n]));
  const newSteps = new Map(stepNodes(newGraph).map((n) => [n.id, n]));
  const stepsAdded: StepChange[] = [];
  const stepsRemoved: StepChange[] = [];
  const reachability: StepChange[] = [];
  for (const [key, node] of newSteps) {
    const name = nameOfStep(node.step);
    const reachable = newReach.has(key);
    const was = oldSteps.get(key);
    if (!was) {
      const how = reachable ? "reachable from the first step" : "not reachable from the first step";
      stepsAdded.push({
        step: node.step.id,
        name,
        reachable,
        text: `step ${quoted(name)} added (${how})`,
      });
    } else if (oldReach.has(key) !== reachable) {
      reachability.push({
        step: node.step.id,
        name,
        reachable,
        text: reachable
          ? `step ${quoted(name)} is now reachable from the first step`
          : `step ${quoted(name)} is no longer reachable from the first step`,
      });
    }
  }
  for (const [key, node] of oldSteps) {
    if (newSteps.has(key)) continue;
    const name = nameOfStep(node.step);
    stepsRemoved.push({
      step: node.step.id,
      name,
      reachable: oldReach.has(key),
      text: `step ${quoted(name)} removed`,
    });
  }
  let firstStep: ExperienceDiff["firstStep"];
  if (oldGraph.initial !== newGraph.initial) {
    const id = (graph: FlowGraph) =>
      stepNodes(graph).some((n) => n.id === graph.initial) ? stepIdOf(graph, graph.initial) : null;
    const words = (graph: FlowGraph) => {
      const node = stepNodes(graph).find((n) => n.id === graph.initial);
      return node ? quoted(nameOfStep(node.step)) : "no step";
    };
    firstStep = {
      before: id(oldGraph),
      after: id(newGraph),
      text: `the flow now starts at ${words(newGraph)} (was ${words(oldGraph)})`,
    };
  }
  return {
    firstStep,
    stepsAdded,
    stepsRemoved,
    reachability,
    routes: routeChanges(v),
    paths: pathsChange(oldGraph, newGraph),
  };
}

function experienceDiff(
  before: Project,
  after: Project,
  id: string,
  compiled: { old: Compiled; now: Compiled },
  data: readonly DataChange[],
): ExperienceDiff {
  const experience = findExperience(after, id);
  const { old, now } = compiled;
  const mine = data.filter((c) => c.experience === id);
  const result: ExperienceDiff = {
    id,
    name: experience.name ?? id,
    type: experience.type,
    same: true,
    stepsAdded: [],
    stepsRemoved: [],
    routes: [],
    paths: { before: null, after: null, exact: false, changed: false, text: "" },
    reachability: [],
    changes: mine.filter((c) => !c.cosmetic),
    cosmetic: mine.filter((c) => c.cosmetic),
  };
  if ("graph" in old && "graph" in now) {
    const type = experience.type;
    Object.assign(
      result,
      flowDiff({ before, after, oldGraph: old.graph, newGraph: now.graph, type }),
    );
  } else {
    const errors = [
      "error" in old ? `old: ${old.error}` : "",
      "error" in now ? `new: ${now.error}` : "",
    ];
    result.error = `the flow could not be compiled (${errors.filter(Boolean).join("; ")})`;
    result.paths = pathsChange(null, null);
  }
  const routed = result.firstStep !== undefined || result.routes.length > 0;
  // A step reorder is cosmetic only when no route changed (then it decided nothing).
  if (routed) result.cosmetic = result.cosmetic.filter((c) => !c.path.endsWith("/steps"));
  result.same =
    result.firstStep === undefined &&
    result.stepsAdded.length === 0 &&
    result.stepsRemoved.length === 0 &&
    result.routes.length === 0 &&
    !result.paths.changed &&
    result.reachability.length === 0 &&
    result.changes.length === 0;
  return result;
}

// ------------------------------------------------------------------------- launch graph

function launchChanges(from: LaunchGraph, to: LaunchGraph): LaunchEdgeChange[] {
  const ids = new Set(to.edges.map((e) => e.id));
  return from.edges
    .filter((e) => !ids.has(e.id))
    .map((e) => {
      const change: LaunchEdgeChange = {
        id: e.id,
        from: e.from,
        to: e.to,
        kind: e.kind,
        where: e.where,
        text: launchEdgeWords(e, from),
      };
      if (e.from.startsWith("experience:")) change.experience = e.from.slice("experience:".length);
      return change;
    });
}

function cycleChanges(from: LaunchGraph, to: LaunchGraph): CycleChange[] {
  const key = (members: readonly string[]) => members.join("\u0000");
  const known = new Set(to.cycles.map((c) => key(c.members)));
  return from.cycles
    .filter((c) => !known.has(key(c.members)))
    .map((c) => {
      const closing = from.edges.find((e) => e.id === c.closing);
      const closedBy = closing ? `, closed by ${closing.where}` : "";
      return {
        nodes: c.nodes,
        members: c.members,
        closing: c.closing,
        text: `${cycleWords(c.nodes, from)}${closedBy}`,
      };
    });
}

// -------------------------------------------------------------------------- diagnostics

function diagnosticChanges(
  from: DiffInput,
  to: DiffInput,
  verb: "introduced" | "fixed",
): DiagnosticChange[] {
  const keyOf = (input: DiffInput, d: Diagnostic) =>
    [d.severity, d.code, idPathOf(input.project, d.pointer), d.message].join("\u0000");
  const remaining = new Map<string, number>();
  for (const d of to.diagnostics) {
    const key = keyOf(to, d);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const out: DiagnosticChange[] = [];
  for (const d of from.diagnostics) {
    const key = keyOf(from, d);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      continue;
    }
    // Keys in the order the JSON report shows them.
    const change: Partial<DiagnosticChange> = {
      severity: d.severity,
      code: d.code,
      message: d.message,
      pointer: d.pointer,
      path: idPathOf(from.project, d.pointer),
    };
    if (d.line !== undefined) change.line = d.line;
    if (d.column !== undefined) change.column = d.column;
    const index = /^\/experiences\/(\d+)(\/|$)/.exec(d.pointer)?.[1];
    const experience = index !== undefined ? from.project.experiences[Number(index)] : undefined;
    if (experience) change.experience = experience.id;
    change.text = `${d.severity} ${d.code} ${verb}: ${d.message}`;
    out.push(change as DiagnosticChange);
  }
  return out;
}

// --------------------------------------------------------------------------------- diff

function refOf(experience: Project["experiences"][number], verb: string): ExperienceRef {
  const name = experience.name ?? experience.id;
  return {
    id: experience.id,
    name,
    type: experience.type,
    text: `${experience.type} ${quoted(name)} (${experience.id}) ${verb}`,
  };
}

/** What changed in behaviour from `before` to `after` (and what changed only cosmetically). */
export function diffProjects(
  before: DiffInput,
  after: DiffInput,
  options: DiffOptions = {},
): ProjectDiff {
  const oldProject = before.project;
  const newProject = after.project;
  const oldIds = new Set(oldProject.experiences.map((e) => e.id));
  const newIds = new Set(newProject.experiences.map((e) => e.id));
  const matched = [...new Set(newProject.experiences.map((e) => e.id))].filter((id) =>
    oldIds.has(id),
  );
  const compiled = new Map(
    matched.map((id) => [
      id,
      { old: compileFlow(oldProject, id), now: compileFlow(newProject, id) },
    ]),
  );
  const data = dataChanges(oldProject, newProject, {
    routesCompared: (id) => {
      const pair = compiled.get(id);
      return pair !== undefined && "graph" in pair.old && "graph" in pair.now;
    },
  });
  const experiences: ExperienceDiff[] = [];
  const unchanged: string[] = [];
  for (const id of matched) {
    const diff = experienceDiff(oldProject, newProject, id, compiled.get(id) as never, data);
    if (diff.same && diff.cosmetic.length === 0) unchanged.push(id);
    else experiences.push(diff);
  }
  const oldLaunch = launchGraph(oldProject);
  const newLaunch = launchGraph(newProject);
  const report: ProjectDiff = {
    same: true,
    experiencesAdded: newProject.experiences
      .filter((e) => !oldIds.has(e.id))
      .map((e) => refOf(e, "added")),
    experiencesRemoved: oldProject.experiences
      .filter((e) => !newIds.has(e.id))
      .map((e) => refOf(e, "removed")),
    experiences,
    unchanged,
    launchGraph: {
      edgesAdded: launchChanges(newLaunch, oldLaunch),
      edgesRemoved: launchChanges(oldLaunch, newLaunch),
      cyclesAdded: cycleChanges(newLaunch, oldLaunch),
      cyclesRemoved: cycleChanges(oldLaunch, newLaunch),
    },
    diagnostics: {
      introduced: diagnosticChanges(after, before, "introduced"),
      fixed: diagnosticChanges(before, after, "fixed"),
    },
    project: {
      changes: data.filter((c) => c.experience === undefined && !c.cosmetic),
      cosmetic: data.filter((c) => c.experience === undefined && c.cosmetic),
    },
  };
  if (options.recordings) {
    report.recordings = diffRecordings(oldProject, newProject, options.recordings);
  }
  report.same = behaviourSame(report);
  return report;
}

function behaviourSame(report: ProjectDiff): boolean {
  const { launchGraph: lg, diagnostics } = report;
  return (
    report.experiencesAdded.length === 0 &&
    report.experiencesRemoved.length === 0 &&
    report.experiences.every((e) => e.same) &&
    lg.edgesAdded.length + lg.edgesRemoved.length === 0 &&
    lg.cyclesAdded.length + lg.cyclesRemoved.length === 0 &&
    diagnostics.introduced.length + diagnostics.fixed.length === 0 &&
    report.project.changes.length === 0 &&
    (report.recordings ?? []).every((r) => r.change === "none")
  );
}

// ------------------------------------------------------------------- the merged canvas

export type ChangeMark = "added" | "removed" | "changed" | "same";

/** Prefix of an old edge drawn beside the new edge of the same id (a reroute). */
export const formerEdgePrefix = "was:";

export interface MergedFlow {
  /** The new version's flow plus the nodes and edges only the old one has (old edges whose
   *  id the new version still uses are renamed `was:<id>`). */
  graph: FlowGraph;
  edges: Record<string, ChangeMark>;
  nodes: Record<string, ChangeMark>;
  /** The experience exists only in the old version, or only in the new one. */
  only?: "old" | "new";
}

function marked(graph: FlowGraph, mark: ChangeMark): MergedFlow {
  return {
    graph,
    edges: Object.fromEntries(graph.edges.map((e) => [e.id, mark])),
    nodes: Object.fromEntries(graph.nodes.map((n) => [n.id, mark])),
  };
}

/**
 * One canvas for two versions of a flow (the app's Compare view): what the new version adds
 * marked `added`, what only the old one had `removed` (a rerouted edge is both: its new
 * target added, its old one removed), an edge whose answers or actions changed `changed`.
 * Null when neither version has the experience or its flow cannot be compiled.
 */
export function mergedFlow(before: Project, after: Project, id: string): MergedFlow | null {
  const has = (project: Project) => project.experiences.some((e) => e.id === id);
  const old = has(before) ? compileFlow(before, id) : undefined;
  const now = has(after) ? compileFlow(after, id) : undefined;
  if (old && !("graph" in old)) return null;
  if (now && !("graph" in now)) return null;
  if (!old && !now) return null;
  if (!old && now && "graph" in now) return { ...marked(now.graph, "added"), only: "new" };
  if (old && "graph" in old && !now) return { ...marked(old.graph, "removed"), only: "old" };
  const oldGraph = (old as { graph: FlowGraph }).graph;
  const newGraph = (now as { graph: FlowGraph }).graph;
  const type = findExperience(after, id).type;
  const changes = new Map(
    routeChanges({ before, after, oldGraph, newGraph, type }).map((c) => [c.edge, c]),
  );
  const nodes: Record<string, ChangeMark> = {};
  const edges: Record<string, ChangeMark> = {};
  const mergedNodes = [...newGraph.nodes];
  const newNodeIds = new Set(newGraph.nodes.map((n) => n.id));
  const oldNodeIds = new Set(oldGraph.nodes.map((n) => n.id));
  for (const node of newGraph.nodes) nodes[node.id] = oldNodeIds.has(node.id) ? "same" : "added";
  for (const node of oldGraph.nodes) {
    if (newNodeIds.has(node.id)) continue;
    mergedNodes.push(node);
    nodes[node.id] = "removed";
  }
  const mergedEdges: FlowEdge[] = [];
  for (const edge of newGraph.edges) {
    const change = changes.get(edge.id);
    mergedEdges.push(edge);
    edges[edge.id] =
      change === undefined
        ? "same"
        : change.kind === "changed"
          ? "changed"
          : "added"; /* added, or the new side of a reroute */
  }
  for (const edge of oldGraph.edges) {
    const change = changes.get(edge.id);
    if (change?.kind === "removed") {
      mergedEdges.push(edge);
      edges[edge.id] = "removed";
    } else if (change?.kind === "rerouted") {
      const id = `${formerEdgePrefix}${edge.id}`;
      mergedEdges.push({ ...edge, id });
      edges[id] = "removed";
    }
  }
  return { graph: { ...newGraph, nodes: mergedNodes, edges: mergedEdges }, edges, nodes };
}
