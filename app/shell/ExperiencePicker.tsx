// The top bar's experience chooser: which flow the canvas draws (on screen ones are marked).
import { sessionStore, useSession } from "../session/store.ts";

export function ExperiencePicker() {
  const project = useSession((s) => s.project);
  const selected = useSession((s) => s.experienceId);
  const world = useSession((s) => s.world);
  if (!project || project.experiences.length === 0) return null;
  return (
    <label className="picker">
      <span className="picker-label">Experience</span>
      <select
        className="picker-select"
        value={selected ?? ""}
        onChange={(event) => sessionStore.selectExperience(event.target.value)}
      >
        {project.experiences.map((experience) => {
          const on = world?.experiences[experience.id]?.status === "active";
          const name = experience.name ?? experience.id;
          return (
            <option key={experience.id} value={experience.id}>
              {`${name} · ${experience.type}${on ? " · on screen" : ""}`}
            </option>
          );
        })}
      </select>
    </label>
  );
}
