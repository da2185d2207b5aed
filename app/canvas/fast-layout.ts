// A layered left-to-right layout in linear time for big flows (ELK takes seconds there):
// columns by breadth-first distance from the first step, rows in discovery order, each column
// centred. Nodes no edge reaches from the start go to a column after the reachable ones.
import { type LayoutEdge, type LayoutNode, layerGap, nodeGap } from "./layout-types.ts";

function layersOf(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], initial: string) {
  const out = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const list = out.get(edge.source);
    if (list) list.push(edge.target);
    else out.set(edge.source, [edge.target]);
  }
  const layer = new Map<string, number>();
  const known = new Set(nodes.map((n) => n.id));
  const queue: string[] = known.has(initial) ? [initial] : [];
  if (queue.length) layer.set(initial, 0);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const depth = layer.get(node) as number;
    for (const next of out.get(node) ?? []) {
      if (layer.has(next) || !known.has(next)) continue;
      layer.set(next, depth + 1);
      queue.push(next);
    }
  }
  const last = Math.max(-1, ...layer.values());
  for (const node of nodes) if (!layer.has(node.id)) layer.set(node.id, last + 1);
  return {
    layer,
    order: [...queue, ...nodes.map((n) => n.id).filter((id) => !queue.includes(id))],
  };
}

export function fastLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  initial: string,
): Record<string, { x: number; y: number }> {
  const { layer, order } = layersOf(nodes, edges, initial);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const columns: LayoutNode[][] = [];
  for (const id of order) {
    const node = byId.get(id);
    if (!node) continue;
    const column = layer.get(id) as number;
    columns[column] ??= [];
    columns[column].push(node);
  }
  const positions: Record<string, { x: number; y: number }> = {};
  let x = 0;
  for (const column of columns) {
    if (!column) continue;
    const width = column.reduce((w, n) => Math.max(w, n.width), 0);
    const height = column.reduce((sum, n) => sum + n.height, 0) + nodeGap * (column.length - 1);
    let y = -height / 2;
    for (const node of column) {
      positions[node.id] = { x: x + (width - node.width) / 2, y };
      y += node.height + nodeGap;
    }
    x += width + layerGap;
  }
  return positions;
}
