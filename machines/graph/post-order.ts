// Depth-first post-order of a directed graph, iterative (graphs of thousands of nodes would
// overflow the stack recursively): the launch graph's cycle search and the launch-graph
// view's layout order both start from it.

/** Nodes in the order their depth-first visits finish, trying `roots` in order. */
export function postOrder(roots: Iterable<string>, out: ReadonlyMap<string, readonly string[]>) {
  const finished: string[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    if (seen.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    seen.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = (out.get(top[0]) ?? [])[top[1]++];
      if (next === undefined) {
        finished.push(top[0]);
        stack.pop();
      } else if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, 0]);
      }
    }
  }
  return finished;
}
