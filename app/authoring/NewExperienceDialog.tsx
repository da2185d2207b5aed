// The "New experience" wizard: pick a template, name it, and it is added to the project (its
// id made from the name, unique in the project) and opened in the form.
import { useEffect, useId, useRef, useState } from "react";
import { selectionStore } from "./selection.ts";
import { addFromTemplate, newExperienceId, templates } from "./templates.ts";
import { change } from "./useAuthoring.ts";

export function NewExperienceDialog({ text, disabled }: { text: string; disabled: boolean }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState(templates[0].id);
  const [name, setName] = useState("");
  const titleId = useId();
  const template = templates.find((candidate) => candidate.id === templateId) ?? templates[0];
  const shownName = name.trim() === "" ? template.label : name.trim();
  const id = newExperienceId(text, shownName, template.id);

  // Mounted only while open (its fields are then the only ones of their names on the page).
  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  const create = () => {
    change((current) => addFromTemplate(current, template, shownName, id));
    const built = template.build(id, shownName);
    const steps = built.steps as { id: string }[] | undefined;
    const tasks = built.tasks as { id: string }[] | undefined;
    if (steps?.[0]) selectionStore.set({ kind: "step", experience: id, step: steps[0].id });
    else if (tasks?.[0]) selectionStore.set({ kind: "task", experience: id, task: tasks[0].id });
    setOpen(false);
    setName("");
  };

  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-primary"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        New experience
      </button>
      {open && (
        <dialog
          ref={dialogRef}
          className="af-dialog"
          aria-labelledby={titleId}
          onClose={() => setOpen(false)}
        >
          <form
            method="dialog"
            onSubmit={(event) => {
              event.preventDefault();
              create();
            }}
          >
            <h2 id={titleId} className="af-title">
              New experience
            </h2>
            <fieldset className="af-templates">
              <legend className="af-label">Template</legend>
              {templates.map((candidate) => (
                <label key={candidate.id} className="af-template">
                  <input
                    type="radio"
                    name="template"
                    value={candidate.id}
                    checked={candidate.id === templateId}
                    onChange={() => setTemplateId(candidate.id)}
                  />
                  <span>
                    <strong>{candidate.label}</strong>
                    <span className="muted"> — {candidate.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <label className="af-field">
              <span className="af-label">Name</span>
              <input
                className="input af-input"
                value={name}
                placeholder={template.label}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <p className="muted">
              Its id: <code className="mono">{id}</code>
            </p>
            <div className="af-buttons">
              <button type="submit" className="btn btn-primary">
                Create
              </button>
              <button type="button" className="btn" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        </dialog>
      )}
    </>
  );
}
