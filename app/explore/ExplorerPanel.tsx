// The explorers under the flow canvas (issue 5, item 5): a compact, collapsible drawer with a
// Paths tab (counts per end, coverage paths that replay on the canvas) and a Races tab (the
// action lists whose outcome depends on timing). The computation runs in a Web Worker with
// a progress bar and Cancel; it reruns (debounced) when the project or experience changes.
import { type KeyboardEvent, useRef, useState } from "react";
import type { Project } from "../../machines/format/index.ts";
import { useSession } from "../session/store.ts";
import { ExploreStatus } from "./ExploreStatus.tsx";
import { type ExploreState, pathsView, racesView } from "./explore-state.ts";
import { PathsView } from "./PathsView.tsx";
import { compactCount } from "./path-words.ts";
import { RacesView } from "./RacesView.tsx";
import { tabAfterKey } from "./tab-keys.ts";
import { useExplorer } from "./useExplorer.ts";
import { usePathReplay } from "./usePathReplay.ts";
import "./explore.css";

type ExplorerTab = "paths" | "races";

const tabs: { id: ExplorerTab; label: string }[] = [
  { id: "paths", label: "Paths" },
  { id: "races", label: "Races" },
];
const tabIds = tabs.map((t) => t.id);
const bodyId = "explorer-body";

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
    if (!outcome?.ok) return null;
    // Past the counting budget the counts are lower bounds.
    const atLeast = outcome.report.countDetail.exact ? "" : "≥ ";
    return { text: `${atLeast}${compactCount(outcome.report.count.total)}`, alert: false };
  }
  const view = racesView(state, project);
  const outcome = view && !view.stale ? view.entry.outcome : null;
  if (!outcome?.ok) return null;
  return { text: String(outcome.report.racy.length), alert: outcome.report.racy.length > 0 };
}

interface ExplorerPanelProps {
  onShowCanvas(): void;
  /** Open or folded to its header, when the page's layout decides (a resizable pane). */
  open?: boolean;
  onOpenChange?(open: boolean): void;
}

export function ExplorerPanel({ onShowCanvas, open: openProp, onOpenChange }: ExplorerPanelProps) {
  const project = useSession((s) => s.project);
  const experienceId = useSession((s) => s.experienceId);
  const explorer = useExplorer(project, experienceId);
  const replay = usePathReplay(project, onShowCanvas);
  const [ownOpen, setOwnOpen] = useState(true);
  const open = openProp ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    if (next !== open) onOpenChange?.(next);
  };
  const [tab, setTab] = useState<ExplorerTab>("paths");

  const tabRefs = useRef(new Map<ExplorerTab, HTMLButtonElement>());

  const choose = (next: ExplorerTab) => {
    setTab(next);
    setOpen(true);
  };

  // Tabs pattern: arrows move the focus and the selection (the only tab in the Tab order).
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = tabAfterKey(tabIds, tab, event.key);
    if (!next) return;
    event.preventDefault();
    choose(next);
    tabRefs.current.get(next)?.focus();
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
                ref={(el) => {
                  if (el) tabRefs.current.set(t.id, el);
                  else tabRefs.current.delete(t.id);
                }}
                aria-selected={tab === t.id}
                aria-controls={open && tab === t.id ? bodyId : undefined}
                tabIndex={tab === t.id ? 0 : -1}
                className="explorer-tab"
                onClick={() => choose(t.id)}
                onKeyDown={onTabKey}
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
          aria-controls={open ? bodyId : undefined}
          aria-label={open ? "Collapse the explorers" : "Expand the explorers"}
          title={open ? "Collapse" : "Expand"}
          onClick={() => setOpen(!open)}
        >
          {open ? "▾" : "▴"}
        </button>
      </header>
      {open && (
        <div
          className="explorer-body"
          id={bodyId}
          role="tabpanel"
          aria-labelledby={`explorer-tab-${tab}`}
        >
          {tab === "paths" ? (
            <PathsView
              project={project}
              experienceId={experienceId}
              state={explorer.state}
              replay={replay}
              onRunAgain={explorer.runAgain}
            />
          ) : (
            <RacesView project={project} state={explorer.state} onRunAgain={explorer.runAgain} />
          )}
        </div>
      )}
    </section>
  );
}
