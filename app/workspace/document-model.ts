// The workspace's documents (issue 4 item 1): every project the user opened, each with its own
// text. Decided: keep every document rather than ask before replacing text; opening something
// adds a document (or selects the one already open for that example), so edits are never lost.
import { z } from "zod";
import { type DocumentOrigin, documentOrigin } from "./document-origin.ts";
import { documentFileName, fileBaseName, maxBaseLength } from "./file-name.ts";

export type { DocumentOrigin };

export const workspaceDocument = z.object({
  id: z.string().min(1),
  name: z.string(),
  text: z.string(),
  origin: documentOrigin,
  /**
   * Set once the user renames the document: its file name is then its name's (file-name.ts),
   * no longer the example's or the opened file's.
   */
  renamed: z.boolean().optional(),
  /** The text as opened (an example's file, a file's content): "edited" compares with it. */
  originalText: z.string(),
  /**
   * The document's forecast model (SPEC §5), as the JSON text the CLI reads with --model; kept
   * beside the project text, never in it. Absent on documents saved before the Forecast panel
   * (and until its first slider moves): the panel then starts from the project's defaults.
   */
  forecastModel: z.string().optional(),
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

/** The longest document name (the rename field refuses more). */
export const maxDocumentNameLength = 200;

/**
 * Renames a document (issue 11 item 5). The name is trimmed and cut to
 * `maxDocumentNameLength`; a blank one, or the current one, changes nothing. A name another
 * document has, or one that makes another document's file name, gets " (2)", " (3)"… so two
 * documents never export or record under the same file name.
 */
export function renameDocument(
  state: WorkspaceState,
  id: string,
  name: string,
  now: number,
): WorkspaceState {
  const doc = state.documents.find((candidate) => candidate.id === id);
  const wanted = name.replace(/\s+/g, " ").trim().slice(0, maxDocumentNameLength).trim();
  if (!doc || wanted === "" || wanted === doc.name) return state;
  const others = state.documents.filter((other) => other.id !== id);
  const names = new Set(others.map((other) => other.name));
  const files = new Set(others.map((other) => documentFileName(other)));
  const free = (candidate: string) =>
    !names.has(candidate) &&
    !files.has(documentFileName({ name: candidate, origin: doc.origin, renamed: true }));
  let unique = wanted;
  if (!free(unique)) {
    // Cut so the number survives fileBaseName's length limit: each number is a distinct file.
    let stem = wanted;
    while (fileBaseName(stem).length > maxBaseLength - 12) stem = stem.slice(0, -1);
    stem = stem.trimEnd();
    for (let n = 2; !free(unique); n++) unique = `${stem} (${n})`;
  }
  if (unique === doc.name && doc.renamed) return state;
  const renamed: WorkspaceDocument = { ...doc, name: unique, renamed: true, updatedAt: now };
  const documents = state.documents.map((other) => (other.id === id ? renamed : other));
  return { ...state, documents };
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

/** Keeps a forecast model text with the document (the project text is left alone). */
export function setDocumentForecast(
  state: WorkspaceState,
  id: string,
  forecastModel: string,
  now: number,
): WorkspaceState {
  const doc = state.documents.find((candidate) => candidate.id === id);
  if (!doc || doc.forecastModel === forecastModel) return state;
  const kept: WorkspaceDocument = { ...doc, forecastModel, updatedAt: now };
  return { ...state, documents: state.documents.map((other) => (other.id === id ? kept : other)) };
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
