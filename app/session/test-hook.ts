// A hook for end-to-end tests and the UI bench: `window.__flowscope.loadProject(text)` opens
// a project as a new document (through the workspace, so every pane follows).
import type { WorkspaceStore } from "../workspace/workspace-store.ts";
import type { SessionStore } from "./store.ts";

interface FlowscopeHook {
  store: SessionStore;
  loadProject(text: string, name?: string): void;
}

declare global {
  interface Window {
    __flowscope?: FlowscopeHook;
  }
}

export function installTestHook(session: SessionStore, workspace: WorkspaceStore): void {
  window.__flowscope = {
    store: session,
    loadProject(text, name = "Loaded project") {
      workspace.open({ name, text, origin: { kind: "paste" } });
      session.flush();
    },
  };
}
