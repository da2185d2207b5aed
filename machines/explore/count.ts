// Exact path counts per end (issue 5, item 1), without listing the paths: dynamic programming
// over the flow graph's strongly connected groups, with BigInt. The groups are taken in
// topological order, each step with the number of paths from the start that enter it from
// outside its group (issue 10: a scalar per step, not a vector of every end per step, which
// was quadratic in a tour whose steps launch many experiences). An acyclic step passes its
// number on along its edges; inside a cyclic group a path is followed with its own visit
// counts and visit stack (so `previous` returns where that path came from), each step entered
// at most `revisits` times (semantics.ts), memoised on what can still change the future: the
// visits and the stack inside the group (a path never comes back to a group it left); what
// it gives is the number of ways to leave the group by each of its exits.
//
// The search inside a group is a loop over an explicit stack of frames (issue 10: a revisit
// bound of 400 used to overflow the call stack). Past the work budget it stops and the counts
// are lower bounds: every path counted so far is a real, distinct path (semantics.ts).
import type { FlowEdge, FlowGraph } from "../graph/flow-graph.ts";
import { countWorkBudget, defaultRevisits, maxRevisits } from "../semantics.ts";
import { type IndexedGraph, indexGraph } from "./graph-index.ts";

/** Paths per end node, in IndexedGraph.ends order. */
export type CountVector = bigint[];

export interface PathCounts {
  total: bigint;
  completed: bigint;
  dismissed: bigint;
  snoozed: bigint;
  /** Every `launched:<id>` end together. */
  launched: bigint;
  /** Per launched experience. */
  launchedTo: Record<string, bigint>;
  /** The revisit bound the counts hold for (irrelevant when `acyclic`). */
  revisits: number;
  /** The asked bound needed too much work, so the counts are for `revisits` = 1 (semantics.ts). */
  reduced: boolean;
  /** False when even that needed too much work: counting stopped at its budget and each count
   *  is a lower bound ("at least"), for the asked bound. */
  exact: boolean;
  /** No cycle (no back-jump, no `previous`): the counts hold for any bound. */
  acyclic: boolean;
}

export interface CountOptions {
  revisits?: number;
  /** Work units (memo keys built × their length, plus the exits summed) before giving up. */
  budget?: number;
}

/**
 * Counts the paths of a flow graph. When the asked bound needs more than the work budget,
 * counts simple paths instead (revisits 1, `reduced: true`); when even that is out of reach,
 * gives lower bounds for the asked bound (`exact: false`). Never throws on a big flow.
 */
export function countPaths(graph: FlowGraph, options: CountOptions = {}): PathCounts {
  const asked = Math.floor(options.revisits ?? defaultRevisits);
  const revisits = Math.min(maxRevisits, Math.max(1, Number.isNaN(asked) ? 1 : asked));
  const budget = options.budget ?? countWorkBudget;
  const acyclic = !indexGraph(graph).cyclic.some(Boolean);
  const first = countWith(graph, revisits, budget);
  if (first.exact) return summarise(first.indexed, first.vector, revisits, false, true, acyclic);
  if (revisits === 1) return summarise(first.indexed, first.vector, 1, false, false, acyclic);
  const simple = countWith(graph, 1, budget);
  if (simple.exact) return summarise(simple.indexed, simple.vector, 1, true, true, acyclic);
  // Both are lower bounds for the asked bound (a simple path is within any bound): the larger.
  return summarise(
    first.indexed,
    larger(first.vector, simple.vector),
    revisits,
    false,
    false,
    acyclic,
  );
}

function countWith(
  graph: FlowGraph,
  revisits: number,
  budget: number,
): { indexed: IndexedGraph; vector: CountVector; exact: boolean } {
  // With one visit per step a `previous` can never be taken (its target was entered before).
  const indexed = indexGraph(graph, { back: revisits > 1 });
  const counter = new PathCounter(indexed, revisits, budget);
  const vector = counter.countFromStart();
  return { indexed, vector, exact: !counter.exhausted };
}

