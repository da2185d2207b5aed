// A script step in the user's words (issue 12): `click “Book a call”` (the CTA's label, read
// on the step that was on screen), `launch “Quarterly NPS”`, `advance 1 h`, `advance 90 d`,
// "land the actions in flight" for an advance of nothing. Ids are shown only when the project
// has no name for them.
import type { WorldState } from "../../machines/engine/index.ts";
import type { ScriptStep } from "../../machines/format/index.ts";
import { answerText } from "./describe.ts";
import { formatHours } from "./duration.ts";
import type { ProjectWords } from "./words.ts";

const quoted = (text: string) => `“${text}”`;

/**
 * `before` is the world the step ran on (the CTA clicked is one of its steps on screen);
 * without it, the first CTA of that id in the project names it.
 */
export function describeStep(
  step: ScriptStep,
  words: ProjectWords,
  before: WorldState | null,
): string {
  switch (step.do) {
    case "launch":
      return `launch ${quoted(words.experience(step.experience))}`;
    case "click":
      return `click ${quoted(ctaLabel(step.cta, step.experience, words, before))}`;
    case "answer":
      return `answer ${answerText(step.value)}`;
    case "close":
      return step.experience
        ? `close ${quoted(words.experience(step.experience))} with its closing cross`
        : "close with the closing cross";
    case "navigate":
      return `navigate to ${step.url}`;
    case "clickElement":
      return `click element ${step.selector}`;
    case "advance":
      return step.hours === 0 ? "land the actions in flight" : `advance ${formatHours(step.hours)}`;
    case "task":
      return `task ${quoted(words.task(step.experience, step.task))} of ${quoted(words.experience(step.experience))}`;
    case "openPost":
      return `open post ${quoted(words.post(step.post))}`;
    case "clickPostCta":
      return `click ${quoted(words.postCta(step.post) ?? "its CTA")} of post ${quoted(words.post(step.post))}`;
    case "clickBlock":
      return `click block ${quoted(words.block(step.block))}`;
    case "askAgent":
      return `ask the agent ${quoted(step.message)}`;
  }
}

/** The label of the CTA clicked: on the step on screen before the click, else anywhere. */
function ctaLabel(
  ctaId: string,
  experienceId: string | undefined,
  words: ProjectWords,
  before: WorldState | null,
): string {
  if (before) {
    for (const [id, state] of Object.entries(before.experiences)) {
      if (experienceId !== undefined && id !== experienceId) continue;
      if (state.status !== "active" || state.step === null) continue;
      const label = words.cta(id, state.step, ctaId);
      if (label !== undefined) return label;
    }
  }
  return words.anyCta(ctaId, experienceId) ?? ctaId;
}
