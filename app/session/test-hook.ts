// A hook for end-to-end tests and the UI bench: `window.__flowscope.loadProject(text)` opens
// a project as a new document, `openExample(id)` opens (or selects) an example's document —
// through the workspace, so every pane follows as when the user opens one.
import { examples } from "../examples/catalog.ts";
import type { WorkspaceStore } from "../workspace/workspace-store.ts";
import type { SessionStore } from "./store.ts";

interface FlowscopeHook {
  store: SessionStore;
  loadProject(text: string, name?: string): void;
  openExample(id: string): void;
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
    openExample(id) {
      const example = examples.find((candidate) => candidate.id === id);
      if (!example) throw new Error(`No example ${id}`);
      workspace.open({
        name: example.label,
        text: example.text,
        origin: { kind: "example", exampleId: example.id },
      });
    },
  };
}
