// Pending landings (SPEC §3.4), ordered deterministically by (due time, firing sequence): a
// binary heap kept in the world's own `pending` array, so a snapshot is plain JSON and each
// firing or landing costs O(log n) however long the script runs.
import type { PendingLanding } from "../actions/landing.ts";

function before(a: PendingLanding, b: PendingLanding): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

export function landingOrder(a: PendingLanding, b: PendingLanding): number {
  return a.due - b.due || a.seq - b.seq;
}

export class Scheduler {
  /** `heap` is the world's `pending` array: the scheduler orders it in place. */
  constructor(private heap: PendingLanding[]) {
    // A restored snapshot may come from an older version that kept the list unordered.
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The landing due first, without removing it. */
  peek(): PendingLanding | undefined {
    return this.heap[0];
  }

  push(landing: PendingLanding): void {
    const heap = this.heap;
    heap.push(landing);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  pop(): PendingLanding | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Drops every pending landing (loop.stopped); returns how many there were. */
  clear(): number {
    const count = this.heap.length;
    this.heap.length = 0;
    return count;
  }

  /** Every pending landing, in landing order (a copy). */
  ordered(): PendingLanding[] {
    return [...this.heap].sort(landingOrder);
  }

  /** Every pending landing, in no particular order (read-only). */
  all(): readonly PendingLanding[] {
    return this.heap;
  }

  private down(from: number): void {
    const heap = this.heap;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left], heap[least])) least = left;
      if (right < heap.length && before(heap[right], heap[least])) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least], heap[i]];
      i = least;
    }
  }
}
