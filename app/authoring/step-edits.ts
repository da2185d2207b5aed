// Edits of steps: their fields (kind, title, body, target, question, booking), and adding,
// duplicating, deleting and reordering them. Steps are found by id in their experience.
import type { StepKind } from "../../machines/format/index.ts";
import { operatorsByKind } from "../../machines/validate/index.ts";
import { freshId } from "./fresh-id.ts";
import { questionKeys, stepKeys } from "./key-order.ts";
import {
  type ExperienceRef,
  experienceNode,
  idsOf,
  type StepRef,
  stepIndex,
  stepNode,
} from "./refs.ts";
import {
  applyAll,
  chain,
  insertInto,
  insertRawItem,
  items,
  member,
  moveItem,
  parseText,
  plainValue,
  removeChild,
  replaceNode,
  setPath,
  textOf,
} from "./text-edits.ts";

const bookingKeys = ["provider", "link"] as const;

/**
 * Sets (or, with `undefined`, removes) a field of a step: `["title"]`, `["question", "min"]`,
 * `["booking", "link"]`…
 */
export function setStepValue(
  text: string,
  ref: StepRef,
  keys: readonly string[],
  value: unknown,
): string {
  const doc = parseText(text);
  const step = doc.ok ? stepNode(doc.root, ref) : undefined;
  if (!step || keys.length === 0) return text;
  const inner = keys[0] === "booking" ? bookingKeys : questionKeys;
  return applyAll(text, [setPath(doc, step, keys, value, [stepKeys, inner])]);
}

type QuestionFamily = "number" | "options" | "text" | "none";

function familyOf(kind: string): QuestionFamily {
  if (kind === "nps" || kind === "scale") return "number";
  if (kind === "choice" || kind === "multiChoice") return "options";
  if (kind === "text") return "text";
  return "none";
}

/** A question of the new kind's shape, keeping the question text (and what still fits). */
function questionFor(kind: StepKind, old: Record<string, unknown> | undefined): unknown {
  const text = typeof old?.text === "string" ? { text: old.text } : {};
  switch (familyOf(kind)) {
    case "number": {
      const labels = {
        ...(typeof old?.minLabel === "string" ? { minLabel: old.minLabel } : {}),
        ...(typeof old?.maxLabel === "string" ? { maxLabel: old.maxLabel } : {}),
      };
      if (kind === "nps") return { ...text, min: 0, max: 10, ...labels };
      const kept = typeof old?.min === "number" && typeof old?.max === "number";
      return { ...text, min: kept ? old.min : 1, max: kept ? old.max : 5, ...labels };
    }
    case "options":
      return {
        ...text,
        options: Array.isArray(old?.options) ? old.options : ["Option 1", "Option 2"],
      };
    case "text":
      return old ? { ...text } : undefined;
    default:
      return undefined;
  }
}

/**
 * Changes a step's kind. The question takes the new kind's shape (its text is kept), survey
 * conditions whose operator the new kind does not take are removed, and a Book Interview
 * step gets a booking and a primary CTA (where its fixed action lives) when it has none.
 */
export function changeStepKind(text: string, ref: StepRef, kind: StepKind): string {
  const doc = parseText(text);
  const step = doc.ok ? stepNode(doc.root, ref) : undefined;
  if (!step) return text;
  const current = plainValue(step) as Record<string, unknown>;
  if (current.kind === kind) return text;
  const oldQuestion = current.question as Record<string, unknown> | undefined;
  const sameFamily = familyOf(String(current.kind)) === familyOf(kind) && kind !== "nps";
  const edits: ((text: string) => string)[] = [(t) => setStepValue(t, ref, ["kind"], kind)];
  if (!sameFamily) {
    edits.push((t) => setStepValue(t, ref, ["question"], questionFor(kind, oldQuestion)));
  }
  const operators = operatorsByKind[kind] ?? [];
  const conditions = items(member(step, "conditions"));
  // From the last, so the earlier indices still hold.
  for (let c = conditions.length - 1; c >= 0; c--) {
    const operator = Object.keys((plainValue(member(conditions[c], "if")) as object) ?? {})[0];
    if (!(operators as readonly string[]).includes(operator)) {
      edits.push((t) => removeStepListItem(t, ref, "conditions", c));
    }
  }
  if (kind === "bookInterview") {
    if (current.booking === undefined) {
      edits.push((t) =>
        setStepValue(t, ref, ["booking"], {
          provider: "calendly",
          link: "https://calendly.com/your-team/15min",
        }),
      );
    }
    if (items(member(step, "ctas")).length === 0) {
      edits.push((t) =>
        addToStep(t, ref, "ctas", { id: "book", label: "Book a call", actions: [] }),
      );
    }
  }
  return chain(text, ...edits);
}

