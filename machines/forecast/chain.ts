// The absorbing Markov chain of one display under a model (SPEC §5 "Exact mode"): its states
// are (step, visit history) as the compiled machine keeps them (compile/implementations.ts:
// entering a step pushes it; `previous` returns to the step below the top, guarded by
// `cameFrom`, and that step becomes the top again). With no `previous` the user can take,
// the history plays no part and a state is a step.
//
// A history is a path of forward moves from the first step (a `previous` only pops it), so
// every step the display can show is reached by forward moves alone, and from a step the
// history is read again only if a `previous` is reachable by forward moves: elsewhere the
// state forgets it. Where it is kept, a cycle of forward moves (a jump back) pushes the same
// steps again on every turn: the states are infinite, and exact mode says so (ForecastError).
import { stronglyConnected } from "../model/strongly-connected.ts";
import { exactBlockLimit, exactStateLimit } from "../semantics.ts";
import { ForecastError, useMonteCarlo } from "./errors.ts";
import type { ExactEnd, FlowChoices } from "./flow-choices.ts";

/** A transition out of a state: to another state, or to an end (absorbing). */
export interface Transition {
  to: number | ExactEnd;
  p: number;
}

export interface Chain {
  /** The step (as FlowChoices numbers it) of each state; state 0 is the first display. */
  stepOf: number[];
  /** Per state, its transitions; probabilities sum to 1 (a state with nothing to take
   *  leads to `open` with probability 1). */
  out: Transition[][];
}

/** The steps a forward move (of positive weight) leads to from `step`. */
function forward(flow: FlowChoices, step: number): number[] {
  return flow.choices[step].flatMap(({ move }) => (move.kind === "step" ? [move.to] : []));
}

/** Steps the display can show: reachable from `from` by forward moves. */
export function reachableSteps(flow: FlowChoices, from: number): boolean[] {
  const seen = new Array<boolean>(flow.steps.length).fill(false);
  const queue = [from];
  seen[from] = true;
  while (queue.length > 0) {
    const step = queue.pop() as number;
    for (const next of forward(flow, step)) {
      if (seen[next]) continue;
      seen[next] = true;
      queue.push(next);
    }
  }
  return seen;
}

const hasBack = (flow: FlowChoices, step: number) =>
  flow.choices[step].some(({ move }) => move.kind === "back");

/** Per step: can a `previous` (of positive weight) still be taken from here on? */
function historyMatters(flow: FlowChoices): boolean[] {
  const count = flow.steps.length;
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  for (let step = 0; step < count; step++) {
    for (const next of forward(flow, step)) predecessors[next].push(step);
  }
  const matters = new Array<boolean>(count).fill(false);
  const queue: number[] = [];
  for (let step = 0; step < count; step++) {
    if (hasBack(flow, step)) {
      matters[step] = true;
      queue.push(step);
    }
  }
  while (queue.length > 0) {
    const step = queue.pop() as number;
    for (const before of predecessors[step]) {
      if (matters[before]) continue;
      matters[before] = true;
      queue.push(before);
    }
  }
  return matters;
}

/** Interned visit stacks: a stack is its top step on the stack below it (-1: empty). */
class Stacks {
  readonly below: number[] = [];
  readonly top: number[] = [];
  private readonly ids = new Map<string, number>();

