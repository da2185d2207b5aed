// The nine actions of the seed, in the row order of its tables, with their seed names.
export const actionTypes = [
  "launchAgent",
  "goToStep",
  "dismiss",
  "launchExperience",
  "openPost",
  "navigateTo",
  "snooze",
  "runJs",
  "bookInterview",
] as const;
export type ActionTypeName = (typeof actionTypes)[number];

export const actionLabels: Record<ActionTypeName, string> = {
  launchAgent: "Launch Agent",
  goToStep: "Go to step",
  dismiss: "Dismiss",
  launchExperience: "Launch experience",
  openPost: "Open Post",
  navigateTo: "Navigate to",
  snooze: "Snooze",
  runJs: "Run JS code",
  bookInterview: "Book Interview",
};
