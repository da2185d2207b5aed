// The side form: edits what is selected on the canvas (app/authoring/selection.ts) as minimal
// edits of the JSON text. (Placeholder until the authoring forms land.)
export function AuthoringPanel() {
  return <p className="empty-note">Select a step or a route on the canvas to edit it.</p>;
}
