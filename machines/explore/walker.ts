// Follows a path through a flow graph the way the engine will replay it, and writes its
// script steps (SPEC §4): it keeps the visit stack (so `previous` goes where the engine
// goes), the page (URL triggers), and takes the URL triggers the engine fires by itself
// (a step entered on a page its trigger matches, a same-tab navigateTo landing).
//
// Paths are written into a PathTree (issue 10): a tree of script steps from the launch, each
// node one step after its parent's, with the walker's state after it. Paths that share a
// prefix share its nodes, a walk can go on from any node without replaying its prefix, and
// a path is expanded into arrays only when it is printed, replayed or exported.
import { resolveTemplate } from "../actions/attributes.ts";
import type { Experience } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import type { FlowEdge } from "../graph/flow-graph.ts";
import { matchesPage } from "../model/glob.ts";
import { loopBound } from "../semantics.ts";
import type { IndexedGraph } from "./graph-index.ts";
import { type ScriptSetup, urlForPattern } from "./script-setup.ts";

const urlEdgeCache = new WeakMap<IndexedGraph, FlowEdge[][]>();

/** The URL-trigger edges of a step, in trigger order (cached per indexed graph). */
function urlTriggerEdges(g: IndexedGraph, step: number): FlowEdge[] {
  let perStep = urlEdgeCache.get(g);
  if (!perStep) {
    const lists: FlowEdge[][] = g.steps.map(() => []);
    for (const e of g.graph.edges) {
      const from = g.stepIndex.get(e.from);
      if (from !== undefined && e.via.on !== undefined && "url" in e.via.on) lists[from].push(e);
    }
    perStep = lists;
    urlEdgeCache.set(g, perStep);
  }
  return perStep[step];
}

const patternCountCache = new WeakMap<IndexedGraph, Map<string, number>[]>();

/** How many URL triggers of a step have each pattern (cached per indexed graph). */
function urlPatternCounts(g: IndexedGraph, step: number): Map<string, number> {
  let perStep = patternCountCache.get(g);
  if (!perStep) {
    const maps = g.steps.map(() => new Map<string, number>());
    for (const e of g.graph.edges) {
      const from = g.stepIndex.get(e.from);
      if (from === undefined || e.via.on === undefined || !("url" in e.via.on)) continue;
      maps[from].set(e.via.on.url, (maps[from].get(e.via.on.url) ?? 0) + 1);
    }
    perStep = maps;
    patternCountCache.set(g, perStep);
  }
  return perStep[step];
}

const clickEdgeCache = new WeakMap<IndexedGraph, Map<string, FlowEdge[]>[]>();

/** The click-trigger edges of a step by selector (cached per indexed graph). */
function clickTriggerEdges(g: IndexedGraph, step: number): Map<string, FlowEdge[]> {
  let perStep = clickEdgeCache.get(g);
  if (!perStep) {
    const maps = g.steps.map(() => new Map<string, FlowEdge[]>());
    for (const e of g.graph.edges) {
      const from = g.stepIndex.get(e.from);
      if (from === undefined || e.via.on === undefined || !("click" in e.via.on)) continue;
      const list = maps[from].get(e.via.on.click) ?? [];
      list.push(e);
      maps[from].set(e.via.on.click, list);
    }
    perStep = maps;
    clickEdgeCache.set(g, perStep);
  }
  return perStep[step];
}

const stepCache = new WeakMap<FlowEdge, ScriptStep>();

interface UrlCache {
  /** Every URL-trigger pattern's literal start (before its first `*`), sorted, with it. */
  byStart: { start: string; pattern: string }[];
  /** Patterns per literal start. */
  starts: Map<string, string[]>;
  /** The URL chosen per pattern. */
  byPattern: Map<string, string>;
}

const urlCache = new WeakMap<IndexedGraph, UrlCache>();

const literalStart = (pattern: string) => pattern.split("*")[0];

function urlCacheOf(g: IndexedGraph): UrlCache {
  let cache = urlCache.get(g);
  if (cache) return cache;
  const patterns = new Set(
    g.graph.edges.flatMap((e) => (e.via.on && "url" in e.via.on ? [e.via.on.url] : [])),
  );
  const byStart = [...patterns].map((pattern) => ({ start: literalStart(pattern), pattern }));
  byStart.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const starts = new Map<string, string[]>();
  for (const { start, pattern } of byStart) {
    const list = starts.get(start);
    if (list) list.push(pattern);
    else starts.set(start, [pattern]);
  }
  cache = { byStart, starts, byPattern: new Map() };
  urlCache.set(g, cache);
  return cache;
}

