// The project's own ids, read from the editor's text as it is now (a tolerant parse tree:
// jsonc-parser's parseTree gives one for half-typed text too), for completion where a
// reference is expected: the steps of an experience, the experiences, the posts, the options
// of a survey step's question. Ids are data: any string counts, `__proto__` included.
import { findNodeAtLocation, getNodeValue, type Node } from "jsonc-parser";

/** An id found in the document, with what the completion list shows beside it. */
export interface FoundId {
  id: string;
  /** e.g. the step's kind and title, the experience's type and name. */
  detail: string;
}

function elements(root: Node | undefined, path: readonly (string | number)[]): Node[] {
  const list = root ? findNodeAtLocation(root, [...path]) : undefined;
  return list?.type === "array" ? (list.children ?? []) : [];
}

/** The string under `key` of an object node, if it is one. */
function stringField(node: Node, key: string): string | undefined {
  if (node.type !== "object") return undefined;
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name?.value === key && value?.type === "string") return value.value as string;
  }
  return undefined;
}

/** Ids of the objects of a list, in order, each once, with what describes each. */
function idsOf(items: readonly Node[], detailOf: (item: Node) => string): FoundId[] {
  const seen = new Set<string>();
  const out: FoundId[] = [];
  for (const item of items) {
    const id = stringField(item, "id");
    if (id === undefined || id === "" || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, detail: detailOf(item) });
  }
  return out;
}

function joined(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== "").join(" · ");
}

export function stepIds(root: Node | undefined, experience: number): FoundId[] {
  return idsOf(elements(root, ["experiences", experience, "steps"]), (step) =>
    joined(stringField(step, "kind"), stringField(step, "name") ?? stringField(step, "title")),
  );
}

export function experienceIds(root: Node | undefined): FoundId[] {
  return idsOf(elements(root, ["experiences"]), (experience) =>
    joined(
      stringField(experience, "type"),
      stringField(experience, "status"),
      stringField(experience, "name"),
    ),
  );
}

export function postIds(root: Node | undefined): FoundId[] {
  return idsOf(elements(root, ["posts"]), (post) => joined(stringField(post, "title")));
}

/** The options of a step's question (what anyOf / noneOf / allOf compare with). */
export function questionOptions(
  root: Node | undefined,
  experience: number,
  step: number,
): FoundId[] {
  const options = elements(root, ["experiences", experience, "steps", step, "question", "options"]);
  const seen = new Set<string>();
  const out: FoundId[] = [];
  for (const option of options) {
    const value = getNodeValue(option);
    if (typeof value !== "string" || seen.has(value)) continue;
    seen.add(value);
    out.push({ id: value, detail: "option" });
  }
  return out;
}
