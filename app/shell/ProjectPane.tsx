// The left pane: three tabs, "Edit" (the side form for what is selected on the canvas), "JSON"
// (the project's text and its validation report) and "Forecast" (app/forecast). All stay
// mounted, so the editor keeps its caret and scroll while the form is shown. Collapsed, it is
// a strip with the button that opens it again.
import type { ReactNode } from "react";
import type { LeftTab } from "./layout-prefs.ts";
import { TabList } from "./TabList.tsx";

interface ProjectPaneProps {
  open: boolean;
  onToggle(): void;
  tab: LeftTab;
  onTabChange(tab: LeftTab): void;
  edit: ReactNode;
  json: ReactNode;
  forecast: ReactNode;
}

const tabs: { id: LeftTab; label: string }[] = [
  { id: "edit", label: "Edit" },
  { id: "json", label: "JSON" },
  { id: "forecast", label: "Forecast" },
];

const tabId = (tab: LeftTab) => `project-tab-${tab}`;
const panelId = (tab: LeftTab) => `project-panel-${tab}`;

export function ProjectPane({
  open,
  onToggle,
  tab,
  onTabChange,
  edit,
  json,
  forecast,
}: ProjectPaneProps) {
  const panels: Record<LeftTab, ReactNode> = { edit, json, forecast };
  return (
    <section className="pane left-pane" aria-label="Project" data-open={open || undefined}>
      <header className="pane-header left-pane-header">
        {open ? (
          <TabList
            tabs={tabs}
            value={tab}
            onChange={onTabChange}
            label="Project view"
            tabId={tabId}
            panelId={panelId}
            className="tabs pane-tabs"
          />
        ) : (
          <span className="strip-title" aria-hidden="true">
            Project
          </span>
        )}
        <button
          type="button"
          className="icon-button"
          aria-expanded={open}
          aria-controls="project-pane-body"
          aria-label={open ? "Collapse the project pane" : "Expand the project pane"}
          title={open ? "Collapse the project pane" : "Expand the project pane"}
          onClick={onToggle}
        >
          {open ? "⟨" : "⟩"}
        </button>
      </header>
      <div id="project-pane-body" className="left-pane-body" hidden={!open}>
        {tabs.map(({ id }) => (
          <div
            key={id}
            className="left-tab-panel"
            role="tabpanel"
            id={panelId(id)}
            aria-labelledby={tabId(id)}
            hidden={tab !== id}
          >
            {panels[id]}
          </div>
        ))}
      </div>
    </section>
  );
}