/**
 * The patterns that could match a URL made from `pattern` (its `*`s replaced): a URL that a
 * pattern matches starts with that pattern's literal start, and this URL starts with
 * `pattern`'s, so one start begins the other. The rest cannot match, so urlForPattern gives
 * the same URL without them, and a flow with thousands of URL triggers is not quadratic here.
 */
function possibleRivals(cache: UrlCache, pattern: string): string[] {
  const own = literalStart(pattern);
  const rivals: string[] = [];
  for (let n = 0; n < own.length; n++) {
    for (const rival of cache.starts.get(own.slice(0, n)) ?? []) rivals.push(rival);
  }
  // Starts that begin with this one (itself included): a range of the sorted list.
  let lo = 0;
  let hi = cache.byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cache.byStart[mid].start < own) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < cache.byStart.length && cache.byStart[i].start.startsWith(own); i++) {
    rivals.push(cache.byStart[i].pattern);
  }
  return rivals;
}

/** The URL a script navigates to for a URL-trigger edge (cached per indexed graph). */
export function urlOf(g: IndexedGraph, edge: FlowEdge): string {
  const cache = urlCacheOf(g);
  const pattern = (edge.via.on as { url: string }).url;
  let url = cache.byPattern.get(pattern);
  if (url === undefined) {
    url = urlForPattern(pattern, possibleRivals(cache, pattern));
    cache.byPattern.set(pattern, url);
  }
  return url;
}

/** A visit stack as a persistent list: a push or a pop never copies the stack. */
export interface StackCell {
  top: string;
  below: StackCell | null;
  size: number;
}

export function pushCell(stack: StackCell | null, top: string): StackCell {
  return { top, below: stack, size: (stack?.size ?? 0) + 1 };
}

/** Where the walker is after a script step: the node, the visit stack and the page. */
export interface WalkState {
  node: string;
  stack: StackCell | null;
  page: string;
}

/**
 * Script steps as a tree from the launch (node 0). Each other node is one user step after its
 * parent's, with the edges it took (the engine's own URL-trigger moves included) and the
 * walker's state after it. Taking the same edge from the same node gives the same child, so
 * paths that share a prefix share its nodes: n paths of length n cost O(n), not O(n²).
 */
export class PathTree {
  /**
   * The engine, for the steps the walker cannot follow alone: several triggers that one
   * click or one page fires together (their lists land in the engine's order). Set by the
   * caller that has the project (paths.ts); without it the walker follows the first trigger.
   */
  replay?: (steps: ScriptStep[]) => (WalkState & { edges: string[] }) | undefined;
  /** Edges whose lists set off what the walker does not follow (an agent's answers, custom
   *  latencies that reorder landings): a step that takes one is replayed by the engine too. */
  beyond?: (edge: FlowEdge) => boolean;
  /** The engine's answers, by (tree node, script step): triggers one event sets off together
   *  have one script step, so thousands of them cost one replay. */
  readonly replayed = new Map<string, (WalkState & { edges: string[] }) | undefined>();
  readonly parent: number[] = [];
  readonly step: ScriptStep[] = [];
  /** The edge ids each node's step took, in order. */
  readonly edges: (readonly string[])[] = [];
  /** Script steps from the launch to the node, both included. */
  readonly depth: number[] = [];
  /** Edges taken from the launch up to the node, its own included. */
  readonly edgeDepth: number[] = [];
  readonly state: WalkState[] = [];
  /** Child by (parent, edge): a number key, `edge number × 2^26 + parent` (a tree holds
   *  fewer than 2^26 nodes long before memory runs out). */
  private readonly children = new Map<number, number>();
  private readonly edgeNumbers = new Map<string, number>();

  get size(): number {
    return this.parent.length;
  }

  add(parent: number, step: ScriptStep, edges: readonly string[], state: WalkState): number {
    const id = this.parent.length;
    this.parent.push(parent);
    this.step.push(step);
    this.edges.push(edges);
    this.depth.push(parent < 0 ? 1 : this.depth[parent] + 1);
    this.edgeDepth.push((parent < 0 ? 0 : this.edgeDepth[parent]) + edges.length);
    this.state.push(state);
    return id;
  }

