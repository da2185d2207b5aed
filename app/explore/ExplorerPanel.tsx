// The explorers under the flow canvas (issue 5, item 5): a compact, collapsible drawer with a
// Paths tab (counts per end, coverage paths that replay on the canvas) and a Races tab (the
// action lists whose outcome depends on timing). The computation runs in a Web Worker with
// a progress bar and Cancel; it reruns (debounced) when the project or experience changes.
import { useState } from "react";
import type { Project } from "../../machines/format/schema.ts";
import { useSession } from "../session/store.ts";
import { ExploreStatus } from "./ExploreStatus.tsx";
import { type ExploreState, pathsView, racesView } from "./explore-state.ts";
import { PathsView } from "./PathsView.tsx";
import { compactCount } from "./path-words.ts";
import { RacesView } from "./RacesView.tsx";
import { useExplorer } from "./useExplorer.ts";
import { usePathReplay } from "./usePathReplay.ts";
import "./explore.css";

type ExplorerTab = "paths" | "races";

const tabs: { id: ExplorerTab; label: string }[] = [
  { id: "paths", label: "Paths" },
  { id: "races", label: "Races" },
];

/** A small figure beside a tab's name: the total paths, the racy lists (current reports only). */
function tabBadge(
  tab: ExplorerTab,
  state: ExploreState,
  project: Project | null,
  experienceId: string | null,
): { text: string; alert: boolean } | null {
  if (tab === "paths") {
    const view = pathsView(state, project, experienceId);
    const outcome = view && !view.stale ? view.entry.outcome : null;
    return outcome?.ok ? { text: compactCount(outcome.report.count.total), alert: false } : null;
  }
  const view = racesView(state, project);
  const outcome = view && !view.stale ? view.entry.outcome : null;
  if (!outcome?.ok) return null;
  return { text: String(outcome.report.racy.length), alert: outcome.report.racy.length > 0 };
}

export function ExplorerPanel({ onShowCanvas }: { onShowCanvas(): void }) {
  const project = useSession((s) => s.project);
  const experienceId = useSession((s) => s.experienceId);
  const explorer = useExplorer(project, experienceId);
  const replay = usePathReplay(project, onShowCanvas);
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<ExplorerTab>("paths");

  const choose = (next: ExplorerTab) => {
    setTab(next);
    setOpen(true);
  };

  return (
    <section
      className="explorer"
      data-testid="explorer"
      data-open={open || undefined}
      aria-label="Explorers"
    >
      <header className="explorer-head">
        <div className="explorer-tabs" role="tablist" aria-label="Explorer">
          {tabs.map((t) => {
            const badge = tabBadge(t.id, explorer.state, project, experienceId);
            return (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`explorer-tab-${t.id}`}
                aria-selected={open && tab === t.id}
                aria-controls="explorer-body"
                className="explorer-tab"
                onClick={() => choose(t.id)}
              >
                {t.label}
                {badge && (
                  <span className={`explorer-badge${badge.alert ? " is-alert" : ""}`}>
                    {badge.text}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <ExploreStatus
          state={explorer.state}
          onCancel={explorer.cancel}
          onRunAgain={explorer.runAgain}
        />
        <button
          type="button"
          className="icon-button explorer-toggle"
          aria-expanded={open}
          aria-controls="explorer-body"
          aria-label={open ? "Collapse the explorers" : "Expand the explorers"}
          title={open ? "Collapse" : "Expand"}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "▾" : "▴"}
        </button>
      </header>
      {open && (
        <div
          className="explorer-body"
          id="explorer-body"
          role="tabpanel"
          aria-labelledby={`explorer-tab-${tab}`}
        >
          {tab === "paths" ? (
            <PathsView
              project={project}
              experienceId={experienceId}
              state={explorer.state}
              replay={replay}
            />
          ) : (
            <RacesView project={project} state={explorer.state} />
          )}
        </div>
      )}
    </section>
  );
}
