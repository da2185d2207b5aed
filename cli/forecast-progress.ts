// The progress bar of `flowscope forecast` on stderr: drawn only on a terminal and only once
// a run has taken a second (a quick run stays silent), redrawn at most ten times a second on
// one line, and wiped when the run ends so stdout's output is left as it is.
import { grouped } from "./format/forecast.ts";

/** A run shorter than this shows no bar. */
const quietMs = 1000;
const redrawMs = 100;
const width = 30;

export interface Progress {
  update(done: number): void;
  /** Wipes the bar, if one was drawn. */
  finish(): void;
}

export const noProgress: Progress = { update() {}, finish() {} };

/** A bar counting to `total` users, written with `write` (stderr); `now` is in ms. */
export function progressBar(
  write: (text: string) => void,
  total: number,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done) {
      const at = now();
      if (at - started < quietMs || at - drawnAt < redrawMs) return;
      drawnAt = at;
      drawn = true;
      write(`\r${progressLine(done, total)}`);
    },
    finish() {
      // Erase to the end of the line: the cursor is back where the bar started.
      if (drawn) write("\r\u001b[K");
    },
  };
}

/** `forecast ███████░░░░  45% 4,500 / 10,000 users` */
export function progressLine(done: number, total: number): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const full = Math.round(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `forecast ${"█".repeat(full)}${"░".repeat(width - full)} ${percent} ${grouped(done)} / ${grouped(total)} users`;
}
