// The side form's view of the active document: the parsed text it reads every value from,
// and `change`, which applies a pure text edit to the text as it is at that moment (not as it
// was when the form last rendered) and records it as one "form" entry of the history.
import { createContext, useMemo } from "react";
import { activeDocument } from "../workspace/document-model.ts";
import { useActiveDocument, workspaceStore } from "../workspace/workspace-store.ts";
import { type ParsedText, parseText } from "./text-edits.ts";

export type TextEdit = (text: string) => string;

export interface Authoring {
  /** Undefined when no document is open. */
  docId: string | undefined;
  parsed: ParsedText;
}

export function useAuthoring(): Authoring {
  const doc = useActiveDocument();
  const text = doc?.text ?? "";
  const parsed = useMemo(() => parseText(text), [text]);
  return { docId: doc?.id, parsed };
}

/** Applies `edit` to the active document's current text, as one "form" edit. */
export function change(edit: TextEdit): void {
  const doc = activeDocument(workspaceStore.getState());
  if (!doc) return;
  const next = edit(doc.text);
  if (next !== doc.text) workspaceStore.edit(doc.id, next, "form");
}

/** The document the form shows (a field left with a draft writes it only while it is active). */
export const FormDocument = createContext<string | undefined>(undefined);

/** Is `docId` still the active document? */
export function isActive(docId: string | undefined): boolean {
  return docId !== undefined && activeDocument(workspaceStore.getState())?.id === docId;
}
