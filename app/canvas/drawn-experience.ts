// What the canvas draws of an experience: a step flow (graph-model.ts) or a checklist
// (checklist-model.ts), both read off its compiled machine, or, when there is nothing to
// draw, a sentence saying why: never a blank canvas. Pure.
import type { Project } from "../../machines/format/index.ts";
import { checklistGraph, flowGraph } from "../../machines/graph/index.ts";
import { checklistModel } from "./checklist-model.ts";
import { type CanvasModel, canvasModel } from "./graph-model.ts";

export type Drawn = { model: CanvasModel } | { message: string };

export function drawnExperience(project: Project, id: string): Drawn {
  const experience = project.experiences.find((e) => e.id === id);
  if (!experience) return { message: "This project has no experience to draw." };
  const name = `“${experience.name ?? experience.id}”`;
  try {
    const checklist = checklistGraph(project, id);
    const model = checklist
      ? checklistModel(checklist, project)
      : canvasModel(flowGraph(project, id), project);
    if (model.nodes.length === 0) {
      return { message: `${name} has no steps yet: add a step to draw its flow.` };
    }
    return { model };
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    return { message: `${name} cannot be drawn: ${reason}` };
  }
}
