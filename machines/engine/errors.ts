// A script step that cannot be done (SPEC §4: the CLI exits 1 and names the step).
import type { ScriptStep } from "../format/script.ts";

export class ScriptStepError extends Error {
  /** 0-based index of the step in script.steps; the message counts from 1. */
  readonly stepIndex: number;
  readonly step: ScriptStep;

  constructor(stepIndex: number, step: ScriptStep, reason: string) {
    super(`step ${stepIndex + 1} (${describeScriptStep(step)}): ${reason}`);
    this.name = "ScriptStepError";
    this.stepIndex = stepIndex;
    this.step = step;
  }
}

/** A short label such as `click "primary"` or `advance 25h`. */
export function describeScriptStep(step: ScriptStep): string {
  switch (step.do) {
    case "launch":
      return `launch "${step.experience}"`;
    case "click":
      return `click "${step.cta}"`;
    case "answer":
      return `answer ${JSON.stringify(step.value)}`;
    case "close":
      return "close";
    case "navigate":
      return `navigate "${step.url}"`;
    case "clickElement":
      return `clickElement "${step.selector}"`;
    case "advance":
      return `advance ${step.hours}h`;
    case "task":
      return `task "${step.task}" of "${step.experience}"`;
    case "openPost":
      return `openPost "${step.post}"`;
    case "clickPostCta":
      return `clickPostCta "${step.post}"`;
    case "clickBlock":
      return `clickBlock "${step.block}"`;
    case "askAgent":
      return `askAgent ${JSON.stringify(step.message)}`;
  }
}

/** Thrown inside the engine; run() rewraps it with the step's index and label. */
export class StepRefused extends Error {}
