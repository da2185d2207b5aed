// The form of a checklist task: its id, label and actions (what clicking it does), moved or
// deleted.
import { ActionListEditor } from "./ActionListEditor.tsx";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { moveTask, removeTask, setTaskField } from "./experience-edits.ts";
import { TextField } from "./fields.tsx";
import { RenameField } from "./RenameField.tsx";
import { experienceNode, type TaskRef, taskNode } from "./refs.ts";
import { selectionStore } from "./selection.ts";
import { indexById, items, member, type ParsedText, stringAt } from "./text-edits.ts";
import { change } from "./useAuthoring.ts";

export function TaskForm({ taskRef, parsed }: { taskRef: TaskRef; parsed: ParsedText }) {
  const root = parsed.root;
  const node = taskNode(root, taskRef);
  if (!node) return <p className="empty-note">Task “{taskRef.task}” is no longer in the text.</p>;
  const tasks = member(experienceNode(root, taskRef), "tasks");
  const index = indexById(tasks, taskRef.task);
  const count = items(tasks).length;
  const label = stringAt(node, "label") ?? "";
  const name = `Task “${label || taskRef.task}”`;
  return (
    <section className="af-form" aria-label={name}>
      <h3 className="af-title">
        Task {index + 1} of {count}
      </h3>
      <RenameField
        target={{ kind: "task", ...taskRef }}
        id={taskRef.task}
        text={parsed.text}
        onRenamed={(task) =>
          selectionStore.set({ kind: "task", experience: taskRef.experience, task })
        }
      />
      <TextField
        label="Label"
        value={label}
        onCommit={(next) => change((text) => setTaskField(text, taskRef, "label", next))}
      />
      <ActionListEditor
        listRef={{ ...taskRef, kind: "task" }}
        root={root}
        title={`Actions of ${name}`}
      />
      <div className="af-buttons">
        <button
          type="button"
          className="btn btn-small"
          disabled={index <= 0}
          onClick={() => change((text) => moveTask(text, taskRef, index - 1))}
        >
          Move task up
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={index >= count - 1}
          onClick={() => change((text) => moveTask(text, taskRef, index + 1))}
        >
          Move task down
        </button>
        <ConfirmButton
          label="Delete task"
          question={`Delete ${name}?`}
          onConfirm={() => {
            change((text) => removeTask(text, taskRef));
            selectionStore.set(null);
          }}
        />
      </div>
    </section>
  );
}
