// The left pane: the project's JSON and the validation report, collapsible to give the
// canvas room. The editor itself is app/editor's; it edits the workspace's active document.
import type { ReactNode } from "react";

interface ProjectPaneProps {
  open: boolean;
  onToggle(): void;
  children: ReactNode;
}

export function ProjectPane({ open, onToggle, children }: ProjectPaneProps) {
  return (
    <section className="pane left-pane" aria-label="Project" data-open={open || undefined}>
      <header className="pane-header">
        {open && <h2 className="pane-title">Project</h2>}
        <button
          type="button"
          className="icon-button"
          aria-expanded={open}
          aria-controls="project-pane-body"
          aria-label={open ? "Collapse the project pane" : "Expand the project pane"}
          onClick={onToggle}
        >
          {open ? "⟨" : "⟩"}
        </button>
      </header>
      <div id="project-pane-body" className="left-pane-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
