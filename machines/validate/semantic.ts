// Stages b–f on a well-formed project: each rule family lives in its own module.
import type { Project } from "../format/schema.ts";
import { attributeDiagnostics } from "./attributes.ts";
import { availabilityDiagnostics } from "./availability-check.ts";
import { combinationDiagnostic } from "./combination-check.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { experienceDiagnostics } from "./experiences.ts";
import { flowDiagnostics } from "./flow.ts";
import { audienceDiagnostics, idDiagnostics } from "./ids.ts";
import { launchLoopDiagnostics } from "./launch-loop.ts";
import { listWarnings } from "./list-warnings.ts";
import { actionLists } from "./places.ts";
import { stepDiagnostics } from "./steps.ts";
import { urlDiagnostics } from "./urls.ts";

export function semanticDiagnostics(project: Project): Diagnostic[] {
  const lists = actionLists(project);
  const out: Diagnostic[] = [
    ...availabilityDiagnostics(project, lists),
    ...idDiagnostics(project),
    ...audienceDiagnostics(project),
    ...experienceDiagnostics(project),
    ...stepDiagnostics(project),
    ...urlDiagnostics(project),
    ...flowDiagnostics(project),
    ...attributeDiagnostics(project, lists),
    ...launchLoopDiagnostics(project, lists),
  ];
  for (const list of lists) {
    const combination = combinationDiagnostic(list);
    // A list that breaks the matrix gets that error only: its warnings would repeat it.
    if (combination) out.push(combination);
    else out.push(...listWarnings(list));
  }
  return out;
}
