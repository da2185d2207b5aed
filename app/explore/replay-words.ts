// A coverage path's replay in words: the state a row's accessible name carries ("replaying
// step 3 of 7", "replayed", "stopped after 2 of 7 steps") and the one polite live line that
// follows the replay for screen readers (and shows why it stopped).
import type { ReplayMark } from "./usePathReplay.ts";

function stepsWord(n: number): string {
  return n === 1 ? "step" : "steps";
}

/** The replay state of a row, as part of its accessible name. */
export function replayStateWords(mark: ReplayMark): string {
  if (mark.state === "replayed") return "replayed";
  if (mark.state === "failed") return `stopped after ${mark.done} of ${mark.total} steps`;
  return mark.done === 0 ? "replay starting" : `replaying step ${mark.done} of ${mark.total}`;
}

/** The live line: which path, how far, how it ended (empty when nothing was replayed). */
export function replayProgressWords(mark: ReplayMark | null): string {
  if (!mark) return "";
  const path = `Path ${mark.index + 1}`;
  if (mark.state === "replayed") return `${path} replayed: ${mark.total} ${stepsWord(mark.total)}.`;
  if (mark.state === "failed") {
    const why = mark.message ? `: ${mark.message}` : "";
    return `${path} stopped after ${mark.done} of ${mark.total} ${stepsWord(mark.total)}${why}.`;
  }
  return `Replaying ${path.toLowerCase()}: step ${mark.done} of ${mark.total}.`;
}