function summarise(
  indexed: IndexedGraph,
  vector: CountVector,
  revisits: number,
  reduced: boolean,
  exact: boolean,
  acyclic: boolean,
): PathCounts {
  const at = (id: string) => vector[indexed.endIndex.get(id) ?? -1] ?? 0n;
  const launchedTo: Record<string, bigint> = {};
  let launched = 0n;
  indexed.ends.forEach((id, i) => {
    if (!id.startsWith("launched:")) return;
    launchedTo[id.slice("launched:".length)] = vector[i];
    launched += vector[i];
  });
  return {
    total: vector.reduce((sum, n) => sum + n, 0n),
    completed: at("completed"),
    dismissed: at("dismissed"),
    snoozed: at("snoozed"),
    launched,
    launchedTo,
    revisits,
    reduced,
    exact,
    acyclic,
  };
}

/** Per end, the larger of two lower bounds (itself a lower bound). */
function larger(a: CountVector, b: CountVector): CountVector {
  // biome-ignore lint/complexity/useMathMinMax: bigints (Math.max takes numbers only)
  return a.map((n, i) => (b[i] > n ? b[i] : n));
}

/**
 * Ways to leave a cyclic group, per exit: an end (key −1 − its index in IndexedGraph.ends)
 * or a step of another group (key: its index). Sparse: a group has few exits, whatever the
 * number of ends of the flow.
 */
type Exits = Map<number, bigint>;

/** A state of a path inside a cyclic group, with the exits counted from it so far. */
interface Frame {
  step: number;
  visits: Uint16Array;
  /** The path's visit stack restricted to the group. */
  stack: number[];
  /** Nothing below the stack (the group holds the first step). */
  bottom: boolean;
  key: string;
  total: Exits;
  /** The next of the step's moving edges to follow. */
  next: number;
}

const utf16 = new TextDecoder("utf-16le", { ignoreBOM: true });

/** Visit counts as a string key: one UTF-16 unit each (at most maxRevisits, below the
 *  surrogates, so the decoding is one-to-one), decoded natively. */
function countsKey(visits: Uint16Array): string {
  return utf16.decode(visits);
}

/** Per exit, the larger of two lower bounds. */
function largerExits(a: Exits, b: Exits): Exits {
  const out = new Map(a);
  for (const [k, n] of b) if (n > (out.get(k) ?? 0n)) out.set(k, n);
  return out;
}

class PathCounter {
  private readonly memo = new Map<string, Exits>();
  /** One way out by a single exit (shared, read-only). */
  private readonly units = new Map<number, Exits>();
  private readonly initial: number;
  /** A step's place inside its group (visit-count arrays are per group). */
  private readonly local: number[];
  private work = 0;
  /** The budget ran out: from then on, counts are lower bounds. */
  exhausted = false;

  constructor(
    private readonly g: IndexedGraph,
    private readonly revisits: number,
    private readonly budget: number,
  ) {
    this.initial = g.stepIndex.get(g.graph.initial) ?? -1;
    this.local = g.steps.map(() => 0);
    for (const members of g.components) {
      members.forEach((step, i) => {
        this.local[step] = i;
      });
    }
  }

  countFromStart(): CountVector {
    const ends = this.g.ends.map(() => 0n);
    if (this.initial < 0) {
      const i = this.g.endIndex.get(this.g.graph.initial);
      if (i !== undefined) ends[i] = 1n;
      return ends;
    }
    // Paths from the start entering each step from outside its group.
    const ways = new Array<bigint>(this.g.steps.length).fill(0n);
    ways[this.initial] = 1n;
    const pass = (exit: number, n: bigint) => {
      if (exit < 0) ends[-1 - exit] += n;
      else ways[exit] += n;
    };
    // Groups come in reverse topological order: take them from the last, so every way into a
    // group is known before the group is.
    for (let c = this.g.components.length - 1; c >= 0; c--) {
      const members = this.g.components[c];
      for (const step of members) {
        const n = ways[step];
        if (n === 0n) continue;
        if (!this.g.cyclic[step]) {
          // A back edge outside any cycle has nowhere to return to (or cannot be taken).
          for (const edge of this.g.moving[step]) {
            const exit = edge.back ? undefined : this.exitOf(edge);
            if (exit !== undefined) pass(exit, n);
          }
          continue;
        }
        for (const [exit, m] of this.exitsFrom(step, members.length)) pass(exit, n * m);
      }
    }
    return ends;
  }

