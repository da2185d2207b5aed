// Arrow keys on the canvas: from the focused node to the nearest node in that direction, by
// the layout's positions (box centres). A node counts as "in that direction" when its centre
// lies within 60° either side of it; the nearest is the one with the least distance along the
// direction plus twice the distance across it, so a node straight ahead beats a closer one
// far off to the side. Pure.
import type { Point } from "./layout-types.ts";

export type Direction = "left" | "right" | "up" | "down";

export const arrowDirections: ReadonlyMap<string, Direction> = new Map([
  ["ArrowLeft", "left"],
  ["ArrowRight", "right"],
  ["ArrowUp", "up"],
  ["ArrowDown", "down"],
]);

export interface NavBox {
  id: string;
  width: number;
  height: number;
}

const unit: Record<Direction, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/** tan 60°: how far across a node may lie for each unit along. */
const cone = Math.sqrt(3);

function centre(box: NavBox, positions: Record<string, Point>): Point | undefined {
  if (!Object.hasOwn(positions, box.id)) return undefined;
  const p = positions[box.id];
  return { x: p.x + box.width / 2, y: p.y + box.height / 2 };
}

/** The node to move to from `from` in `direction`, or undefined when there is none. */
export function nearestInDirection(
  from: string,
  direction: Direction,
  boxes: readonly NavBox[],
  positions: Record<string, Point>,
): string | undefined {
  const start = boxes.find((b) => b.id === from);
  const origin = start ? centre(start, positions) : undefined;
  if (!origin) return undefined;
  const { x: ux, y: uy } = unit[direction];
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const box of boxes) {
    if (box.id === from) continue;
    const c = centre(box, positions);
    if (!c) continue;
    const dx = c.x - origin.x;
    const dy = c.y - origin.y;
    const along = dx * ux + dy * uy;
    const across = Math.abs(dx * uy - dy * ux);
    if (along <= 0 || across > along * cone) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = box.id;
    }
  }
  return best;
}
