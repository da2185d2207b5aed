// Which flow-graph edges a run took, read off XState's inspection stream: every interaction
// of a compiled experience fires a `fire` action naming its step, context and CTA/condition
// (the same reading as machines/explore/replay.ts, whose edge ids the canvas draws).
import type { InspectionEvent } from "xstate";
import type { FireParams } from "../../machines/compile/index.ts";
import type { ExternalInspector } from "../../machines/engine/index.ts";
import { edgeIdOf } from "../../machines/explore/replay.ts";

export interface TakenEdge {
  experience: string;
  /** Flow-graph edge id, e.g. "score/condition/promoters". */
  edge: string;
}

function takenEdgeOf(event: InspectionEvent): TakenEdge | undefined {
  if (event.type !== "@xstate.action") return undefined;
  const action = event.action as { type: string; params?: unknown };
  if (action.type !== "fire") return undefined;
  const experience = (event.actorRef as unknown as { logic?: { id?: string } }).logic?.id;
  const edge = edgeIdOf(action.params as FireParams);
  return experience && edge ? { experience, edge } : undefined;
}

export interface EdgeCollector {
  /** Pass to the simulation; forwards every event to `next` (a Stately inspector). */
  inspect: ExternalInspector;
  /** The edges taken since the last drain. */
  drain(): TakenEdge[];
  setNext(next: ExternalInspector | undefined): void;
}

export function createEdgeCollector(): EdgeCollector {
  let buffer: TakenEdge[] = [];
  let next: ExternalInspector | undefined;
  return {
    inspect(event) {
      const taken = takenEdgeOf(event);
      if (taken) buffer.push(taken);
      next?.(event);
    },
    drain() {
      const out = buffer;
      buffer = [];
      return out;
    },
    setNext(inspector) {
      next = inspector;
    },
  };
}

/** Edges taken in `experience` up to moment `cursor`, and the last one (it pulses). */
export function takenUpTo(
  moments: readonly { taken: readonly TakenEdge[] }[],
  cursor: number,
  experience: string,
): { visited: Set<string>; last: string | null } {
  const visited = new Set<string>();
  let last: string | null = null;
  for (const moment of moments.slice(0, cursor + 1)) {
    for (const taken of moment.taken) {
      if (taken.experience !== experience) continue;
      visited.add(taken.edge);
    }
  }
  const own = moments[cursor]?.taken.filter((t) => t.experience === experience) ?? [];
  if (own.length > 0) last = own[own.length - 1].edge;
  return { visited, last };
}
