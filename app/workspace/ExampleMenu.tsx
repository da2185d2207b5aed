// Opening an example: a select of the repository's examples (valid, then invalid ones). It
// shows the example of the active document; choosing one opens it, or returns to the document
// already open for it, with its edits.
import { type Example, examples } from "../examples/catalog.ts";
import { documentOfExample, isEdited, type WorkspaceState } from "./document-model.ts";
import { openExample } from "./open-actions.ts";

interface ExampleMenuProps {
  workspace: WorkspaceState;
  activeExampleId: string | null;
}

export function ExampleMenu({ workspace, activeExampleId }: ExampleMenuProps) {
  const label = (example: Example) => {
    const doc = documentOfExample(workspace, example.id);
    return doc && isEdited(doc) ? `${example.label} (edited)` : example.label;
  };
  const options = (group: Example["group"]) =>
    examples
      .filter((example) => example.group === group)
      .map((example) => (
        <option key={example.id} value={example.id}>
          {label(example)}
        </option>
      ));
  const open = (id: string) => {
    const example = examples.find((candidate) => candidate.id === id);
    if (example) openExample(example);
  };
  return (
    <label className="ws-field">
      <span className="ws-field-label">Example</span>
      <select
        className="ws-select"
        value={activeExampleId ?? ""}
        onChange={(event) => open(event.target.value)}
      >
        {activeExampleId === null && <option value="">Open an example…</option>}
        <optgroup label="Examples">{options("valid")}</optgroup>
        {examples.some((example) => example.group === "invalid") && (
          <optgroup label="Invalid examples">{options("invalid")}</optgroup>
        )}
      </select>
    </label>
  );
}