  push(below: number, step: number): number {
    const key = `${below} ${step}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    this.ids.set(key, this.below.length);
    this.below.push(below);
    this.top.push(step);
    return this.below.length - 1;
  }
}

/** The chain of the display that starts at `flow.initial` (which must be set). */
export function buildChain(flow: FlowChoices): Chain {
  const initial = flow.initial as number;
  const matters = historyMatters(flow);
  checkFiniteHistories(flow, initial, matters);
  const stacks = new Stacks();
  const stepOf: number[] = [];
  const stackOf: number[] = [];
  const out: Transition[][] = [];
  // A state is its kept stack (whose top is its step), or its step alone (-1 - step).
  const index = new Map<number, number>();
  const stateOf = (step: number, stack: number): number => {
    const key = matters[step] ? stack : -1 - step;
    const known = index.get(key);
    if (known !== undefined) return known;
    if (stepOf.length >= exactStateLimit) {
      throw new ForecastError(
        `exact mode cannot solve ${JSON.stringify(flow.experience)}: its (step, visit history) states exceed ${exactStateLimit}; ${useMonteCarlo}`,
      );
    }
    index.set(key, stepOf.length);
    stepOf.push(step);
    stackOf.push(matters[step] ? stack : -1);
    return stepOf.length - 1;
  };
  stateOf(initial, stacks.push(-1, initial));
  for (let state = 0; state < stepOf.length; state++) {
    const step = stepOf[state];
    const stack = stackOf[state];
    const weighted: { to: number | ExactEnd; weight: number }[] = [];
    for (const { move, weight } of flow.choices[step]) {
      if (move.kind === "end") {
        weighted.push({ to: move.end, weight });
      } else if (move.kind === "step") {
        const next = matters[move.to] ? stacks.push(stack, move.to) : -1;
        weighted.push({ to: stateOf(move.to, next), weight });
      } else {
        // cameFrom: the step below the top, if `previous` may return there; else it stays.
        const below = stack === -1 ? -1 : stacks.below[stack];
        if (below === -1 || !move.targets.includes(stacks.top[below])) continue;
        weighted.push({ to: stateOf(stacks.top[below], below), weight });
      }
    }
    out.push(normalised(weighted));
  }
  return { stepOf, out };
}

function normalised(weighted: readonly { to: number | ExactEnd; weight: number }[]): Transition[] {
  let total = 0;
  for (const { weight } of weighted) total += weight;
  if (total === 0) return [{ to: "open", p: 1 }];
  const merged = new Map<number | ExactEnd, number>();
  for (const { to, weight } of weighted) merged.set(to, (merged.get(to) ?? 0) + weight / total);
  return [...merged].map(([to, p]) => ({ to, p }));
}

/**
 * Infinite states: a cycle of forward moves among shown steps where the history is kept.
 * The message names a move of the cycle that goes back in step order (every cycle has one).
 */
function checkFiniteHistories(flow: FlowChoices, initial: number, matters: readonly boolean[]) {
  const shown = reachableSteps(flow, initial);
  const kept = (step: number) => shown[step] && matters[step];
  const successors = flow.steps.map((_, step) =>
    kept(step) ? forward(flow, step).filter(kept) : [],
  );
  const { component } = stronglyConnected(successors);
  for (let from = 0; from < successors.length; from++) {
    for (const to of successors[from]) {
      if (component[to] !== component[from] || to > from) continue;
      throw growingHistory(flow, from, to, matters);
    }
  }
}

function growingHistory(
  flow: FlowChoices,
  from: number,
  to: number,
  matters: readonly boolean[],
): ForecastError {
  const id = (step: number) => JSON.stringify(flow.steps[step].id);
  const reach = reachableSteps(flow, to);
  const back = flow.steps.findIndex(
    (_, step) => reach[step] && matters[step] && hasBack(flow, step),
  );
  const jump =
    from === to
      ? `step ${id(from)} enters itself again`
      : `step ${id(from)} jumps back to ${id(to)}`;
  return new ForecastError(
    `exact mode cannot solve ${JSON.stringify(flow.experience)}: ${jump}, which grows the visit history without bound while the \`previous\` of step ${id(back)} can still return along it, so its (step, visit history) states are infinite; ${useMonteCarlo}`,
  );
}

/** Exact mode's dense solve is cubic in the largest group of states that lead to each other. */
export function checkBlockSize(experience: string, size: number): void {
  if (size <= exactBlockLimit) return;
  throw new ForecastError(
    `exact mode cannot solve ${JSON.stringify(experience)}: ${size} of its (step, visit history) states lead to each other, more than the ${exactBlockLimit} it solves at once; ${useMonteCarlo}`,
  );
}
