// Renaming an id everywhere it is used, as one edit: an experience's id in launchExperience
// actions and audience conditions ("has seen…") anywhere in the project; a step's id in the
// goToStep actions of its experience; a post's id in openPost actions. CTAs, triggers,
// conditions and tasks are named by nothing else in a project (scripts and recordings name
// CTAs, but they live in other files), so only their own id changes.
import { specialTargets } from "../../machines/actions/index.ts";
import {
  type ExperienceRef,
  experienceNode,
  type ItemRef,
  idsOf,
  itemArrayKey,
  itemNode,
  projectIds,
  type StepRef,
  stepNode,
  type TaskRef,
  taskNode,
} from "./refs.ts";
import {
  applyAll,
  type Edit,
  itemById,
  items,
  member,
  type Node,
  type ParsedText,
  parseText,
  replaceNode,
  stringAt,
} from "./text-edits.ts";

export type RenameTarget =
  | ({ kind: "experience" } & ExperienceRef)
  | ({ kind: "step" } & StepRef)
  | ({ kind: "task" } & TaskRef)
  | { kind: "item"; item: ItemRef }
  | { kind: "post"; post: string };

/** Why `id` cannot be the new id, or undefined when it can. */
export function renameProblem(text: string, target: RenameTarget, id: string): string | undefined {
  if (id === "") return "An id cannot be empty.";
  const doc = parseText(text);
  if (!doc.ok) return "The project text is not valid JSON: fix it first.";
  if (id === currentId(target)) return undefined;
  if (target.kind === "step" && (specialTargets as readonly string[]).includes(id)) {
    return `"${id}" means "Go to step: ${id}" in an action, so no step can be called so.`;
  }
  const { taken, what } = siblings(doc, target);
  return taken.includes(id) ? `"${id}" is already the id of ${what}.` : undefined;
}

/** The text with the id renamed everywhere (unchanged when renameProblem says no). */
export function renameId(text: string, target: RenameTarget, id: string): string {
  if (renameProblem(text, target, id) !== undefined || id === currentId(target)) return text;
  const doc = parseText(text);
  const nodes = usesOf(doc, target);
  return applyAll(
    text,
    nodes.map((node): Edit => replaceNode(doc, node, id)),
  );
}

function currentId(target: RenameTarget): string {
  switch (target.kind) {
    case "experience":
      return target.experience;
    case "step":
      return target.step;
    case "task":
      return target.task;
    case "item":
      return target.item.id;
    case "post":
      return target.post;
  }
}

/** The ids the new one must differ from, and how to name their owner in a message. */
function siblings(doc: ParsedText, target: RenameTarget): { taken: string[]; what: string } {
  const root = doc.root;
  switch (target.kind) {
    case "experience":
    case "post": {
      return {
        taken: projectIds(root),
        what: "another experience, post, block or agent answer",
      };
    }
    case "step":
      return {
        taken: idsOf(member(experienceNode(root, target), "steps")),
        what: "another step of this experience",
      };
    case "task":
      return {
        taken: idsOf(member(experienceNode(root, target), "tasks")),
        what: "another task of this checklist",
      };
    case "item": {
      const key = itemArrayKey[target.item.kind];
      const word = { cta: "CTA", trigger: "trigger", condition: "condition" }[target.item.kind];
      return {
        taken: idsOf(member(stepNode(root, target.item), key)),
        what: `another ${word} of this step`,
      };
    }
  }
}

/** Every string node that holds the id: its own "id" and every reference to it. */
function usesOf(doc: ParsedText, target: RenameTarget): Node[] {
  const root = doc.root;
  switch (target.kind) {
    case "experience": {
      const own = member(experienceNode(root, target), "id");
      return [...(own ? [own] : []), ...experienceReferences(root, target.experience)];
    }
    case "post": {
      const own = member(itemById(member(root, "posts"), target.post), "id");
      return [...(own ? [own] : []), ...actionFields(root, "openPost", "post", target.post)];
    }
    case "step": {
      const own = member(stepNode(root, target), "id");
      // A step called "next" is never a goToStep's target: the keyword wins.
      const keyword = (specialTargets as readonly string[]).includes(target.step);
      const scope = experienceNode(root, target);
      const uses = keyword ? [] : actionFields(scope, "goToStep", "step", target.step);
      return [...(own ? [own] : []), ...uses];
    }
    case "task": {
      const own = member(taskNode(root, target), "id");
      return own ? [own] : [];
    }
    case "item": {
      const own = member(itemNode(root, target.item), "id");
      return own ? [own] : [];
    }
  }
}

/** The objects below `scope` (itself included), depth first. */
function* objectsBelow(scope: Node | undefined): Generator<Node> {
  const stack = scope ? [scope] : [];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === "object") yield node;
    if (node.children)
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
}

/** The `field` value nodes of every `type` action below `scope` whose field is `id`. */
function actionFields(scope: Node | undefined, type: string, field: string, id: string): Node[] {
  const out: Node[] = [];
  for (const object of objectsBelow(scope)) {
    if (stringAt(object, "type") !== type || stringAt(object, field) !== id) continue;
    const node = member(object, field);
    if (node) out.push(node);
  }
  return out;
}

/** launchExperience targets and audience conditions naming the experience, project-wide. */
function experienceReferences(root: Node | undefined, id: string): Node[] {
  const out = actionFields(root, "launchExperience", "experience", id);
  for (const experience of items(member(root, "experiences"))) {
    for (const condition of items(member(experience, "audience"))) {
      if (member(condition, "has") && stringAt(condition, "experience") === id) {
        const node = member(condition, "experience");
        if (node) out.push(node);
      }
    }
  }
  return out;
}
