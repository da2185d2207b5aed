// Stages b–f on a well-formed project: each rule family lives in its own module. The rules
// that look at action lists share one walk over them; every family's diagnostics are kept
// apart and concatenated in the stages' order (ties in document order keep that order).
import type { Project } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { definedAttributes, listAttributes } from "./attributes.ts";
import { listAvailability } from "./availability-check.ts";
import { combinationDiagnostic } from "./combination-check.ts";
import { experienceDiagnostics } from "./experiences.ts";
import { flowDiagnostics } from "./flow.ts";
import { audienceDiagnostics, idDiagnostics } from "./ids.ts";
import { LaunchGraph, launchLoopDiagnostics } from "./launch-loop.ts";
import { listWarnings } from "./list-warnings.ts";
import { type ActionList, forEachActionList } from "./places.ts";
import { stepDiagnostics } from "./steps.ts";
import { urlDiagnostics } from "./urls.ts";

export function semanticDiagnostics(project: Project): Diagnostic[] {
  const lists = listDiagnostics(project);
  return [
    ...lists.availability,
    ...idDiagnostics(project),
    ...audienceDiagnostics(project),
    ...experienceDiagnostics(project),
    ...stepDiagnostics(project),
    ...urlDiagnostics(project),
    ...flowDiagnostics(project),
    ...lists.attributes,
    ...launchLoopDiagnostics(project, lists.launches),
    ...lists.combinations,
  ];
}

interface ListFindings {
  availability: Diagnostic[];
  attributes: Diagnostic[];
  launches: LaunchGraph;
  combinations: Diagnostic[];
}

/** One walk over every action list, for each rule family that reads lists. */
function listDiagnostics(project: Project): ListFindings {
  const found: ListFindings = {
    availability: [],
    attributes: [],
    launches: new LaunchGraph(project),
    combinations: [],
  };
  const defined = definedAttributes(project);
  forEachActionList(project, (list) => {
    listAvailability(project, list, found.availability);
    listAttributes(defined, list, found.attributes);
    found.launches.add(list);
    listCombination(list, found.combinations);
  });
  return found;
}

/** A list that breaks the matrix gets that error only: its warnings would repeat it. */
function listCombination(list: ActionList, out: Diagnostic[]): void {
  const combination = combinationDiagnostic(list);
  if (combination) out.push(combination);
  else if (list.actions.length >= 2) out.push(...listWarnings(list)); // warnings are about pairs
}
