// An acyclic flow under a model (no route the user can take leads back): one pass of dynamic
// programming over the steps in topological order. Each step is entered at most once, so its
// reach and its expected visits are the same number: the probability that flows into it.
import { reachableSteps } from "./chain.ts";
import { type FlowAnswer, type FlowChoices, noEnds } from "./flow-choices.ts";

/** The steps reachable from the first one in topological order, or undefined on a cycle. */
export function topologicalOrder(flow: FlowChoices, initial: number): number[] | undefined {
  const reachable = reachableSteps(flow, initial);
  const count = flow.steps.length;
  const indegree = new Int32Array(count);
  for (let step = 0; step < count; step++) {
    if (!reachable[step]) continue;
    for (const { move } of flow.choices[step]) {
      // `previous` returns to a step the user came from: always a cycle.
      if (move.kind === "back") return undefined;
      if (move.kind === "step") indegree[move.to]++;
    }
  }
  // Every reachable step is reachable from the first: a route into it closes a cycle.
  if (indegree[initial] > 0) return undefined;
  const order: number[] = [];
  const ready = [initial];
  while (ready.length > 0) {
    const step = ready.pop() as number;
    order.push(step);
    for (const { move } of flow.choices[step]) {
      if (move.kind === "step" && --indegree[move.to] === 0) ready.push(move.to);
    }
  }
  const reachableCount = reachable.filter(Boolean).length;
  return order.length === reachableCount ? order : undefined;
}

export function solveAcyclic(flow: FlowChoices, order: readonly number[]): FlowAnswer {
  const ends = noEnds();
  const inflow = new Float64Array(flow.steps.length);
  inflow[order[0]] = 1;
  for (const step of order) {
    const mass = inflow[step];
    let total = 0;
    for (const { weight } of flow.choices[step]) total += weight;
    if (total === 0) {
      // Nothing to take: the step stays on screen.
      ends.open += mass;
      continue;
    }
    for (const { move, weight } of flow.choices[step]) {
      const share = (mass * weight) / total;
      if (move.kind === "step") inflow[move.to] += share;
      else if (move.kind === "end") ends[move.end] += share;
    }
  }
  return { ends, reach: inflow, visits: Float64Array.from(inflow) };
}
