// The order new keys are written in, as SPEC §1 lists them, so a field the form adds lands
// where an author would have typed it (e.g. "target" after "body", not after "ctas").
export const experienceKeys = [
  "id",
  "name",
  "type",
  "status",
  "showOn",
  "audience",
  "recurrence",
  "checklist",
  "ignoreRateLimit",
  "steps",
  "tasks",
] as const;

export const stepKeys = [
  "id",
  "name",
  "kind",
  "title",
  "body",
  "target",
  "question",
  "booking",
  "ctas",
  "closingCross",
  "triggers",
  "conditions",
  "fallback",
] as const;

export const questionKeys = [
  "text",
  "min",
  "max",
  "minLabel",
  "maxLabel",
  "options",
  "placeholder",
] as const;

export const itemKeys = ["id", "label", "on", "if", "actions"] as const;

export const actionKeys = [
  "type",
  "step",
  "experience",
  "post",
  "url",
  "openIn",
  "message",
  "hours",
  "maxTimes",
  "code",
  "simulate",
] as const;

export const projectKeys = [
  "$schema",
  "version",
  "settings",
  "personas",
  "experiences",
  "posts",
  "resourceCenter",
  "agent",
] as const;
