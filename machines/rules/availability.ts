// The seed's "Availability by Context" table as data (SPEC §2). One row per action, one
// cell per context, transcribed cell by cell; test/rules.test.ts checks all 72.
import type { ActionTypeName } from "./action-types.ts";
import type { Context } from "./contexts.ts";

/**
 * yes: allowed. no: not allowed. default: allowed and the seed's default there.
 * firstStep: only on the first step of a tour, banner or survey.
 * needsActivation: only when settings.runJsEnabled (the seed's "*").
 * fixed: only as the fixed action of a bookInterview step's primary CTA (the seed's "**").
 * customAnswersOnly: agent column, "via Custom Answers" (or "via Tours or Custom Answers").
 * agentBoth: agent column, "via Automated Actions or Custom Answers".
 */
export type Availability =
  | "yes"
  | "no"
  | "default"
  | "firstStep"
  | "needsActivation"
  | "fixed"
  | "customAnswersOnly"
  | "agentBoth";

export const availability: Record<ActionTypeName, Record<Context, Availability>> = {
  //               cta                 trigger            condition          cross        post   block  task   agent
  launchAgent: row("yes", "yes", "yes", "no", "no", "no", "no", "no"),
  goToStep: row("yes", "yes", "default", "no", "no", "no", "no", "no"),
  dismiss: row("yes", "yes", "yes", "default", "no", "no", "no", "no"),
  launchExperience: row("yes", "yes", "yes", "no", "yes", "yes", "yes", "customAnswersOnly"),
  openPost: row("yes", "yes", "no", "no", "no", "yes", "yes", "customAnswersOnly"),
  navigateTo: row("yes", "yes", "yes", "no", "yes", "yes", "yes", "agentBoth"),
  snooze: row("firstStep", "firstStep", "firstStep", "firstStep", "no", "no", "no", "no"),
  // Decided here (SPEC §2): the block cell is "Yes" without the asterisk, so no activation.
  runJs: row(
    "needsActivation",
    "needsActivation",
    "needsActivation",
    "no",
    "no",
    "yes",
    "no",
    "no",
  ),
  bookInterview: row("fixed", "no", "no", "no", "no", "no", "no", "no"),
};

function row(
  cta: Availability,
  trigger: Availability,
  condition: Availability,
  cross: Availability,
  post: Availability,
  block: Availability,
  task: Availability,
  agent: Availability,
): Record<Context, Availability> {
  return { cta, trigger, condition, cross, post, block, task, agent };
}
