// The workspace's documents (issue 4 item 1): every project the user opened, each with its own
// text. Decided: keep every document rather than ask before replacing text; opening something
// adds a document (or selects the one already open for that example), so edits are never lost.
import { z } from "zod";

const documentOrigin = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("example"), exampleId: z.string() }),
  z.object({ kind: z.literal("file"), fileName: z.string() }),
  z.object({ kind: z.literal("paste") }),
  z.object({ kind: z.literal("new") }),
  z.object({ kind: z.literal("share") }),
  z.object({ kind: z.literal("recording") }),
]);
export type DocumentOrigin = z.output<typeof documentOrigin>;

export const workspaceDocument = z.object({
  id: z.string().min(1),
  name: z.string(),
  text: z.string(),
  origin: documentOrigin,
  /** The text as opened (an example's file, a file's content): "edited" compares with it. */
  originalText: z.string(),
  /** Epoch ms; orders the document list. */
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type WorkspaceDocument = z.output<typeof workspaceDocument>;

export interface WorkspaceState {
  documents: readonly WorkspaceDocument[];
  activeId: string | null;
}

export interface OpenRequest {
  name: string;
  text: string;
  origin: DocumentOrigin;
}

export const emptyWorkspace: WorkspaceState = { documents: [], activeId: null };

export function activeDocument(state: WorkspaceState): WorkspaceDocument | undefined {
  return state.documents.find((doc) => doc.id === state.activeId);
}

export function isEdited(doc: WorkspaceDocument): boolean {
  return doc.text !== doc.originalText;
}

/** The document already open for an example, if any (reopening selects it, edits kept). */
export function documentOfExample(
  state: WorkspaceState,
  exampleId: string,
): WorkspaceDocument | undefined {
  return state.documents.find(
    (doc) => doc.origin.kind === "example" && doc.origin.exampleId === exampleId,
  );
}

/** `name`, or `name (2)`, `name (3)`… so the list never shows two documents alike. */
function uniqueName(state: WorkspaceState, name: string): string {
  const taken = new Set(state.documents.map((doc) => doc.name));
  const base = name.trim() || "Untitled project";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Adds a document and makes it active (an example already open is selected instead). */
export function openDocument(
  state: WorkspaceState,
  request: OpenRequest,
  id: string,
  now: number,
): WorkspaceState {
  if (request.origin.kind === "example") {
    const open = documentOfExample(state, request.origin.exampleId);
    if (open) return { ...state, activeId: open.id };
  }
  const doc: WorkspaceDocument = {
    id,
    name: uniqueName(state, request.name),
    text: request.text,
    origin: request.origin,
    originalText: request.text,
    createdAt: now,
    updatedAt: now,
  };
  return { documents: [...state.documents, doc], activeId: id };
}

export function selectDocument(state: WorkspaceState, id: string): WorkspaceState {
  return state.documents.some((doc) => doc.id === id) ? { ...state, activeId: id } : state;
}

export function editDocument(
  state: WorkspaceState,
  id: string,
  text: string,
  now: number,
): WorkspaceState {
  const documents = state.documents.map((doc) =>
    doc.id === id && doc.text !== text ? { ...doc, text, updatedAt: now } : doc,
  );
  return { ...state, documents };
}

export function revertDocument(state: WorkspaceState, id: string, now: number): WorkspaceState {
  const doc = state.documents.find((candidate) => candidate.id === id);
  return doc ? editDocument(state, id, doc.originalText, now) : state;
}

/** Removes a document; the neighbour below it (else above) becomes active. */
export function closeDocument(state: WorkspaceState, id: string): WorkspaceState {
  const index = state.documents.findIndex((doc) => doc.id === id);
  if (index < 0) return state;
  const documents = state.documents.filter((doc) => doc.id !== id);
  if (state.activeId !== id) return { ...state, documents };
  const neighbour = documents[Math.min(index, documents.length - 1)];
  return { documents, activeId: neighbour?.id ?? null };
}
