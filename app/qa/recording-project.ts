// Which project a loaded recording is for (issue 12: a recording was replayed on whatever
// project was open). A recording names its project file (SPEC §4 `project`, e.g.
// "../nps-survey.json" or "checkout-nps-eu.json"); the page has no file system, so the name
// is matched by file name (workspace/file-name.ts, the rule that wrote it): the open document
// first, then another open document, then an example of the repository. When none matches,
// the recording needs a file the user opens (or an explicit choice to replay it here).
import type { Example } from "../examples/catalog.ts";
import type { WorkspaceDocument } from "../workspace/document-model.ts";
import { documentFileName, recordingProject } from "../workspace/file-name.ts";

export type RecordingTarget =
  /** The open document is the recording's project. */
  | { kind: "open" }
  /** Another open document is: select it. */
  | { kind: "document"; id: string; name: string }
  /** An example of the repository is: open it. */
  | { kind: "example"; example: Example }
  /** Nothing here is: the user opens `fileName`, or says to replay on the open document. */
  | { kind: "missing"; fileName: string };

/** "../invalid/x.json" → ["invalid", "x.json"]: the path's parts, `.`/`..` and separators out. */
export function pathParts(path: string): string[] {
  return path.split(/[\\/]+/).filter((part) => part !== "" && part !== "." && part !== "..");
}

/** How many trailing parts two paths share (0: not the same file name). */
function sharedTail(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** True when the document is the file the recording names (the rule that named it). */
function isProjectOf(doc: WorkspaceDocument, project: string, fileName: string): boolean {
  return recordingProject(doc) === project || documentFileName(doc) === fileName;
}

export function recordingTarget(
  project: string,
  documents: readonly WorkspaceDocument[],
  activeId: string | null,
  examples: readonly Example[],
): RecordingTarget {
  const parts = pathParts(project);
  const fileName = parts[parts.length - 1] ?? project;
  const active = documents.find((doc) => doc.id === activeId);
  if (active && isProjectOf(active, project, fileName)) return { kind: "open" };
  const other = documents.find((doc) => doc.id !== activeId && isProjectOf(doc, project, fileName));
  if (other) return { kind: "document", id: other.id, name: other.name };
  // The example whose path ends the most like the recording's (`../invalid/x.json` is the
  // invalid example x, not the valid one of the same file name).
  let best: { example: Example; tail: number } | null = null;
  for (const example of examples) {
    const tail = sharedTail(pathParts(example.file), parts);
    if (tail > 0 && (!best || tail > best.tail)) best = { example, tail };
  }
  if (best) return { kind: "example", example: best.example };
  return { kind: "missing", fileName };
}
