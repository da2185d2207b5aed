// Where things are in the project text, named by ids (experience, step, CTA…), never by an
// index alone: the text may have moved them since the form last looked.
import { indexById, itemById, member, type Node } from "./text-edits.ts";

export interface ExperienceRef {
  experience: string;
}
export interface StepRef extends ExperienceRef {
  step: string;
}
export interface TaskRef extends ExperienceRef {
  task: string;
}

/** The lists of a step that have ids of their own. */
export type ItemKind = "cta" | "trigger" | "condition";

/** A CTA, progress trigger or survey condition of a step. */
export interface ItemRef extends StepRef {
  kind: ItemKind;
  id: string;
}

/** An action list: a CTA's, trigger's or condition's, the closing cross, the fallback, a task's. */
export type ListRef =
  | ItemRef
  | (StepRef & { kind: "cross" | "fallback" })
  | (TaskRef & { kind: "task" });

/** Where each item kind lives in a step. */
export const itemArrayKey: Record<ItemKind, string> = {
  cta: "ctas",
  trigger: "triggers",
  condition: "conditions",
};

export function experienceNode(root: Node | undefined, ref: ExperienceRef): Node | undefined {
  return itemById(member(root, "experiences"), ref.experience);
}

export function stepNode(root: Node | undefined, ref: StepRef): Node | undefined {
  return itemById(member(experienceNode(root, ref), "steps"), ref.step);
}

export function stepIndex(root: Node | undefined, ref: StepRef): number {
  return indexById(member(experienceNode(root, ref), "steps"), ref.step);
}

export function taskNode(root: Node | undefined, ref: TaskRef): Node | undefined {
  return itemById(member(experienceNode(root, ref), "tasks"), ref.task);
}

export function itemNode(root: Node | undefined, ref: ItemRef): Node | undefined {
  return itemById(member(stepNode(root, ref), itemArrayKey[ref.kind]), ref.id);
}

/**
 * The object holding an action list and the list's key in it: the CTA/trigger/condition or
 * task ("actions"), or the step ("closingCross", "fallback"). The list itself may be absent.
 */
export function listOwner(
  root: Node | undefined,
  ref: ListRef,
): { owner: Node; key: string } | undefined {
  let owner: Node | undefined;
  let key = "actions";
  switch (ref.kind) {
    case "task":
      owner = taskNode(root, ref);
      break;
    case "cross":
    case "fallback":
      owner = stepNode(root, ref);
      key = ref.kind === "cross" ? "closingCross" : "fallback";
      break;
    default:
      owner = itemNode(root, ref);
  }
  return owner ? { owner, key } : undefined;
}

export function sameList(a: ListRef, b: ListRef): boolean {
  if (a.kind !== b.kind || a.experience !== b.experience) return false;
  if (a.kind === "task") return b.kind === "task" && a.task === b.task;
  if (b.kind === "task" || a.step !== b.step) return false;
  return !("id" in a) || ("id" in b && a.id === b.id);
}

/** The string ids of an array node's objects, in order. */
export function idsOf(array: Node | undefined): string[] {
  const out: string[] = [];
  for (const item of array?.type === "array" ? (array.children ?? []) : []) {
    const id = member(item, "id");
    if (id?.type === "string") out.push(id.value as string);
  }
  return out;
}

/** SPEC §1: experiences, posts, blocks, custom answers and automated actions share one id space. */
export function projectIds(root: Node | undefined): string[] {
  const agent = member(root, "agent");
  return [
    ...idsOf(member(root, "experiences")),
    ...idsOf(member(root, "posts")),
    ...idsOf(member(member(root, "resourceCenter"), "blocks")),
    ...idsOf(member(agent, "customAnswers")),
    ...idsOf(member(agent, "automatedActions")),
  ];
}
