// A forecast model checked against its project (SPEC §5): every id it names must exist, and
// every answer it weighs must be one the step takes. Each problem names its place in the
// model as a JSON pointer (the CLI adds line and column), like the validator's diagnostics.
import type { ForecastModel, StepBehaviour } from "../format/forecast-model.ts";
import { interactionRef } from "../format/forecast-model.ts";
import { experienceById, memberById, stepIndex } from "../format/lookup.ts";
import type { Experience, Project, Step } from "../format/schema.ts";
import { childPointer, type Diagnostic, error } from "../model/diagnostic.ts";
import { isAnswerable } from "../model/experience.ts";
import { idsOf } from "../model/id-index.ts";
import { didYouMean } from "../model/suggest.ts";
import { answerOfKey } from "./answers.ts";

export function checkForecastModel(project: Project, model: ForecastModel): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const id of model.personas?.keys() ?? []) {
    if (memberById(project.personas, id)) continue;
    const hint = didYouMean(id, idsOf(project.personas), "persona ids");
    problems.push(
      error(
        "unknownPersona",
        `no persona ${JSON.stringify(id)} in the project; ${hint}`,
        childPointer("/personas", id),
      ),
    );
  }
  for (const [experienceId, steps] of model.behaviour ?? []) {
    const at = childPointer("/behaviour", experienceId);
    const experience = experienceById(project, experienceId);
    if (!experience) {
      const hint = didYouMean(experienceId, idsOf(project.experiences), "experience ids");
      problems.push(
        error(
          "unknownExperience",
          `no experience ${JSON.stringify(experienceId)} in the project; ${hint}`,
          at,
        ),
      );
      continue;
    }
    for (const [stepId, behaviour] of steps) {
      problems.push(...checkStep(experience, stepId, behaviour, childPointer(at, stepId)));
    }
  }
  return problems;
}

function checkStep(
  experience: Experience,
  stepId: string,
  behaviour: StepBehaviour,
  at: string,
): Diagnostic[] {
  const index = experience.type === "checklist" ? -1 : stepIndex(experience, stepId);
  if (index < 0) {
    const what =
      experience.type === "checklist"
        ? "a checklist has tasks, not steps"
        : didYouMean(stepId, idsOf(experience.steps), "step ids");
    return [
      error(
        "unknownStep",
        `no step ${JSON.stringify(stepId)} in experience ${JSON.stringify(experience.id)}; ${what}`,
        at,
      ),
    ];
  }
  const step = experience.steps[index];
  const problems: Diagnostic[] = [];
  for (const key of Object.keys(behaviour)) {
    const ref = interactionRef(key);
    if (!ref) continue;
    const list: readonly { id: string }[] = ref.kind === "cta" ? step.ctas : step.triggers;
    if (memberById(list, ref.id)) continue;
    const what = ref.kind === "cta" ? "CTA ids" : "trigger ids";
    problems.push(
      error(
        ref.kind === "cta" ? "unknownCta" : "unknownTrigger",
        `step ${JSON.stringify(step.id)} has no ${ref.kind === "cta" ? "CTA" : "trigger"} ${JSON.stringify(ref.id)}; ${didYouMean(ref.id, idsOf(list), what)}`,
        childPointer(at, key),
      ),
    );
  }
  if (behaviour.answer) problems.push(...checkAnswers(step, behaviour.answer, `${at}/answer`));
  return problems;
}

function checkAnswers(step: Step, answers: ReadonlyMap<string, number>, at: string): Diagnostic[] {
  if (!isAnswerable(step)) {
    return [
      error(
        "notAnswerable",
        `step ${JSON.stringify(step.id)} (${step.kind}) takes no answer; weigh its CTAs (cta.<id>) instead`,
        at,
      ),
    ];
  }
  const problems: Diagnostic[] = [];
  for (const key of answers.keys()) {
    const read = answerOfKey(step, key);
    if (read.ok) continue;
    problems.push(
      error(
        "answerNotAllowed",
        `step ${JSON.stringify(step.id)} does not take the answer ${JSON.stringify(key)}: ${read.why}`,
        childPointer(at, key),
      ),
    );
  }
  return problems;
}
