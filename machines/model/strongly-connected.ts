// Strongly connected groups of a directed graph given as successor lists (node numbers).
/**
 * Tarjan's algorithm, iterative (deep flows and big launch graphs must not overflow the
 * stack). `component[v]` is v's group; groups come in reverse topological order (a group's
 * successors before it). The one implementation: the explorers, the validator's launch
 * loops and the launch graph all call it.
 */
export function stronglyConnected(successors: readonly (readonly number[])[]): {
  component: number[];
  components: number[][];
} {
  const n = successors.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const component = new Array<number>(n).fill(-1);
  const components: number[][] = [];
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, next] = frame;
      if (next === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      if (next < successors[v].length) {
        frame[1]++;
        const w = successors[v][next];
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      for (;;) {
        const w = stack.pop() as number;
        onStack[w] = false;
        component[w] = components.length;
        members.push(w);
        if (w === v) break;
      }
      components.push(members);
    }
  }
  return { component, components };
}
