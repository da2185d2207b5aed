// The right pane: the step on screen over the fake host page, the controls a user and the
// clock have, the side effects, the posts / resource center / agent, and the persona.
import { sessionStore, useSession } from "../session/store.ts";
import { WhyPanel } from "../why/WhyPanel.tsx";
import { ClockControls } from "./ClockControls.tsx";
import { ElementClicker } from "./ElementClicker.tsx";
import { HostPage } from "./HostPage.tsx";
import { PersonaPanel } from "./PersonaPanel.tsx";
import { SideEffects } from "./SideEffects.tsx";
import { Widgets } from "./Widgets.tsx";
import "./preview.css";

export function PreviewPane() {
  const project = useSession((s) => s.project);
  const world = useSession((s) => s.world);
  const selected = useSession((s) => s.experienceId);
  const setup = useSession((s) => s.setup);
  const documentId = useSession((s) => s.documentId);
  return (
    <aside className="pane right-pane" aria-label="Preview">
      <header className="pane-header">
        <h2 className="pane-title">Preview</h2>
        <span className="persona-chip" title="Simulated user">
          {setup.user.id}
        </span>
        <button type="button" className="btn btn-small" onClick={() => sessionStore.restart()}>
          Restart
        </button>
      </header>
      {project && world ? (
        <div className="right-pane-body">
          <HostPage project={project} world={world} />
          {/* slot: why not shown */}
          <WhyPanel />
          <ClockControls world={world} />
          <ElementClicker project={project} selected={selected} />
          <SideEffects project={project} world={world} />
          <details className="drawer">
            <summary>Posts, resource center, agent</summary>
            <Widgets project={project} world={world} />
          </details>
          <details className="drawer">
            <summary>Persona and start</summary>
            <PersonaPanel key={`${documentId}:${JSON.stringify(setup)}`} project={project} />
          </details>
        </div>
      ) : (
        <p className="muted pad">The preview starts once the project is valid.</p>
      )}
    </aside>
  );
}
