// The absorbing chain solved exactly (up to Float64 rounding): with Q the transitions between
// states and N = (I − Q)⁻¹ (N[i][j]: expected entries of j starting from i),
// - visits: x = e₀ N, one solve (each entry of a state is an entry of its step);
// - ends: x R, R the transitions to the ends;
// - reach of a step with states S: the first entry of S is at some k ∈ S with probability
//   h_k, and every entry of S after it is counted by N from k, so x_S = h N[S][S]: reach is
//   Σ h. With one state k it is x_k / N[k][k].
// The groups of states that lead to each other (strongly connected) are solved one at a time,
// each by one dense LU, so the cost is cubic in the largest group, not in the whole chain.
import { stronglyConnected } from "../model/strongly-connected.ts";
import { type Chain, checkBlockSize } from "./chain.ts";
import { DenseLU } from "./dense-lu.ts";
import { ForecastError } from "./errors.ts";
import { type FlowAnswer, type FlowChoices, noEnds } from "./flow-choices.ts";

/** A group of states that lead to each other, and its I − Q factorised. */
interface Block {
  states: number[];
  lu: DenseLU;
}

export function solveChain(flow: FlowChoices, chain: Chain): FlowAnswer {
  const n = chain.stepOf.length;
  checkEveryStateEnds(flow, chain);
  const { component, components } = stronglyConnected(
    chain.out.map((transitions) =>
      transitions.flatMap(({ to }) => (typeof to === "number" ? [to] : [])),
    ),
  );
  const place = new Int32Array(n);
  const blocks: Block[] = components.map((states) => {
    checkBlockSize(flow.experience, states.length);
    states.forEach((state, i) => {
      place[state] = i;
    });
    return { states, lu: factorBlock(chain, states, component, place) };
  });
  const visitsOf = forwardVisits(chain, blocks, component);
  const ends = noEnds();
  for (let state = 0; state < n; state++) {
    for (const { to, p } of chain.out[state])
      if (typeof to === "string") ends[to] += visitsOf[state] * p;
  }
  const visits = new Float64Array(flow.steps.length);
  const statesOfStep: number[][] = Array.from({ length: flow.steps.length }, () => []);
  for (let state = 0; state < n; state++) {
    visits[chain.stepOf[state]] += visitsOf[state];
    statesOfStep[chain.stepOf[state]].push(state);
  }
  const reach = new Float64Array(flow.steps.length);
  const columns = new ColumnSolver(chain, blocks, component, place);
  statesOfStep.forEach((states, step) => {
    if (states.length > 0) reach[step] = reachOf(states, visitsOf, columns);
  });
  return { ends, reach, visits };
}

/** I − Q restricted to one group, factorised. */
function factorBlock(
  chain: Chain,
  states: readonly number[],
  component: readonly number[],
  place: Int32Array,
): DenseLU {
  const m = states.length;
  const a = new Float64Array(m * m);
  const group = component[states[0]];
  for (let i = 0; i < m; i++) {
    a[i * m + i] += 1;
    for (const { to, p } of chain.out[states[i]]) {
      if (typeof to === "number" && component[to] === group) a[i * m + place[to]] -= p;
    }
  }
  return new DenseLU(a, m);
}

/** x = e₀ N: groups in topological order (stronglyConnected lists them successors first). */
function forwardVisits(
  chain: Chain,
  blocks: readonly Block[],
  component: readonly number[],
): Float64Array {
  const x = new Float64Array(chain.stepOf.length);
  const inflow = new Float64Array(chain.stepOf.length);
  inflow[0] = 1;
  for (let g = blocks.length - 1; g >= 0; g--) {
    const { states, lu } = blocks[g];
    const b = states.map((state) => inflow[state]);
    if (!b.some((v) => v !== 0)) continue;
    const solved = lu.solveTransposed(b);
    states.forEach((state, i) => {
      x[state] = solved[i];
      for (const { to, p } of chain.out[state]) {
        if (typeof to === "number" && component[to] !== g) inflow[to] += solved[i] * p;
      }
    });
  }
  return x;
}

/** Columns of N, restricted to chosen rows: N[·][k] solves (I − Q) y = e_k. */
class ColumnSolver {
  constructor(
    private readonly chain: Chain,
    private readonly blocks: readonly Block[],
    private readonly component: readonly number[],
    private readonly place: Int32Array,
  ) {}

  /** N[k][k]: only k's own group can lead back to k. */
  diagonal(k: number): number {
    const { states, lu } = this.blocks[this.component[k]];
    const e = new Float64Array(states.length);
    e[this.place[k]] = 1;
    return lu.solve(e)[this.place[k]];
  }

  /** N[r][k] for each r of `rows`: groups that lead to k's, successors first. */
  column(k: number, rows: readonly number[]): number[] {
    const y = new Float64Array(this.chain.stepOf.length);
    const first = this.component[k];
    let last = first;
    for (const r of rows) last = Math.max(last, this.component[r]);
    for (let g = first; g <= last; g++) {
      const { states, lu } = this.blocks[g];
      const b = states.map((state) => {
        let sum = state === k ? 1 : 0;
        for (const { to, p } of this.chain.out[state]) {
          if (typeof to === "number" && this.component[to] !== g) sum += p * y[to];
        }
        return sum;
      });
      if (!b.some((v) => v !== 0)) continue;
      const solved = lu.solve(b);
      states.forEach((state, i) => {
        y[state] = solved[i];
      });
    }
    return rows.map((r) => y[r]);
  }
}

/** Probability that one of `states` (a step's) is ever entered from the first state. */
function reachOf(states: readonly number[], x: Float64Array, columns: ColumnSolver): number {
  if (states.length === 1) return Math.min(1, x[states[0]] / columns.diagonal(states[0]));
  // h N[S][S] = x_S, i.e. N[S][S]ᵀ hᵀ = x_Sᵀ: column k of N[S][S] is row k of the transpose.
  const m = states.length;
  const transposed = new Float64Array(m * m);
  states.forEach((k, col) => {
    columns.column(k, states).forEach((value, row) => {
      transposed[col * m + row] = value;
    });
  });
  const h = new DenseLU(transposed, m).solve(states.map((k) => x[k]));
  let total = 0;
  for (const v of h) total += v;
  return Math.min(1, total);
}

/** A state from which no end can be reached makes I − Q singular: the user loops forever. */
function checkEveryStateEnds(flow: FlowChoices, chain: Chain): void {
  const n = chain.stepOf.length;
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  const ends = new Array<boolean>(n).fill(false);
  const queue: number[] = [];
  for (let state = 0; state < n; state++) {
    for (const { to } of chain.out[state]) {
      if (typeof to === "number") predecessors[to].push(state);
      else if (!ends[state]) {
        ends[state] = true;
        queue.push(state);
      }
    }
  }
  while (queue.length > 0) {
    const state = queue.pop() as number;
    for (const before of predecessors[state]) {
      if (ends[before]) continue;
      ends[before] = true;
      queue.push(before);
    }
  }
  const looping = [...new Set(chain.stepOf.filter((_, state) => !ends[state]))];
  if (looping.length === 0) return;
  const ids = looping.slice(0, 5).map((step) => JSON.stringify(flow.steps[step].id));
  throw new ForecastError(
    `exact mode cannot solve ${JSON.stringify(flow.experience)}: with this model a user who reaches step ${ids[0]} can never end the display (they go round ${ids.join(", ")}${looping.length > 5 ? ", …" : ""} forever); give a way out of that loop (close, or a CTA that ends the flow) some weight`,
  );
}