  private childKey(parent: number, edge: string): number {
    let n = this.edgeNumbers.get(edge);
    if (n === undefined) {
      n = this.edgeNumbers.size;
      this.edgeNumbers.set(edge, n);
    }
    return n * 0x4000000 + parent;
  }

  child(parent: number, edge: string): number | undefined {
    return this.children.get(this.childKey(parent, edge));
  }

  setChild(parent: number, edge: string, child: number): void {
    this.children.set(this.childKey(parent, edge), child);
  }

  /** The script steps and edges from the launch to `node` (O(depth): for printing only). */
  expand(node: number): { edges: string[]; steps: ScriptStep[] } {
    const chain: number[] = [];
    for (let n = node; n >= 0; n = this.parent[n]) chain.push(n);
    chain.reverse();
    const steps = chain.map((n) => this.step[n]);
    const edges: string[] = [];
    for (const n of chain) for (const e of this.edges[n]) edges.push(e);
    return { edges, steps };
  }
}

export class PathWalker {
  node: string;
  page: string;
  /** The walker's place in its tree (the last script step written). */
  at = 0;
  private stack: StackCell | null = null;
  private chain = 0;
  /** Edge ids taken by the step being written. */
  private taking: string[] = [];
  /** Set when the step being written fires several triggers at once (the engine decides). */
  private together = false;

  constructor(
    private readonly g: IndexedGraph,
    private readonly experience: Experience,
    private readonly setup: ScriptSetup,
    /** Shared between walkers so that their paths share prefixes; a fresh one by default. */
    readonly tree: PathTree = new PathTree(),
  ) {
    this.node = g.graph.initial;
    this.page = setup.start.url;
    if (tree.size > 0) {
      this.goTo(0);
      return;
    }
    if (this.onStep()) {
      this.stack = pushCell(null, this.node);
      this.afterEntering();
    }
    // The script launches the experience, unless its start page shows it by itself: then it
    // waits 0 h, so every script still starts with one step of its own (script-setup.ts).
    const first: ScriptStep =
      setup.launch === false
        ? { do: "advance", hours: 0 }
        : { do: "launch", experience: experience.id };
    tree.add(-1, first, this.taking, this.snapshot());
    this.taking = [];
  }

  /** Edge ids taken from the launch, in order (those the engine takes by itself included). */
  get edges(): string[] {
    return this.tree.expand(this.at).edges;
  }

  /** SPEC §4 script steps from the launch. */
  get steps(): ScriptStep[] {
    return this.tree.expand(this.at).steps;
  }

  /** Goes back (or on) to a node of the tree: the state after that node's step. */
  goTo(node: number): void {
    const state = this.tree.state[node];
    this.at = node;
    this.node = state.node;
    this.stack = state.stack;
    this.page = state.page;
  }

  onStep(): boolean {
    return this.g.stepIndex.has(this.node);
  }

  /** Steps on the visit stack (a `previous` needs two). */
  get depth(): number {
    return this.stack?.size ?? 0;
  }

  /** Where an edge leads from here (a `previous` reads the stack; at its bottom it stays). */
  targetOf(edge: FlowEdge): string {
    if (edge.back) return this.stack?.below ? this.stack.below.top : this.node;
    return edge.stays ? this.node : edge.to;
  }

  /** Does the edge move the flow from here? */
  moves(edge: FlowEdge): boolean {
    return edge.back ? this.depth >= 2 : !edge.stays;
  }

  /**
   * The user takes an edge of the step on screen: its script step, then its effects. Returns
   * the edge ids the step took (the user's edge, then any the engine took by itself).
   */
  take(edge: FlowEdge): readonly string[] {
    const known = this.tree.child(this.at, edge.id);
    if (known !== undefined) {
      this.goTo(known);
      return this.tree.edges[known];
    }
    const step = this.stepFor(edge);
    const prefix = this.tree.replay ? this.at : -1;
    if ("url" in (edge.via.on ?? {})) this.page = this.urlFor(edge);
    this.chain = 0;
    this.taking = [];
    this.together = this.firesWithOthers(edge) || (this.tree.beyond?.(edge) ?? false);
    this.apply(edge);
    let taken = this.taking;
    this.taking = [];
    if (this.together && this.tree.replay) {
      // One click or page sets off several triggers: their lists land in the engine's order,
      // so the engine says where the step leads.
      const key = `${prefix} ${JSON.stringify(step)}`;
      let outcome = this.tree.replayed.get(key);
      if (!this.tree.replayed.has(key)) {
        outcome = this.tree.replay([...this.tree.expand(prefix).steps, step]);
        this.tree.replayed.set(key, outcome);
      }
      if (outcome) {
        this.node = outcome.node;
        this.stack = outcome.stack;
        this.page = outcome.page;
        taken = outcome.edges;
      }
    }
    this.together = false;
    const child = this.tree.add(this.at, step, taken, this.snapshot());
    this.tree.setChild(this.at, edge.id, child);
    this.at = child;
    return taken;
  }

