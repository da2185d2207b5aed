// Edits of an experience's own settings (type, status, show on, page URLs, recurrence,
// audience, checklist order), of its checklist tasks, and adding or removing experiences.
import { experienceKeys, itemKeys, projectKeys } from "./key-order.ts";
import { type ExperienceRef, experienceNode, type TaskRef, taskNode } from "./refs.ts";
import {
  applyAll,
  type Edit,
  getNodePath,
  indexById,
  insertInto,
  insertItem,
  items,
  member,
  moveItem,
  type Node,
  type ParsedText,
  parseText,
  removeChild,
  removeMember,
  setMember,
  setPath,
  updateAt,
} from "./text-edits.ts";

/**
 * Sets (or, with `undefined`, removes) a field of an experience: `["status"]`,
 * `["showOn", "trigger"]`, `["recurrence"]`, `["checklist", "order"]`…
 */
export function setExperienceValue(
  text: string,
  ref: ExperienceRef,
  keys: readonly string[],
  value: unknown,
): string {
  const doc = parseText(text);
  const experience = doc.ok ? experienceNode(doc.root, ref) : undefined;
  if (!experience || keys.length === 0) return text;
  return applyAll(text, [
    setPath(doc, experience, keys, value, [experienceKeys, ["trigger", "urls"]]),
  ]);
}

/** Edits an array field of the experience ("audience", or "urls" under "showOn"). */
function editArray(
  text: string,
  ref: ExperienceRef,
  keys: readonly string[],
  onNode: (array: Node, doc: ParsedText) => Edit | undefined,
  whenMissing: unknown[] | undefined,
): string {
  const doc = parseText(text);
  const experience = doc.ok ? experienceNode(doc.root, ref) : undefined;
  if (!experience) return text;
  let array: Node | undefined = experience;
  for (const key of keys) array = member(array, key);
  if (array?.type === "array") return applyAll(text, [onNode(array, doc)]);
  return whenMissing ? setExperienceValue(text, ref, keys, whenMissing) : text;
}

// ------------------------------------------------------------------------- page URLs

const urlsKeys = ["showOn", "urls"] as const;

export function addUrl(text: string, ref: ExperienceRef, url: string): string {
  const doc = parseText(text);
  const experience = doc.ok ? experienceNode(doc.root, ref) : undefined;
  if (!experience) return text;
  // showOn needs its trigger: a new one starts as SPEC's default, "manual".
  if (member(experience, "showOn")?.type !== "object") {
    return setExperienceValue(text, ref, ["showOn"], { trigger: "manual", urls: [url] });
  }
  return editArray(text, ref, urlsKeys, (urls, d) => insertItem(d, urls, items(urls).length, url), [
    url,
  ]);
}

export function setUrl(text: string, ref: ExperienceRef, index: number, url: string): string {
  return setArrayItem(text, ref, urlsKeys, index, url);
}

export function removeUrl(text: string, ref: ExperienceRef, index: number): string {
  return editArray(text, ref, urlsKeys, (urls, d) => removeChild(d, urls, index), undefined);
}

// -------------------------------------------------------------------------- audience

export function addAudienceCondition(text: string, ref: ExperienceRef, condition: object): string {
  return editArray(
    text,
    ref,
    ["audience"],
    (audience, d) => insertItem(d, audience, items(audience).length, condition),
    [condition],
  );
}

export function setAudienceCondition(
  text: string,
  ref: ExperienceRef,
  index: number,
  condition: object,
): string {
  return setArrayItem(text, ref, ["audience"], index, condition);
}

export function removeAudienceCondition(text: string, ref: ExperienceRef, index: number): string {
  return editArray(
    text,
    ref,
    ["audience"],
    (audience, d) => removeChild(d, audience, index),
    undefined,
  );
}

/** Item `index` of the experience's array at `keys` becomes `value` (only what changed). */
function setArrayItem(
  text: string,
  ref: ExperienceRef,
  keys: readonly string[],
  index: number,
  value: unknown,
): string {
  const doc = parseText(text);
  let array = doc.ok ? experienceNode(doc.root, ref) : undefined;
  for (const key of keys) array = member(array, key);
  const node = items(array)[index];
  return node ? updateAt(text, getNodePath(node), value) : text;
}

// ------------------------------------------------------------------------------ tasks

/** The checklist tasks (`{ id, label, actions }`), found by id. */
export function addTask(text: string, ref: ExperienceRef, task: object): string {
  const doc = parseText(text);
  const experience = doc.ok ? experienceNode(doc.root, ref) : undefined;
  return experience
    ? applyAll(text, [insertInto(doc, experience, "tasks", task, experienceKeys)])
    : text;
}

export function removeTask(text: string, ref: TaskRef): string {
  const doc = parseText(text);
  const tasks = doc.ok ? member(experienceNode(doc.root, ref), "tasks") : undefined;
  const index = indexById(tasks, ref.task);
  return tasks && index >= 0 ? applyAll(text, [removeChild(doc, tasks, index)]) : text;
}

export function moveTask(text: string, ref: TaskRef, to: number): string {
  const doc = parseText(text);
  const tasks = doc.ok ? member(experienceNode(doc.root, ref), "tasks") : undefined;
  const from = indexById(tasks, ref.task);
  return tasks && from >= 0 ? applyAll(text, [moveItem(doc, tasks, from, to)]) : text;
}

/** Sets (or removes) a field of a task (its label). */
export function setTaskField(text: string, ref: TaskRef, key: string, value: unknown): string {
  const doc = parseText(text);
  const task = doc.ok ? taskNode(doc.root, ref) : undefined;
  if (!task) return text;
  const edit =
    value === undefined ? removeMember(doc, task, key) : setMember(doc, task, key, value, itemKeys);
  return applyAll(text, [edit]);
}

// ------------------------------------------------------------------------ experiences

/** Appends an experience to the project (creating `experiences` when missing). */
export function addExperience(text: string, experience: object): string {
  const doc = parseText(text);
  if (!doc.ok || doc.root?.type !== "object") return text;
  return applyAll(text, [insertInto(doc, doc.root, "experiences", experience, projectKeys)]);
}

export function removeExperience(text: string, ref: ExperienceRef): string {
  const doc = parseText(text);
  const list = doc.ok ? member(doc.root, "experiences") : undefined;
  const index = indexById(list, ref.experience);
  return list && index >= 0 ? applyAll(text, [removeChild(doc, list, index)]) : text;
}
