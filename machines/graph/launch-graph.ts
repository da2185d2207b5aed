// The launch graph of a project (issue 5, item 4): experiences, posts, resource-center blocks,
// agent answers and the pages navigations lead to, as nodes; launches, open-post, navigations
// (and the automatic shows a page sets off, and the agent answers a message reaches) as
// edges; and every cycle, flagged with the shortest path that closes it (semantics.ts).

import type { Action, Project } from "../format/schema.ts";
import { matchesAny } from "../model/glob.ts";
import { stronglyConnected } from "../model/strongly-connected.ts";
import { closingCrossOf, fallbackOf } from "../semantics.ts";

export type LaunchNodeKind = "experience" | "post" | "block" | "answer" | "automated" | "page";

export interface LaunchNode {
  /** "<kind>:<id>" (pages: "page:<url>"). */
  id: string;
  kind: LaunchNodeKind;
  label: string;
}

export type LaunchEdgeKind = "launch" | "openPost" | "navigate" | "shows" | "asks";

export interface LaunchEdge {
  id: string;
  from: string;
  to: string;
  kind: LaunchEdgeKind;
  /** Where the action sits, e.g. "welcome/cta/start" or "cta" of a post. */
  where: string;
}

export interface LaunchCycle {
  /** Node ids around the cycle, first node repeated at the end. */
  nodes: string[];
  /** The edges of the cycle, in order; the last one closes it. */
  edges: string[];
  closing: string;
  /** Every node of the strongly connected group the cycle belongs to. */
  members: string[];
}

export interface LaunchGraph {
  nodes: LaunchNode[];
  edges: LaunchEdge[];
  cycles: LaunchCycle[];
}

/** An action list and where it sits, with the node it belongs to. */
interface Source {
  node: string;
  where: string;
  actions: readonly Action[];
}

function experienceSources(project: Project): Source[] {
  const sources: Source[] = [];
  for (const experience of project.experiences) {
    const node = `experience:${experience.id}`;
    for (const step of experience.steps) {
      const add = (where: string, actions: readonly Action[]) =>
        sources.push({ node, where: `${step.id}/${where}`, actions });
      for (const cta of step.ctas) add(`cta/${cta.id}`, cta.actions);
      for (const trigger of step.triggers) add(`trigger/${trigger.id}`, trigger.actions);
      for (const condition of step.conditions) add(`condition/${condition.id}`, condition.actions);
      if (step.conditions.length > 0 || step.fallback) add("fallback", fallbackOf(step));
      add("cross", closingCrossOf(step));
    }
    for (const task of experience.tasks)
      sources.push({ node, where: `task/${task.id}`, actions: task.actions });
  }
  return sources;
}

function otherSources(project: Project): Source[] {
  return [
    ...project.posts.map((p) => ({
      node: `post:${p.id}`,
      where: "cta",
      actions: p.cta?.actions ?? [],
    })),
    ...project.resourceCenter.blocks.map((b) => ({
      node: `block:${b.id}`,
      where: "actions",
      actions: b.actions,
    })),
    ...project.agent.customAnswers.map((a) => ({
      node: `answer:${a.id}`,
      where: "actions",
      actions: a.actions,
    })),
    ...project.agent.automatedActions.map((a) => ({
      node: `automated:${a.id}`,
      where: "actions",
      actions: a.actions,
    })),
  ];
}

class Builder {
  readonly nodes = new Map<string, LaunchNode>();
  readonly edges: LaunchEdge[] = [];
  /** Ids of `edges`: a dense project has tens of thousands (a scan per edge was quadratic). */
  private readonly edgeIds = new Set<string>();

  constructor(private readonly project: Project) {
    for (const e of project.experiences)
      this.node(`experience:${e.id}`, "experience", e.name ?? e.id);
    for (const p of project.posts) this.node(`post:${p.id}`, "post", p.title);
    for (const b of project.resourceCenter.blocks) this.node(`block:${b.id}`, "block", b.label);
    for (const a of project.agent.customAnswers)
      this.node(`answer:${a.id}`, "answer", `“${a.match}”`);
    for (const a of project.agent.automatedActions)
      this.node(`automated:${a.id}`, "automated", `“${a.match}”`);
  }

