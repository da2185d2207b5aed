// Starts the page: the session follows the workspace's active document, and when nothing is
// open (a first visit) the example named by `?example=` — else the default one — is opened.
import { useEffect } from "react";
import { examples, findExample, initialExampleId } from "../examples/catalog.ts";
import { sessionRegistry } from "../persistence/session-registry.ts";
import { type SessionStore, sessionStore } from "../session/store.ts";
import { installTestHook } from "../session/test-hook.ts";
import { connectWorkspace } from "../session/workspace-bridge.ts";
import { openExample } from "../workspace/open-actions.ts";
import { type WorkspaceStore, workspaceStore } from "../workspace/workspace-store.ts";

function requestedExampleId(search: string): string {
  const wanted = new URLSearchParams(search).get("example");
  return wanted && examples.some((e) => e.id === wanted) ? wanted : initialExampleId(examples);
}

export function useWorkspaceSession(
  workspace: WorkspaceStore = workspaceStore,
  session: SessionStore = sessionStore,
): void {
  useEffect(() => {
    if (workspace.getState().documents.length === 0) {
      openExample(findExample(examples, requestedExampleId(window.location.search)));
    }
    installTestHook(session, workspace);
    return connectWorkspace(workspace, session, (id) => sessionRegistry.get(id));
  }, [workspace, session]);
}
