// Facts about experiences and steps that every layer shares. A leaf: it imports nothing, so
// it types only what it reads.

/** The final states of a flow (SPEC §3.1: completed, dismissed and snoozed). */
export const endStates = ["completed", "dismissed", "snoozed"] as const;
export type EndState = (typeof endStates)[number];

/** Tours, surveys and banners: one of them on screen at a time (SPEC §3.1). */
export function isSequential(experience: { type: string }): boolean {
  return experience.type === "tour" || experience.type === "survey" || experience.type === "banner";
}

const answerableKinds = new Set(["nps", "scale", "choice", "multiChoice", "text"]);

/** Survey steps that take an answer (SPEC §1: message and bookInterview take none). */
export function isAnswerable(step: { kind: string }): boolean {
  return answerableKinds.has(step.kind);
}
