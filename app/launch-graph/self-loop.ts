// A node that acts on itself (an experience launching itself): ELK routes no such edge, so it
// is drawn as a loop over the node, out of its right handle and into its left one.

/** How far above the node a self-loop rises. */
const loopRise = 46;

/** From the node's right handle up over its top and down into its left handle. */
export function selfLoopPath(
  sourceX: number,
  sourceY: number,
  targetX: number,
  targetY: number,
  /** Half the node's height: the handles sit mid-height, the loop clears the node's top. */
  halfHeight = 28,
): { path: string; labelX: number; labelY: number } {
  const top = Math.min(sourceY, targetY) - halfHeight - loopRise;
  const path = `M ${sourceX} ${sourceY} C ${sourceX + 50} ${sourceY}, ${sourceX + 30} ${top}, ${(sourceX + targetX) / 2} ${top} S ${targetX - 50} ${targetY}, ${targetX} ${targetY}`;
  return { path, labelX: (sourceX + targetX) / 2, labelY: top };
}
