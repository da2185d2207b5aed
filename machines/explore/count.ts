// Exact path counts per end (issue 5, item 1), without listing the paths: dynamic programming
// over the flow graph's strongly connected groups in reverse topological order, with BigInt.
// An acyclic group is one sum; inside a cyclic group a path is followed with its own visit
// counts and visit stack (so `previous` returns where that path came from), each step entered
// at most `revisits` times (semantics.ts), memoised on what can still change the future: the
// visits and the stack inside the group (a path never comes back to a group it left).
import type { FlowEdge, FlowGraph } from "../graph/flow-graph.ts";
import { countWorkBudget, defaultRevisits } from "../semantics.ts";
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
  /** No cycle (no back-jump, no `previous`): the counts hold for any bound. */
  acyclic: boolean;
}

export class CountBudgetError extends Error {}

export interface CountOptions {
  revisits?: number;
  /** Work units (memoised states × their key length) before giving up. */
  budget?: number;
}

/**
 * Counts the paths of a flow graph. When the asked bound needs more than the work budget,
 * counts simple paths instead (revisits 1, `reduced: true`); throws CountBudgetError when
 * even that is out of reach.
 */
export function countPaths(graph: FlowGraph, options: CountOptions = {}): PathCounts {
  const revisits = Math.max(1, Math.floor(options.revisits ?? defaultRevisits));
  const budget = options.budget ?? countWorkBudget;
  try {
    return countWith(graph, revisits, budget, false);
  } catch (caught) {
    if (!(caught instanceof CountBudgetError) || revisits === 1) throw caught;
    return countWith(graph, 1, budget, true);
  }
}

function countWith(
  graph: FlowGraph,
  revisits: number,
  budget: number,
  reduced: boolean,
): PathCounts {
  // With one visit per step a `previous` can never be taken (its target was entered before).
  const indexed = indexGraph(graph, { back: revisits > 1 });
  const vector = new PathCounter(indexed, revisits, budget).countFromStart();
  const acyclic = !indexGraph(graph).cyclic.some(Boolean);
  return summarise(indexed, vector, revisits, reduced, acyclic);
}

function summarise(
  indexed: IndexedGraph,
  vector: CountVector,
  revisits: number,
  reduced: boolean,
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
    acyclic,
  };
}

function addInto(target: CountVector, source: CountVector): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}

class PathCounter {
  /** Paths from a step entered from outside its group (no earlier visit of the group). */
  private readonly entry: (CountVector | undefined)[];
  private readonly memo = new Map<string, CountVector>();
  private readonly initial: number;
  /** A step's place inside its group (visit-count arrays are per group). */
  private readonly local: number[];
  private work = 0;

  constructor(
    private readonly g: IndexedGraph,
    private readonly revisits: number,
    private readonly budget: number,
  ) {
    this.entry = g.steps.map(() => undefined);
    this.initial = g.stepIndex.get(g.graph.initial) ?? -1;
    this.local = g.steps.map(() => 0);
    for (const members of g.components) {
      members.forEach((step, i) => {
        this.local[step] = i;
      });
    }
  }

  countFromStart(): CountVector {
    if (this.initial < 0) return this.unit(this.g.graph.initial);
    // Groups come in reverse topological order: every successor group is done first.
    for (const members of this.g.components) {
      for (const step of members) this.entry[step] = this.countEntry(step, members.length);
    }
    return this.entry[this.initial] as CountVector;
  }

  private zero(): CountVector {
    return this.g.ends.map(() => 0n);
  }

  private unit(end: string): CountVector {
    const v = this.zero();
    const i = this.g.endIndex.get(end);
    if (i !== undefined) v[i] = 1n;
    return v;
  }

  private countEntry(step: number, groupSize: number): CountVector {
    if (!this.g.cyclic[step]) return this.acyclicSum(step);
    const visits = new Uint8Array(groupSize);
    visits[this.local[step]] = 1;
    return this.within(step, visits, [step], step === this.initial);
  }

  /** A step no cycle passes through: the sum over its edges. */
  private acyclicSum(step: number): CountVector {
    const total = this.zero();
    for (const edge of this.g.moving[step]) {
      // A back edge outside any cycle has nowhere to return to (or cannot be taken).
      if (edge.back) continue;
      addInto(total, this.afterEdge(edge));
    }
    return total;
  }

  /** Paths after taking a forward edge into another group or an end. */
  private afterEdge(edge: FlowEdge): CountVector {
    const target = this.g.stepIndex.get(edge.to);
    if (target === undefined) return this.unit(edge.to);
    return this.entry[target] as CountVector;
  }

  /**
   * Inside a cyclic group: `visits` counts entries of the group's steps on this path,
   * `stack` is the path's visit stack restricted to the group (`bottom`: nothing below it).
   */
  private within(step: number, visits: Uint8Array, stack: number[], bottom: boolean): CountVector {
    const key = this.key(step, visits, stack, bottom);
    const known = this.memo.get(key);
    if (known) return known;
    const total = this.zero();
    for (const edge of this.g.moving[step]) {
      if (edge.back) {
        // previous: back to the step below on the stack; at the bottom it does nothing.
        if (stack.length < 2 || !this.g.hasBackEdges) continue;
        const target = stack[stack.length - 2];
        addInto(total, this.enter(target, visits, stack.slice(0, -1), bottom));
        continue;
      }
      const target = this.g.stepIndex.get(edge.to);
      if (target === undefined) {
        addInto(total, this.unit(edge.to));
      } else if (this.g.component[target] !== this.g.component[step]) {
        addInto(total, this.entry[target] as CountVector);
      } else {
        addInto(total, this.enter(target, visits, [...stack, target], bottom));
      }
    }
    this.work += key.length;
    if (this.work > this.budget) {
      throw new CountBudgetError(
        `path counting needs more work than its budget (${this.budget}); lower the revisit bound (now ${this.revisits})`,
      );
    }
    this.memo.set(key, total);
    return total;
  }

  private enter(target: number, visits: Uint8Array, stack: number[], bottom: boolean): CountVector {
    const at = this.local[target];
    if (visits[at] >= this.revisits) return this.zero();
    const next = visits.slice();
    next[at]++;
    return this.within(target, next, stack, bottom);
  }

  private key(step: number, visits: Uint8Array, stack: number[], bottom: boolean): string {
    const counts = String.fromCharCode(...visits);
    const history = this.g.hasBackEdges ? `|${stack.join(",")}|${bottom ? "b" : ""}` : "";
    return `${step}|${counts}${history}`;
  }
}