  node(id: string, kind: LaunchNodeKind, label: string): void {
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind, label });
  }

  edge(from: string, to: string, kind: LaunchEdgeKind, where: string): void {
    const id = `${from} ${kind} ${to} (${where})`;
    if (this.edgeIds.has(id)) return;
    this.edgeIds.add(id);
    this.edges.push({ id, from, to, kind, where });
  }

  addSource(source: Source): void {
    for (const action of source.actions) {
      if (action.type === "launchExperience") {
        this.edge(source.node, `experience:${action.experience}`, "launch", source.where);
      } else if (action.type === "openPost") {
        this.edge(source.node, `post:${action.post}`, "openPost", source.where);
      } else if (action.type === "navigateTo" && action.openIn === "sameTab") {
        this.navigate(source, action.url);
      } else if (action.type === "launchAgent" && action.message) {
        this.ask(source, action.message);
      }
    }
  }

  private navigate(source: Source, url: string): void {
    const page = `page:${url}`;
    const known = this.nodes.has(page);
    this.node(page, "page", url);
    this.edge(source.node, page, "navigate", source.where);
    // A page's "shows" edges depend on its URL alone: added when the page first appears.
    if (known) return;
    for (const experience of this.project.experiences) {
      // A URL with {attribute} placeholders is matched as written (decided here).
      if (experience.showOn.trigger === "auto" && matchesAny(experience.showOn.urls, url)) {
        this.edge(page, `experience:${experience.id}`, "shows", "showOn.urls");
      }
    }
  }

  private ask(source: Source, message: string): void {
    const lower = message.toLowerCase();
    const agent = this.project.agent;
    const answer = agent.customAnswers.find((a) => lower.includes(a.match.toLowerCase()));
    if (answer) this.edge(source.node, `answer:${answer.id}`, "asks", source.where);
    const automated = agent.automatedActions.find((a) => lower.includes(a.match.toLowerCase()));
    if (automated) this.edge(source.node, `automated:${automated.id}`, "asks", source.where);
  }
}

/** Each node's outgoing edges, in the order of `edges`. */
type Outgoing = ReadonlyMap<string, readonly LaunchEdge[]>;

function outgoingOf(edges: readonly LaunchEdge[]): Outgoing {
  const outgoing = new Map<string, LaunchEdge[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list === undefined) outgoing.set(edge.from, [edge]);
    else list.push(edge);
  }
  return outgoing;
}

/** The shortest cycle through `start` inside `members` (breadth-first), as edges. */
function shortestCycleThrough(
  start: string,
  members: Set<string>,
  outgoing: Outgoing,
): LaunchEdge[] | undefined {
  const via = new Map<string, LaunchEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of outgoing.get(queue[head]) ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let node = edge.from; node !== start; ) {
          const back = via.get(node) as LaunchEdge;
          path.unshift(back);
          node = back.from;
        }
        return path;
      }
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return undefined;
}

/** Strongly connected groups, sources first (model/strongly-connected.ts). */
function groups(nodes: readonly string[], edges: readonly LaunchEdge[]): string[][] {
  const number = new Map(nodes.map((n, i) => [n, i]));
  const successors: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const from = number.get(e.from);
    const to = number.get(e.to);
    if (from !== undefined && to !== undefined) successors[from].push(to);
  }
  return stronglyConnected(successors)
    .components.reverse()
    .map((members) => members.map((i) => nodes[i]));
}

function cyclesOf(nodes: readonly string[], edges: readonly LaunchEdge[]): LaunchCycle[] {
  const cycles: LaunchCycle[] = [];
  const outgoing = outgoingOf(edges);
  const selfLooped = new Set(edges.filter((e) => e.from === e.to).map((e) => e.from));
  for (const members of groups(nodes, edges)) {
    const set = new Set(members);
    const selfLoop = members.some((member) => selfLooped.has(member));
    if (members.length === 1 && !selfLoop) continue;
    // No cycle is shorter than a self-loop, or than two edges without one: stop at that.
    const shortest = selfLoop ? 1 : 2;
    let best: LaunchEdge[] | undefined;
    for (const start of members.sort()) {
      const cycle = shortestCycleThrough(start, set, outgoing);
      if (cycle && (!best || cycle.length < best.length)) best = cycle;
      if (best && best.length === shortest) break;
    }
    if (!best) continue;
    cycles.push({
      nodes: [...best.map((e) => e.from), best[0].from],
      edges: best.map((e) => e.id),
      closing: best[best.length - 1].id,
      members: [...members].sort(),
    });
  }
  return cycles;
}

export function launchGraph(project: Project): LaunchGraph {
  const builder = new Builder(project);
  for (const source of [...experienceSources(project), ...otherSources(project)])
    builder.addSource(source);
  // Targets that do not exist still get a node (the validator reports them).
  for (const edge of builder.edges) {
    if (builder.nodes.has(edge.to)) continue;
    const [kind, ...rest] = edge.to.split(":");
    builder.node(edge.to, kind as LaunchNodeKind, rest.join(":"));
  }
  const nodes = [...builder.nodes.values()];
  return {
    nodes,
    edges: builder.edges,
    cycles: cyclesOf(
      nodes.map((n) => n.id),
      builder.edges,
    ),
  };
}
