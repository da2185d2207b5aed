// A checklist on screen: its tasks, done ones ticked; clicking a task runs the `task` step.
import type { WorldState } from "../../machines/engine/index.ts";
import type { Experience } from "../../machines/format/index.ts";
import { taskClickable } from "./on-screen.ts";
import { runStep } from "./run.ts";

export function ChecklistWidget({
  experience,
  world,
}: {
  experience: Experience;
  world: WorldState;
}) {
  const done = world.experiences[experience.id]?.tasksDone ?? [];
  return (
    <section className="checklist" aria-label={`Checklist: ${experience.name ?? experience.id}`}>
      <h3 className="checklist-title" tabIndex={-1}>
        {experience.name ?? experience.id}
      </h3>
      <p className="checklist-progress">
        {done.length} of {experience.tasks.length} done
        {experience.checklist.order === "inOrder" ? " · in order" : ""}
      </p>
      <ul className="checklist-tasks">
        {experience.tasks.map((task) => {
          const isDone = done.includes(task.id);
          return (
            <li key={task.id}>
              <button
                type="button"
                className="checklist-task"
                data-done={isDone || undefined}
                disabled={!taskClickable(experience, done, task.id)}
                onClick={() => runStep({ do: "task", experience: experience.id, task: task.id })}
              >
                <span className="task-box" aria-hidden="true">
                  {isDone ? "✓" : ""}
                </span>
                {task.label}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