/** Appends `value` to the step's array `key` ("ctas", "triggers", "conditions"). */
export function addToStep(text: string, ref: StepRef, key: string, value: unknown): string {
  const doc = parseText(text);
  const step = doc.ok ? stepNode(doc.root, ref) : undefined;
  return step ? applyAll(text, [insertInto(doc, step, key, value, stepKeys)]) : text;
}

function removeStepListItem(text: string, ref: StepRef, key: string, index: number): string {
  const doc = parseText(text);
  const list = doc.ok ? member(stepNode(doc.root, ref), key) : undefined;
  return list ? applyAll(text, [removeChild(doc, list, index)]) : text;
}

// -------------------------------------------------------------------------- whole steps

/** A new step of `kind` (a title and, outside surveys' answer steps, a "Next" CTA). */
export function newStep(id: string, kind: StepKind): Record<string, unknown> {
  const step: Record<string, unknown> = { id, kind, title: "New step" };
  if (familyOf(kind) === "options") step.question = { options: ["Option 1", "Option 2"] };
  if (familyOf(kind) === "number") step.question = questionFor(kind, undefined);
  if (familyOf(kind) === "none") {
    step.ctas = [{ id: "next", label: "Next", actions: [{ type: "goToStep", step: "next" }] }];
  }
  return step;
}

/** The id a new step of the experience gets from `base`. */
export function newStepId(text: string, ref: ExperienceRef, base = "step"): string {
  const doc = parseText(text);
  return freshId(idsOf(member(experienceNode(doc.root, ref), "steps")), base);
}

/** Adds a step after `after` (a step id), or at the end. */
export function addStep(
  text: string,
  ref: ExperienceRef,
  step: Record<string, unknown>,
  after?: string,
): string {
  const doc = parseText(text);
  const experience = doc.ok ? experienceNode(doc.root, ref) : undefined;
  if (!experience) return text;
  const at = after === undefined ? -1 : stepIndex(doc.root, { ...ref, step: after });
  const index = at < 0 ? Number.POSITIVE_INFINITY : at + 1;
  return applyAll(text, [insertInto(doc, experience, "steps", step, [], index)]);
}

/** The id a copy of the step gets: `<id>-copy`, `<id>-copy-2`… */
export function copyIdOf(text: string, ref: StepRef): string {
  return newStepId(text, ref, `${ref.step}-copy`);
}

/** Inserts a copy of the step right after it, as written, under a fresh id. */
export function duplicateStep(text: string, ref: StepRef, id = copyIdOf(text, ref)): string {
  const doc = parseText(text);
  const steps = doc.ok ? member(experienceNode(doc.root, ref), "steps") : undefined;
  const index = stepIndex(doc.root, ref);
  const step = items(steps)[index];
  if (!steps || !step) return text;
  const copy = parseText(textOf(doc, step));
  const idNode = member(copy.root, "id");
  if (!idNode) return text;
  const raw = applyAll(copy.text, [replaceNode(copy, idNode, id)]);
  return applyAll(text, [insertRawItem(doc, steps, index + 1, raw)]);
}

export function deleteStep(text: string, ref: StepRef): string {
  const doc = parseText(text);
  const steps = doc.ok ? member(experienceNode(doc.root, ref), "steps") : undefined;
  const index = stepIndex(doc.root, ref);
  return steps && index >= 0 ? applyAll(text, [removeChild(doc, steps, index)]) : text;
}

/** Moves the step to position `to` (0-based) among its experience's steps. */
export function moveStep(text: string, ref: StepRef, to: number): string {
  const doc = parseText(text);
  const steps = doc.ok ? member(experienceNode(doc.root, ref), "steps") : undefined;
  const from = stepIndex(doc.root, ref);
  return steps && from >= 0 ? applyAll(text, [moveItem(doc, steps, from, to)]) : text;
}
