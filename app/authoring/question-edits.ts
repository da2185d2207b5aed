// Edits of a choice step's answers. Conditions name answers by their text, so renaming an
// answer renames it in the step's conditions too (anyOf, noneOf, allOf).
import { questionKeys, stepKeys } from "./key-order.ts";
import { type StepRef, stepNode } from "./refs.ts";
import {
  applyAll,
  type Edit,
  insertItem,
  items,
  member,
  type Node,
  parseText,
  removeChild,
  replaceNode,
  setPath,
} from "./text-edits.ts";

const answerLists = ["anyOf", "noneOf", "allOf"] as const;

function optionsNode(root: Node | undefined, ref: StepRef): Node | undefined {
  const options = member(member(stepNode(root, ref), "question"), "options");
  return options?.type === "array" ? options : undefined;
}

export function addOption(text: string, ref: StepRef, option: string): string {
  const doc = parseText(text);
  if (!doc.ok) return text;
  const options = optionsNode(doc.root, ref);
  if (options) return applyAll(text, [insertItem(doc, options, items(options).length, option)]);
  const step = stepNode(doc.root, ref);
  if (!step) return text;
  return applyAll(text, [
    setPath(doc, step, ["question", "options"], [option], [stepKeys, questionKeys]),
  ]);
}

export function removeOption(text: string, ref: StepRef, index: number): string {
  const doc = parseText(text);
  const options = doc.ok ? optionsNode(doc.root, ref) : undefined;
  return options ? applyAll(text, [removeChild(doc, options, index)]) : text;
}

/** Renames answer `index` to `option`, in the question and in every condition that names it. */
export function renameOption(text: string, ref: StepRef, index: number, option: string): string {
  const doc = parseText(text);
  const options = doc.ok ? optionsNode(doc.root, ref) : undefined;
  const old = items(options)[index];
  if (old?.type !== "string" || old.value === option) return text;
  const edits: Edit[] = [replaceNode(doc, old, option)];
  for (const condition of items(member(stepNode(doc.root, ref), "conditions"))) {
    for (const key of answerLists) {
      for (const answer of items(member(member(condition, "if"), key))) {
        if (answer.type === "string" && answer.value === old.value) {
          edits.push(replaceNode(doc, answer, option));
        }
      }
    }
  }
  return applyAll(text, edits);
}
