// The editor wired to the workspace's active document, with the session's diagnostics at
// their lines. (helper-9's slot: app/editor owns the editor; this only connects it.)
import type { Ref } from "react";
import { JsonEditor, type JsonEditorHandle } from "../editor/JsonEditor.tsx";
import { useSession } from "../session/store.ts";
import { useActiveDocument, workspaceStore } from "../workspace/workspace-store.ts";

export function ProjectEditor({ ref }: { ref?: Ref<JsonEditorHandle> }) {
  const doc = useActiveDocument();
  const checked = useSession((s) => s.checked);
  if (!doc) return <p className="empty-note">No document open.</p>;
  return (
    <JsonEditor
      // Each document gets a fresh caret, scroll and history.
      key={doc.id}
      ref={ref}
      label="Project JSON"
      value={doc.text}
      onChange={(text) => workspaceStore.edit(doc.id, text)}
      problems={checked ?? undefined}
    />
  );
}
