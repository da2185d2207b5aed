// Export and import (issue 4 item 7). "Export project" downloads the document's text as it is;
// "Export session" downloads a bundle of project text + session, the same envelope as a share
// link. Import takes either: a bundle opens with its session, anything else opens as a project.
import { nameFromFile } from "../workspace/file-name.ts";
import type { SavedSession } from "./session-model.ts";
import { type SharedState, sharedState } from "./share-codec.ts";

export { nameFromFile };

/** The largest file opened (a 10,000-step project is a few MB). */
export const maxImportBytes = 32 * 1024 * 1024;

export type Imported =
  | { kind: "bundle"; name: string; project: string; session: SavedSession }
  | { kind: "project"; name: string; project: string };

export function makeBundle(name: string, project: string, session: SavedSession): SharedState {
  return { v: 1, name, project, session };
}

export function bundleText(bundle: SharedState): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** Reads a file's text: a session bundle, or a project (kept as text, valid or not). */
export function readImport(fileName: string, text: string): Imported {
  const bundle = parseBundle(text);
  if (bundle)
    return { kind: "bundle", name: bundle.name, project: bundle.project, session: bundle.session };
  return { kind: "project", name: nameFromFile(fileName), project: text };
}

function parseBundle(text: string): SharedState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // not JSON: opened as a project, whose editor then shows where it breaks
  }
  const parsed = sharedState.safeParse(value);
  return parsed.success ? parsed.data : null;
}