  private snapshot(): WalkState {
    return { node: this.node, stack: this.stack, page: this.page };
  }

  private apply(edge: FlowEdge): void {
    this.taking.push(edge.id);
    const moved = this.moves(edge);
    const target = this.targetOf(edge);
    if (edge.back && moved) this.stack = this.stack?.below ?? null;
    else if (moved && this.g.stepIndex.has(target)) this.stack = pushCell(this.stack, target);
    this.node = target;
    if (moved && this.onStep()) this.afterEntering();
    this.afterNavigating(edge);
  }

  /** A step entered on a page one of its URL triggers matches: the engine fires it. */
  private afterEntering(): void {
    this.fireUrlTrigger();
  }

  /** A same-tab navigateTo of the list lands after the move: the page changes. */
  private afterNavigating(edge: FlowEdge): void {
    const navigate = edge.actions.find((a) => a.type === "navigateTo" && a.openIn === "sameTab");
    if (navigate?.type !== "navigateTo") return;
    this.page = resolveTemplate(navigate.url, this.setup.user.attributes, "url").text;
    if (this.onStep()) this.fireUrlTrigger();
  }

  private fireUrlTrigger(): void {
    // The engine's own moves chain (one may land where another fires) up to the loop bound,
    // so this recursion through apply is at most `loopBound` deep whatever the flow's size.
    const step = this.g.stepIndex.get(this.node);
    if (step === undefined || this.chain >= loopBound) return;
    const matching = urlTriggerEdges(this.g, step).filter((e) =>
      matchesPage((e.via.on as { url: string }).url, this.page),
    );
    const edge = matching[0];
    if (!edge) return;
    if (matching.length > 1 || this.tree.beyond?.(edge)) this.together = true;
    this.chain++;
    this.apply(edge);
  }

  /** Does the event that takes this trigger edge set off another trigger of its step too? */
  private firesWithOthers(edge: FlowEdge): boolean {
    const on = edge.via.on;
    const step = this.g.stepIndex.get(edge.from);
    if (!on || step === undefined) return false;
    if ("click" in on) {
      return (clickTriggerEdges(this.g, step).get(on.click)?.length ?? 0) > 1;
    }
    // The distinct patterns that could match its URL, counted among the step's own URL
    // triggers: no scan of every trigger of the step per edge (thousands of them stay linear).
    const url = this.urlFor(edge);
    const counts = urlPatternCounts(this.g, step);
    let firing = 0;
    for (const pattern of new Set(possibleRivals(urlCacheOf(this.g), on.url))) {
      if (matchesPage(pattern, url)) firing += counts.get(pattern) ?? 0;
      if (firing > 1) return true;
    }
    return false;
  }

  private urlFor(edge: FlowEdge): string {
    return urlOf(this.g, edge);
  }

  /** The script step of an edge; one shared (read-only) object per edge, as paths repeat them. */
  private stepFor(edge: FlowEdge): ScriptStep {
    let step = stepCache.get(edge);
    if (!step) {
      step = this.scriptStep(edge);
      stepCache.set(edge, step);
    }
    return step;
  }

  private scriptStep(edge: FlowEdge): ScriptStep {
    const experience = this.experience.id;
    switch (edge.via.kind) {
      case "cta":
        return { do: "click", cta: edge.via.id as string, experience };
      case "condition":
      case "fallback":
        return { do: "answer", value: edge.answer ?? "", experience };
      case "cross":
        return { do: "close", experience };
      default: {
        const on = edge.via.on ?? { click: "" };
        return "click" in on
          ? { do: "clickElement", selector: on.click }
          : { do: "navigate", url: this.urlFor(edge) };
      }
    }
  }
}
