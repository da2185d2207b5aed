// "Click" any CSS selector on the host page (the script's clickElement), and launch an
// experience as the SDK would.
import { useState } from "react";
import type { Project } from "../../machines/format/index.ts";
import { runStep } from "./run.ts";

export function ElementClicker({
  project,
  selected,
}: {
  project: Project;
  selected: string | null;
}) {
  const [selector, setSelector] = useState("");
  const [launch, setLaunch] = useState(selected ?? project.experiences[0]?.id ?? "");
  const launchable = project.experiences.some((e) => e.id === launch) ? launch : selected;
  return (
    <section className="control-block" aria-label="Host page actions">
      <form
        className="control-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (selector.trim()) runStep({ do: "clickElement", selector: selector.trim() });
        }}
      >
        <input
          className="input mono"
          aria-label="CSS selector to click"
          placeholder="#save, .upgrade-button…"
          value={selector}
          onChange={(event) => setSelector(event.target.value)}
        />
        <button type="submit" className="btn btn-small" disabled={!selector.trim()}>
          Click
        </button>
      </form>
      <form
        className="control-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (launchable) runStep({ do: "launch", experience: launchable });
        }}
      >
        <select
          className="input"
          aria-label="Experience to launch"
          value={launchable ?? ""}
          onChange={(event) => setLaunch(event.target.value)}
        >
          {project.experiences.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name ?? e.id}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small" disabled={!launchable}>
          Launch
        </button>
      </form>
    </section>
  );
}
