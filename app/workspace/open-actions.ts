// What each "open" entry of the workspace menu does to the workspace (and, for a session
// bundle, the session registry). Kept out of the components so each stays one concern.

import type { Example } from "../examples/catalog.ts";
import type { SavedSession } from "../persistence/session-model.ts";
import type { SessionRegistry } from "../persistence/session-registry.ts";
import { sessionRegistry } from "../persistence/session-registry.ts";
import type { DocumentOrigin } from "./document-model.ts";
import { newProjectName, newProjectText } from "./template.ts";
import { randomId, type WorkspaceStore, workspaceStore } from "./workspace-store.ts";

export interface OpenTargets {
  workspace: WorkspaceStore;
  sessions: SessionRegistry;
}

const pageTargets: OpenTargets = { workspace: workspaceStore, sessions: sessionRegistry };

export function openExample(example: Example, to: OpenTargets = pageTargets): string {
  return to.workspace.open({
    name: example.label,
    text: example.text,
    origin: { kind: "example", exampleId: example.id },
  });
}

export function openNewProject(to: OpenTargets = pageTargets): string {
  return to.workspace.open({
    name: newProjectName,
    text: newProjectText(),
    origin: { kind: "new" },
  });
}

export function openText(
  name: string,
  text: string,
  origin: DocumentOrigin,
  session?: SavedSession,
  to: OpenTargets = pageTargets,
): string {
  // The session goes in first: opening the document makes the session store load it.
  const id = randomId();
  if (session) to.sessions.set(id, session);
  return to.workspace.open({ name, text, origin }, id);
}
