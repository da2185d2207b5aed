// The debugger: a top bar, then the workbench (app/shell/Workbench.tsx): the project (side
// form or JSON + validation) on the left, the flow canvas (or the launch graph, the comparison
// with another version, or the inspector) in the middle with the explorers and the timeline
// under it, the preview with "why not shown?" and its controls on the right; every pane
// resizable and collapsible, a focus mode for the canvas alone.
// Each pane is its own folder; they share one session store (app/session).
import { PersistenceBar } from "./persistence/PersistenceBar.tsx";
import { QaPanel } from "./qa/QaPanel.tsx";
import { ExperiencePicker } from "./shell/ExperiencePicker.tsx";
import { useLayoutPrefs } from "./shell/layout-prefs.ts";
import { SessionBanner } from "./shell/SessionBanner.tsx";
import { useFocusShortcut } from "./shell/useFocusShortcut.ts";
import { useWorkspaceSession } from "./shell/useWorkspaceSession.ts";
import { Workbench } from "./shell/Workbench.tsx";
import { WorkspaceMenu } from "./workspace/WorkspaceMenu.tsx";

export function App() {
  useWorkspaceSession();
  useFocusShortcut();
  const { focus } = useLayoutPrefs();

  return (
    <div className="app" data-focus={focus || undefined}>
      {/* In focus mode the canvas covers the page: what it covers leaves the Tab order. */}
      <header className="top-bar" inert={focus}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Flowscope</span>
        </div>
        {/* slot: workspace-menu */}
        <WorkspaceMenu />
        <ExperiencePicker />
        <div className="top-bar-end">
          {/* slot: persistence */}
          <PersistenceBar />
          {/* slot: qa */}
          <QaPanel />
        </div>
      </header>
      <div inert={focus}>
        <SessionBanner />
      </div>
      <Workbench />
    </div>
  );
}
