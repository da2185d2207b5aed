// Follows a path through a flow graph the way the engine will replay it, and writes its
// script steps (SPEC §4): it keeps the visit stack (so `previous` goes where the engine
// goes), the page (URL triggers), and takes the URL triggers the engine fires by itself
// (a step entered on a page its trigger matches, a same-tab navigateTo landing).
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

const stepCache = new WeakMap<FlowEdge, ScriptStep>();

const urlCache = new WeakMap<IndexedGraph, Map<string, string>>();

/** The URL a script navigates to for a URL-trigger edge (cached per indexed graph). */
function urlOf(g: IndexedGraph, edge: FlowEdge): string {
  let byEdge = urlCache.get(g);
  if (!byEdge) {
    byEdge = new Map();
    urlCache.set(g, byEdge);
  }
  let url = byEdge.get(edge.id);
  if (url === undefined) {
    const patterns = g.graph.edges.flatMap((e) =>
      e.via.on && "url" in e.via.on ? [e.via.on.url] : [],
    );
    url = urlForPattern((edge.via.on as { url: string }).url, patterns);
    byEdge.set(edge.id, url);
  }
  return url;
}

export class PathWalker {
  node: string;
  readonly stack: string[] = [];
  page: string;
  /** Edge ids taken, in order (those the engine takes by itself included). */
  readonly edges: string[] = [];
  readonly steps: ScriptStep[];
  private chain = 0;

  constructor(
    private readonly g: IndexedGraph,
    private readonly experience: Experience,
    private readonly setup: ScriptSetup,
  ) {
    this.node = g.graph.initial;
    this.page = setup.start.url;
    this.steps = [{ do: "launch", experience: experience.id }];
    if (this.onStep()) {
      this.stack.push(this.node);
      this.afterEntering();
    }
  }

  onStep(): boolean {
    return this.g.stepIndex.has(this.node);
  }

  /** Where an edge leads from here (a `previous` reads the stack; at its bottom it stays). */
  targetOf(edge: FlowEdge): string {
    if (edge.back) return this.stack.length >= 2 ? this.stack[this.stack.length - 2] : this.node;
    return edge.stays ? this.node : edge.to;
  }

  /** Does the edge move the flow from here? */
  moves(edge: FlowEdge): boolean {
    return edge.back ? this.stack.length >= 2 : !edge.stays;
  }

  /** The user takes an edge of the step on screen: its script step, then its effects. */
  take(edge: FlowEdge): void {
    this.steps.push(this.stepFor(edge));
    if ("url" in (edge.via.on ?? {})) this.page = this.urlFor(edge);
    this.chain = 0;
    this.apply(edge);
  }

  private apply(edge: FlowEdge): void {
    this.edges.push(edge.id);
    const moved = this.moves(edge);
    const target = this.targetOf(edge);
    if (edge.back && moved) this.stack.pop();
    else if (moved && this.g.stepIndex.has(target)) this.stack.push(target);
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
    const step = this.g.stepIndex.get(this.node);
    if (step === undefined || this.chain >= loopBound) return;
    const edge = urlTriggerEdges(this.g, step).find((e) =>
      matchesPage((e.via.on as { url: string }).url, this.page),
    );
    if (!edge) return;
    this.chain++;
    this.apply(edge);
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
