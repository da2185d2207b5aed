// Which edges of the compiled machines a run took, as the engine reports them (onEdge): the
// ids the canvas draws. The collector also passes XState inspection on to a Stately
// inspector when one is connected.
import type { EdgeTaken, ExternalInspector } from "../../machines/engine/index.ts";

export interface TakenEdge {
  experience: string;
  /** Edge id, e.g. "score/condition/promoters". */
  edge: string;
}

export interface EdgeCollector {
  /** Pass to the simulation; forwards every event to `next` (a Stately inspector). */
  inspect: ExternalInspector;
  /** Pass to the simulation: collects the edges taken. */
  onEdge: (taken: EdgeTaken) => void;
  /** The edges taken since the last drain. */
  drain(): TakenEdge[];
  setNext(next: ExternalInspector | undefined): void;
}

export function createEdgeCollector(): EdgeCollector {
  let buffer: TakenEdge[] = [];
  let next: ExternalInspector | undefined;
  return {
    inspect(event) {
      next?.(event);
    },
    onEdge({ experience, edge }) {
      buffer.push({ experience, edge });
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
