// The places an action list can live (SPEC §2), in the column order of the seed's
// "Availability by Context" table.
export const contexts = [
  "cta",
  "trigger",
  "condition",
  "cross",
  "post",
  "block",
  "task",
  "agent",
] as const;
export type Context = (typeof contexts)[number];

/** The agent column splits in two: the seed's "via Custom Answers" vs "via Automated Actions". */
export type AgentSource = "customAnswer" | "automatedAction";

export const contextLabels: Record<Context, string> = {
  cta: "a CTA button",
  trigger: "a progress trigger",
  condition: "a survey condition or fallback",
  cross: "the closing cross",
  post: "a changelog post CTA",
  block: "a resource center action block",
  task: "a checklist task",
  agent: "an agent answer or automated action",
};
