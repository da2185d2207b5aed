// Stage e, experience level: the step kinds each type takes (SPEC §1 "Step"), checklists
// made of tasks, and automatic experiences that can actually be shown.
import {
  type Experience,
  type ExperienceType,
  type Project,
  type StepKind,
  surveyStepKinds,
  tourStepKinds,
} from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnose } from "./codes.ts";

export const stepKindsByType: Record<ExperienceType, readonly StepKind[]> = {
  tour: tourStepKinds,
  survey: surveyStepKinds,
  banner: ["banner"],
  hint: ["hint"],
  checklist: [],
};

export function experienceDiagnostics(project: Project): Diagnostic[] {
  return project.experiences.flatMap((experience, e) => {
    const at = `/experiences/${e}`;
    return [
      ...stepKindDiagnostics(experience, at),
      ...contentDiagnostics(experience, at),
      ...autoWithoutUrls(experience, at),
    ];
  });
}

function stepKindDiagnostics(experience: Experience, at: string): Diagnostic[] {
  if (experience.type === "checklist") return [];
  const allowed = stepKindsByType[experience.type];
  const out: Diagnostic[] = [];
  experience.steps.forEach((step, s) => {
    if (allowed.includes(step.kind)) return;
    out.push(
      diagnose(
        "stepKindNotAllowed",
        `A ${experience.type} cannot have a "${step.kind}" step; use ${allowed.join(", ")}.`,
        `${at}/steps/${s}/kind`,
      ),
    );
  });
  return out;
}

/**
 * Decided here: a checklist with steps is an error (they would never show) and one without
 * tasks a warning (it completes at once); tasks on another type are an error (never shown);
 * a tour, survey, banner or hint without steps is a warning (it completes as soon as shown).
 */
function contentDiagnostics(experience: Experience, at: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (experience.type === "checklist") {
    if (experience.steps.length > 0) {
      out.push(
        diagnose(
          "checklistHasSteps",
          "A checklist is made of tasks, not steps: move the steps into a tour and launch it from a task.",
          `${at}/steps`,
        ),
      );
    }
    if (experience.tasks.length === 0) {
      out.push(
        diagnose(
          "noTasks",
          "This checklist has no tasks: it completes as soon as it is shown; add tasks.",
          at,
        ),
      );
    }
    return out;
  }
  if (experience.tasks.length > 0) {
    out.push(
      diagnose(
        "tasksOutsideChecklist",
        `Only a checklist has tasks; a ${experience.type} never shows them: remove "tasks" or make it a checklist.`,
        `${at}/tasks`,
      ),
    );
  }
  if (experience.steps.length === 0) {
    out.push(
      diagnose(
        "noSteps",
        `This ${experience.type} has no steps: it completes as soon as it is shown; add a step.`,
        at,
      ),
    );
  }
  return out;
}

/** Decided here (with the engine): an automatic experience with no urls never matches a page. */
function autoWithoutUrls(experience: Experience, at: string): Diagnostic[] {
  if (experience.showOn.trigger !== "auto" || experience.showOn.urls.length > 0) return [];
  return [
    diagnose(
      "autoWithoutUrls",
      'This experience is shown automatically but has no page patterns, so it never shows: add showOn.urls (e.g. ["/app/*"]) or set showOn.trigger to "manual".',
      `${at}/showOn`,
    ),
  ];
}
