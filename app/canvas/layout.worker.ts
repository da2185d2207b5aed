// The layout worker: ELK's layered algorithm (left to right, edges routed with room for
// their labels) off the main thread, or the linear fast layout for big flows. One request in,
// one answer out; an ELK failure falls back to the fast layout and says so.
import ELK, { type ElkExtendedEdge, type ElkNode } from "elkjs/lib/elk.bundled.js";
import { fastLayout } from "./fast-layout.ts";
import {
  type EdgeRoute,
  elkNodeLimit,
  type LayoutAnswer,
  type LayoutRequest,
  layerGap,
  nodeGap,
  type Point,
} from "./layout-types.ts";

const elk = new ELK();

const elkOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.spacing.nodeNodeBetweenLayers": String(layerGap),
  "elk.spacing.nodeNode": String(nodeGap),
  "elk.spacing.edgeNode": "18",
  "elk.spacing.edgeEdge": "12",
  "elk.spacing.edgeLabel": "4",
  "elk.edgeLabels.placement": "CENTER",
  "elk.layered.edgeLabels.sideSelection": "ALWAYS_UP",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  // Nodes come in step order: an edge back to an earlier step is the one reversed in a cycle,
  // so the flow reads left to right from its first step.
  "elk.layered.cycleBreaking.strategy": "MODEL_ORDER",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.edgeRouting": "ORTHOGONAL",
};

function toElk(request: LayoutRequest): ElkNode {
  return {
    id: "root",
    layoutOptions: elkOptions,
    children: request.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: request.edges
      .filter((e) => e.source !== e.target)
      .map((e) => ({
        id: e.id,
        sources: [e.source],
        targets: [e.target],
        ...(e.label ? { labels: [{ id: `${e.id}#label`, text: " ", ...e.label }] } : {}),
      })),
  };
}

function routeOf(edge: ElkExtendedEdge): EdgeRoute | undefined {
  const section = edge.sections?.[0];
  if (!section) return undefined;
  const points: Point[] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
  const label = edge.labels?.[0];
  const centre =
    label && label.x !== undefined && label.y !== undefined
      ? { x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2 }
      : undefined;
  return { points, ...(centre ? { label: centre } : {}) };
}

async function elkLayout(request: LayoutRequest) {
  const graph = await elk.layout(toElk(request));
  const positions: LayoutAnswer["positions"] = {};
  for (const child of graph.children ?? [])
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  const routes: Record<string, EdgeRoute> = {};
  for (const edge of graph.edges ?? []) {
    const route = routeOf(edge);
    if (route) routes[edge.id] = route;
  }
  return { positions, routes };
}

async function answer(request: LayoutRequest): Promise<LayoutAnswer> {
  const started = performance.now();
  const done = (rest: Omit<LayoutAnswer, "id" | "ms">): LayoutAnswer => ({
    id: request.id,
    ms: performance.now() - started,
    ...rest,
  });
  if (request.nodes.length > elkNodeLimit) {
    return done({
      positions: fastLayout(request.nodes, request.edges, request.initial),
      engine: "fast",
    });
  }
  try {
    return done({ ...(await elkLayout(request)), engine: "elk" });
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown.message : String(thrown);
    const positions = fastLayout(request.nodes, request.edges, request.initial);
    return done({ positions, engine: "fast", error });
  }
}

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(await answer(event.data));
};
