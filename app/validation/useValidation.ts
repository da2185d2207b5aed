// Re-validates as the user types, debounced so a burst of keystrokes costs one run.
import { useEffect, useState } from "react";
import { runValidation, type ValidationOutcome } from "./run.ts";

/** Quiet time after the last edit before validating (the issue asks for ~150 ms). */
export const validationDelayMs = 150;

export interface ValidationState {
  outcome: ValidationOutcome;
  /** True while the shown outcome is for an older text than the editor's. */
  stale: boolean;
}

export function useValidation(text: string, delayMs = validationDelayMs): ValidationState {
  // The first text is checked at once so the page never opens on an empty report.
  const [outcome, setOutcome] = useState(() => runValidation(text));
  useEffect(() => {
    if (outcome.text === text) return;
    const timer = setTimeout(() => setOutcome(runValidation(text)), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, outcome.text]);
  return { outcome, stale: outcome.text !== text };
}
