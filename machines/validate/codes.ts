// Every diagnostic code the validator can produce, with its severity and one line of meaning.
// README and examples/invalid/README.md list the same; test/invalid-examples.test.ts checks
// that every code here has an example file.
import type { Diagnostic, Severity } from "../model/diagnostic.ts";

export interface CodeInfo {
  severity: Severity;
  meaning: string;
}

export const diagnosticCodes = {
  // ---------------------------------------------------------------- text and structure
  parse: { severity: "error", meaning: "the text is not JSON (the message says what and where)" },
  rootNotObject: { severity: "error", meaning: "the document is not a JSON object" },
  missingField: { severity: "error", meaning: "a required field is missing" },
  wrongType: { severity: "error", meaning: "a value has the wrong JSON type" },
  invalidValue: { severity: "error", meaning: "a value is not one of those allowed" },
  outOfRange: { severity: "error", meaning: "a number is outside its allowed range" },
  unknownActionType: { severity: "error", meaning: "an action's type is not one of the nine" },
  unknownKey: { severity: "error", meaning: "a key that a closed map does not allow" },
  tooManyIssues: { severity: "error", meaning: "structural errors beyond the first 200" },
  unknownField: { severity: "warning", meaning: "a field the format does not know: ignored" },
  tooManyUnknownFields: { severity: "warning", meaning: "unknown fields beyond the first 200" },
  // ---------------------------------------------------------------- actions (SPEC §2)
  notAvailable: { severity: "error", meaning: "an action is not available in its context" },
  runJsNeedsActivation: {
    severity: "error",
    meaning: "runJs without settings.runJsEnabled (needs Jimo support)",
  },
  snoozeNotFirstStep: {
    severity: "error",
    meaning: "snooze outside the first step of a tour, banner or survey",
  },
  bookInterviewNotFixed: {
    severity: "error",
    meaning: "bookInterview written anywhere but first on a bookInterview step's primary CTA",
  },
  previousOnlyInCta: { severity: "error", meaning: "goToStep previous outside a CTA" },
  unknownStep: { severity: "error", meaning: "goToStep names a step its experience lacks" },
  unknownExperience: { severity: "error", meaning: "a launch or audience names no experience" },
  launchTargetNotLive: { severity: "error", meaning: "launchExperience targets a draft" },
  unknownPost: { severity: "error", meaning: "openPost names a post that does not exist" },
  unsafeUrl: {
    severity: "error",
    meaning: "a URL with a javascript:, data:, vbscript: or file: scheme",
  },
  combinationNotAllowed: {
    severity: "error",
    meaning: "an action the combination matrix forbids after an earlier one in its list",
  },
  duplicateAction: { severity: "error", meaning: "the same action type twice in one list" },
  // ---------------------------------------------------------------- ids and steps
  duplicateId: { severity: "error", meaning: "an id already used in the same scope" },
  stepKindNotAllowed: { severity: "error", meaning: "a step kind its experience type lacks" },
  checklistHasSteps: { severity: "error", meaning: "a checklist with steps (it only has tasks)" },
  tasksOutsideChecklist: {
    severity: "error",
    meaning: "tasks on an experience that is no checklist",
  },
  conditionNotForKind: {
    severity: "error",
    meaning: "a survey condition operator that does not fit the step kind",
  },
  unknownOption: { severity: "error", meaning: "a condition names an option the question lacks" },
  invalidRange: { severity: "error", meaning: "between [a, b] with a > b, or question min ≥ max" },
  missingOptions: { severity: "error", meaning: "a choice or multiChoice step without options" },
  questionNotForKind: { severity: "error", meaning: "a question shape that does not fit the kind" },
  missingBooking: { severity: "error", meaning: "a bookInterview step without booking" },
  // ---------------------------------------------------------------- warnings (SPEC §2)
  valueOutOfRange: {
    severity: "warning",
    meaning: "a condition's number outside the answers the step allows",
  },
  missingTarget: {
    severity: "warning",
    meaning: "a tooltip, badge, cursor or hint without target",
  },
  noSteps: { severity: "warning", meaning: "a tour, survey, banner or hint without steps" },
  noTasks: { severity: "warning", meaning: "a checklist without tasks" },
  autoWithoutUrls: { severity: "warning", meaning: "an automatic experience without urls" },
  twoViewChanges: {
    severity: "warning",
    meaning: "two actions in one list that both change what the user sees",
  },
  navigateBesideRender: {
    severity: "warning",
    meaning: "a same-tab navigateTo beside an action that renders on the page",
  },
  unreachableStep: { severity: "warning", meaning: "no path from the first step leads there" },
  noWayOn: {
    severity: "warning",
    meaning: "nothing moves the user on from a step (only dismiss, snooze or the cross)",
  },
  undefinedAttribute: { severity: "warning", meaning: "a {name} that no persona defines" },
  launchLoop: { severity: "warning", meaning: "experiences that launch each other in a cycle" },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** A diagnostic with the severity its code has in the table above. */
export function diagnose(code: DiagnosticCode, message: string, pointer: string): Diagnostic {
  return { severity: diagnosticCodes[code].severity, code, message, pointer };
}
