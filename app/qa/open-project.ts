// Opening the project a recording is for (recording-project.ts says which): select the open
// document, open the example, or open the file the user picks for it. Through the workspace's
// own open actions, so the session, autosave and every pane follow as for any opened document.
import { maxImportBytes, readImport } from "../persistence/bundle.ts";
import { readFileText } from "../persistence/download.ts";
import { type OpenTargets, openExample, openText } from "../workspace/open-actions.ts";
import { workspaceStore } from "../workspace/workspace-store.ts";
import type { RecordingTarget } from "./recording-project.ts";

/** Makes the target the open document; returns its name (null: nothing to open here). */
export function openTarget(target: RecordingTarget, to?: OpenTargets): string | null {
  switch (target.kind) {
    case "document":
      (to?.workspace ?? workspaceStore).select(target.id);
      return target.name;
    case "example":
      openExample(target.example, to);
      return target.example.label;
    default:
      return null;
  }
}

/** Opens a project file the user picked for a recording (a session bundle opens too). */
export async function openProjectFile(file: File, to?: OpenTargets): Promise<string> {
  const text = await readFileText(file, maxImportBytes);
  const imported = readImport(file.name, text);
  const session = imported.kind === "bundle" ? imported.session : undefined;
  openText(imported.name, imported.project, { kind: "file", fileName: file.name }, session, to);
  return imported.name;
}
