// Replaying a recording step by step or at once (issue 4 item 6). The replay drives whatever
// holds the live simulation through a small driver interface (the session store in the app,
// a bare Simulation in tests), so the canvas and preview follow each step.
import { ScriptStepError } from "../../machines/engine/index.ts";
import type { Recording, Result, ScriptStep } from "../../machines/format/index.ts";
import { type CheckOutcome, evaluateChecks, splitExpectations } from "./expectations.ts";

export interface ReplayDriver {
  /** Starts over: a fresh simulation for this user and start (no steps run). */
  reset(setup: Pick<Recording["script"], "user" | "start">): void;
  /** Runs one script step; throws (ScriptStepError) when it cannot be done. */
  run(step: ScriptStep): void;
  /** The result so far; null when there is none (no valid project): every check then fails. */
  result(): Result | null;
}

export interface ReplayState {
  recording: Recording;
  /** Index of the next step to run. */
  next: number;
  /** Set when a step could not be done; the replay stops there. */
  stepError: { index: number; message: string } | null;
  /** Filled once the replay has ended (all steps run, or a step failed). */
  outcomes: CheckOutcome[] | null;
}

export function startReplay(recording: Recording, driver: ReplayDriver): ReplayState {
  driver.reset({ user: recording.script.user, start: recording.script.start });
  const state: ReplayState = { recording, next: 0, stepError: null, outcomes: null };
  return recording.script.steps.length === 0 ? finish(state, driver) : state;
}

export function isFinished(state: ReplayState): boolean {
  return state.outcomes !== null;
}

/** Runs the next step; after the last one (or a failing one) the expectations are checked. */
export function stepReplay(state: ReplayState, driver: ReplayDriver): ReplayState {
  if (isFinished(state)) return state;
  const index = state.next;
  try {
    driver.run(state.recording.script.steps[index]);
  } catch (thrown) {
    const message = describeFailure(thrown, index, state.recording.script.steps[index]);
    return finish({ ...state, stepError: { index, message } }, driver);
  }
  const next = { ...state, next: index + 1 };
  return next.next >= state.recording.script.steps.length ? finish(next, driver) : next;
}

export function runReplay(state: ReplayState, driver: ReplayDriver): ReplayState {
  let current = state;
  while (!isFinished(current)) current = stepReplay(current, driver);
  return current;
}

/** True when every step ran and every expectation holds. */
export function replayPassed(state: ReplayState): boolean {
  return (
    state.outcomes !== null &&
    state.stepError === null &&
    state.outcomes.every((outcome) => outcome.pass)
  );
}

function finish(state: ReplayState, driver: ReplayDriver): ReplayState {
  const checks = splitExpectations(state.recording.expect);
  return { ...state, outcomes: evaluateChecks(checks, driver.result() ?? {}) };
}

function describeFailure(thrown: unknown, index: number, step: ScriptStep): string {
  if (thrown instanceof ScriptStepError) return thrown.message;
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return `step ${index + 1} (${step.do}): ${reason}`;
}
