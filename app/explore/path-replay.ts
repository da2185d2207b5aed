// Replaying a coverage path on the canvas: a fresh session with the report's user and start,
// then the path's script steps one at a time with a short pause between them, so the canvas
// walks the path. The session is driven through a small interface (the session store in the
// app, anything in tests); the returned function cancels the walk (a newer click, an edit).
// The user stays in charge: when the session changed between two of its steps (a canvas
// click, a preview step, time travel, a fix), the walk stops and leaves the session alone.
import type { CoveragePath, ScriptSetup } from "../../machines/explore/index.ts";
import type { ScriptStep } from "../../machines/format/index.ts";

type StepOutcome = { ok: true } | { ok: false; message: string };

export interface PathReplayDriver {
  /** Brings the flow canvas into view. */
  showCanvas(): void;
  /** A fresh session for this user and start with the experience selected; no step run. */
  load(setup: ScriptSetup, experienceId: string): StepOutcome;
  run(step: ScriptStep): StepOutcome;
  /** The canvas draws this experience (a path that launches out shows another on the way). */
  select(experienceId: string): void;
  /** Remembers the session as it is now (after the replay's own load or step). */
  remember(): void;
  /** Whether the session changed since `remember` (someone else acted on it). */
  changed(): boolean;
}

/** Why a replay stopped early when the user acted on the session meanwhile. */
export const sessionChangedMessage = "the session changed";

/** Runs `task` after `ms`; returns a function that stops it. */
export type Schedule = (task: () => void, ms: number) => () => void;

const timerSchedule: Schedule = (task, ms) => {
  const timer = setTimeout(task, ms);
  return () => clearTimeout(timer);
};

export interface ReplayListener {
  /** After each step: how many of the path's steps have run. */
  onStep?(done: number, total: number): void;
  onEnd(outcome: StepOutcome): void;
}

/** Pause between steps: ~250 ms, shorter for long paths so a walk lasts at most ~8 s. */
export function replayDelay(steps: number, longest = 8_000): number {
  return Math.round(Math.max(20, Math.min(250, longest / Math.max(1, steps))));
}

/** The path's steps land their actions before the next one, as the path was computed. */
function settled(step: ScriptStep): ScriptStep {
  return step.settle === undefined ? { ...step, settle: true } : step;
}

export function replayPath(
  path: CoveragePath,
  setup: ScriptSetup,
  experienceId: string,
  driver: PathReplayDriver,
  listener: ReplayListener,
  schedule: Schedule = timerSchedule,
): () => void {
  let stopTimer: (() => void) | null = null;
  let cancelled = false;
  const total = path.steps.length;
  const delay = replayDelay(total);

  const end = (outcome: StepOutcome) => {
    driver.select(experienceId);
    listener.onEnd(outcome);
  };

  const runFrom = (index: number) => {
    stopTimer = null;
    if (cancelled) return;
    // Someone else's session now: do not step on it, nor switch its experience.
    if (driver.changed()) return listener.onEnd({ ok: false, message: sessionChangedMessage });
    const outcome = driver.run(settled(path.steps[index]));
    if (!outcome.ok) return end(outcome);
    driver.remember();
    listener.onStep?.(index + 1, total);
    if (index + 1 >= total) return end({ ok: true });
    stopTimer = schedule(() => runFrom(index + 1), delay);
  };

  driver.showCanvas();
  const loaded = driver.load(setup, experienceId);
  if (!loaded.ok) {
    listener.onEnd(loaded);
    return () => {};
  }
  driver.remember();
  if (total === 0) end({ ok: true });
  else runFrom(0);
  return () => {
    cancelled = true;
    stopTimer?.();
    stopTimer = null;
  };
}