  /** The exit key of an edge to an end or a step (undefined: a node that is neither). */
  private exitOf(edge: FlowEdge): number | undefined {
    const target = this.g.stepIndex.get(edge.to);
    if (target !== undefined) return target;
    const end = this.g.endIndex.get(edge.to);
    return end === undefined ? undefined : -1 - end;
  }

  /** One way out by the edge's exit (shared, read-only; empty for no exit). */
  private unit(edge: FlowEdge): Exits {
    const exit = this.exitOf(edge);
    if (exit === undefined) return new Map();
    let v = this.units.get(exit);
    if (!v) {
      v = new Map([[exit, 1n]]);
      this.units.set(exit, v);
    }
    return v;
  }

  private addInto(target: Exits, source: Exits): void {
    this.work += source.size;
    for (const [k, n] of source) target.set(k, (target.get(k) ?? 0n) + n);
  }

  /** Once the budget is spent: the paths that leave the group at once (a lower bound). */
  private leaving(step: number): Exits {
    const total: Exits = new Map();
    for (const edge of this.g.moving[step]) {
      if (edge.back) continue;
      const target = this.g.stepIndex.get(edge.to);
      if (target !== undefined && this.g.component[target] === this.g.component[step]) continue;
      const exit = this.exitOf(edge);
      if (exit !== undefined) total.set(exit, (total.get(exit) ?? 0n) + 1n);
    }
    return total;
  }

  /** Ways out of a cyclic group from a step entered from outside: a depth-first loop. */
  private exitsFrom(step: number, groupSize: number): Exits {
    if (this.exhausted) return this.leaving(step);
    const visits = new Uint16Array(groupSize);
    visits[this.local[step]] = 1;
    const bottom = step === this.initial;
    const key = this.key(step, visits, [step], bottom);
    const known = this.memo.get(key);
    if (known) return known;
    const frames: Frame[] = [
      { step, visits, stack: [step], bottom, key, total: new Map(), next: 0 },
    ];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const edges = this.g.moving[frame.step];
      if (frame.next >= edges.length) {
        frames.pop();
        this.memo.set(frame.key, frame.total);
        const below = frames[frames.length - 1];
        if (!below) return frame.total;
        this.addInto(below.total, frame.total);
        continue;
      }
      const next = this.follow(frame, edges[frame.next++]);
      if (next === undefined) continue;
      if (next instanceof Map) this.addInto(frame.total, next);
      else frames.push(next);
      if (this.work > this.budget) {
        // Every frame's total counts distinct paths (its prefix is the stack below it).
        this.exhausted = true;
        const lower: Exits = new Map();
        for (const f of frames) this.addInto(lower, f.total);
        return largerExits(lower, this.leaving(step));
      }
    }
    return new Map();
  }

  /** Ways out after an edge: known (an exit, the memo) or a new frame. */
  private follow(frame: Frame, edge: FlowEdge): Exits | Frame | undefined {
    const { stack, visits, bottom } = frame;
    if (edge.back) {
      // previous: back to the step below on the stack; at the bottom it does nothing.
      if (stack.length < 2 || !this.g.hasBackEdges) return undefined;
      return this.enter(stack[stack.length - 2], visits, stack.slice(0, -1), bottom);
    }
    const target = this.g.stepIndex.get(edge.to);
    if (target === undefined || this.g.component[target] !== this.g.component[frame.step]) {
      return this.unit(edge);
    }
    // Without `previous` the stack decides nothing (and is not kept: a path may be long).
    return this.enter(target, visits, this.g.hasBackEdges ? [...stack, target] : stack, bottom);
  }

  private enter(
    target: number,
    visits: Uint16Array,
    stack: number[],
    bottom: boolean,
  ): Exits | Frame | undefined {
    const at = this.local[target];
    if (visits[at] >= this.revisits) return undefined;
    const next = visits.slice();
    next[at]++;
    const key = this.key(target, next, stack, bottom);
    this.work += key.length;
    const known = this.memo.get(key);
    if (known) return known;
    return { step: target, visits: next, stack, bottom, key, total: new Map(), next: 0 };
  }

  private key(step: number, visits: Uint16Array, stack: number[], bottom: boolean): string {
    const history = this.g.hasBackEdges ? `|${stack.join(",")}|${bottom ? "b" : ""}` : "";
    return `${step}|${countsKey(visits)}${history}`;
  }
}
