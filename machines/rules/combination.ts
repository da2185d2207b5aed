// The seed's "Combination Matrix" as data (SPEC §2): "when the row action is already
// added, these column actions can still be combined with it". Not symmetric.
import type { ActionTypeName } from "./action-types.ts";

type Row = Record<ActionTypeName, boolean>;

// Column order: launchAgent, goToStep, dismiss, launchExperience, openPost, navigateTo,
// runJs, snooze, bookInterview (the seed's column order; note runJs before snooze here).
function row(
  launchAgent: boolean,
  goToStep: boolean,
  dismiss: boolean,
  launchExperience: boolean,
  openPost: boolean,
  navigateTo: boolean,
  runJs: boolean,
  snooze: boolean,
  bookInterview: boolean,
): Row {
  return {
    launchAgent,
    goToStep,
    dismiss,
    launchExperience,
    openPost,
    navigateTo,
    runJs,
    snooze,
    bookInterview,
  };
}
const Y = true;
const N = false;

/** The diagonal ("–") is false: the same action type twice in one list is not allowed. */
export const combination: Record<ActionTypeName, Row> = {
  //                     agent goTo dism launch post  nav  runJs snooze book
  launchAgent: row(N, Y, N, N, N, Y, Y, Y, N),
  goToStep: row(N, N, N, N, N, Y, Y, Y, N),
  dismiss: row(N, Y, N, N, N, Y, Y, N, N),
  launchExperience: row(N, Y, N, N, N, Y, Y, Y, N),
  openPost: row(N, Y, N, N, N, Y, Y, Y, N),
  navigateTo: row(Y, Y, Y, Y, Y, N, Y, Y, N),
  runJs: row(Y, Y, Y, Y, Y, Y, N, Y, N),
  snooze: row(Y, Y, N, Y, Y, Y, Y, N, N),
  bookInterview: row(N, Y, N, N, N, N, Y, N, N),
};

/** May `next` be added to a list that already holds `earlier`? */
export function canFollow(earlier: ActionTypeName, next: ActionTypeName): boolean {
  return combination[earlier][next];
}
