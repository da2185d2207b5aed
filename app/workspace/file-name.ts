// One rule names a document's file (issue 11 item 5): the project "Export project" downloads,
// the `project` of a recording made on the document, and the recording's and the session's
// download names all come from `documentFileName`, so `flowscope replay` finds the exported
// project exactly where the recording says, without renaming anything (README "Semantics").
import type { DocumentOrigin } from "./document-origin.ts";

/** What the rule reads of a document. */
export interface NamedDocument {
  name: string;
  origin: DocumentOrigin;
  /** Set once the user renames the document: from then on its name alone decides. */
  renamed?: boolean;
}

/** The longest base name written (a file system allows 255 bytes; suffixes are added). */
export const maxBaseLength = 100;

/** Names Windows refuses for a file, whatever the extension (`con.json` included). */
const reservedNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * "Getting started (2)" → "getting-started-2", "Café" → "cafe": lower-case ASCII letters,
 * digits and single hyphens, at most `maxBaseLength` characters; "project" when nothing is
 * left, and a reserved device name gets "-project" after it.
 */
export function fileBaseName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\.json$/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxBaseLength)
    .replace(/^-+|-+$/g, "");
  if (slug === "") return "project";
  return reservedNames.test(slug) ? `${slug}-project` : slug;
}

/**
 * A name every common file system takes as it is: no separator, no character Windows refuses
 * (`<>:"|?*`, control characters), not `.`-led (hidden, or `..`), not ending in a space or a
 * dot, not a reserved device name, at most 255 UTF-8 bytes.
 */
export function isSafeFileName(name: string): boolean {
  if (name === "" || new TextEncoder().encode(name).length > 255) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point.
  if (/[/\\<>:"|?*\u0000-\u001f\u007f]/.test(name)) return false;
  if (name.startsWith(".") || /[ .]$/.test(name)) return false;
  return !reservedNames.test(name.replace(/\..*$/, ""));
}

/** An example's id: its file under examples/ without `.json` ("nps-survey", "invalid/x"). */
const exampleIdPattern = /^([A-Za-z0-9][A-Za-z0-9_-]*\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The example's file under examples/ ("invalid/x" → "x.json"), when its id is a plain name. */
function exampleFile(exampleId: string): string | undefined {
  if (!exampleIdPattern.test(exampleId)) return undefined;
  const file = `${exampleId.slice(exampleId.lastIndexOf("/") + 1)}.json`;
  return isSafeFileName(file) ? file : undefined;
}

/** "nps-survey.json" → "nps-survey": the name a project file opens as. */
export function nameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
  return base || "Imported project";
}

/**
 * The document's file name, the one rule: an example's own file (`nps-survey.json`), an
 * opened `.json` project file's own name (`My Flows.json`), else — and always once the document is
 * renamed — its name as a file name (`fileBaseName` + `.json`). A file whose document took
 * another name (a session bundle opens under the bundle's name, a second copy as "x (2)") is
 * named after the document. The result is always `isSafeFileName`.
 */
export function documentFileName(doc: NamedDocument): string {
  if (!doc.renamed) {
    if (doc.origin.kind === "example") {
      const file = exampleFile(doc.origin.exampleId);
      if (file) return file;
    }
    if (doc.origin.kind === "file") {
      const { fileName } = doc.origin;
      const own = nameFromFile(fileName) === doc.name && /\.json$/i.test(fileName);
      if (own && isSafeFileName(fileName)) return fileName;
    }
  }
  return `${fileBaseName(doc.name)}.json`;
}

/** The file name without its extension: what download names start with. */
function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** True for a document whose recordings go in the repository's examples/recordings/. */
export function isExampleLayout(doc: NamedDocument): boolean {
  return (
    !doc.renamed && doc.origin.kind === "example" && exampleFile(doc.origin.exampleId) !== undefined
  );
}

/**
 * The recording's `project` (SPEC §4): the document's file name, to keep beside the recording;
 * for an example not renamed, the example's file seen from examples/recordings/
 * (`../nps-survey.json`, `../invalid/x.json`), where the repository keeps such recordings.
 */
export function recordingProject(doc: NamedDocument): string {
  if (isExampleLayout(doc) && doc.origin.kind === "example") {
    return `../${doc.origin.exampleId}.json`;
  }
  return documentFileName(doc);
}

/** The recording's download name: `<file stem>.recording-<UTC time>.json`. */
export function recordingFileName(doc: NamedDocument, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return `${stemOf(documentFileName(doc))}.recording-${stamp}.json`;
}

/** The exported session's download name: `<file stem>.session.json`. */
export function sessionFileName(doc: NamedDocument): string {
  return `${stemOf(documentFileName(doc))}.session.json`;
}
