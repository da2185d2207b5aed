// The debugger: a top bar, the project (editor + validation) on the left, the flow canvas (or
// the launch graph, the comparison with another version, or the inspector) in the middle with
// the explorers below it, the preview with "why not shown?" and its controls on the right, the
// timeline at the bottom.
// Each pane is its own folder; they share one session store (app/session).
import { useCallback, useRef, useState } from "react";
import { FlowCanvas } from "./canvas/FlowCanvas.tsx";
import { CompareView } from "./compare/CompareView.tsx";
import type { JsonEditorHandle } from "./editor/JsonEditor.tsx";
import { ExplorerPanel } from "./explore/ExplorerPanel.tsx";
import { Inspector } from "./inspector/Inspector.tsx";
import { LaunchGraphView } from "./launch-graph/LaunchGraphView.tsx";
import { PersistenceBar } from "./persistence/PersistenceBar.tsx";
import { PreviewPane } from "./preview/PreviewPane.tsx";
import { QaPanel } from "./qa/QaPanel.tsx";
import { type CenterTab, CenterTabs } from "./shell/CenterTabs.tsx";
import { ExperiencePicker } from "./shell/ExperiencePicker.tsx";
import { ProjectEditor } from "./shell/ProjectEditor.tsx";
import { ProjectPane } from "./shell/ProjectPane.tsx";
import { ProjectReport } from "./shell/ProjectReport.tsx";
import { SessionBanner } from "./shell/SessionBanner.tsx";
import { useWorkspaceSession } from "./shell/useWorkspaceSession.ts";
import { Timeline } from "./timeline/Timeline.tsx";
import { WorkspaceMenu } from "./workspace/WorkspaceMenu.tsx";

export function App() {
  useWorkspaceSession();
  const [leftOpen, setLeftOpen] = useState(true);
  const [tab, setTab] = useState<CenterTab>("canvas");
  const editorRef = useRef<JsonEditorHandle>(null);
  const showCanvas = useCallback(() => setTab("canvas"), []);
  const reveal = useCallback((line: number, column: number) => {
    setLeftOpen(true);
    editorRef.current?.revealPosition(line, column);
  }, []);

  return (
    <div className="app">
      <header className="top-bar">
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
      <SessionBanner />
      <main className="debugger" data-left={leftOpen ? "open" : "closed"}>
        <ProjectPane open={leftOpen} onToggle={() => setLeftOpen((open) => !open)}>
          <div className="editor-slot">
            {/* slot: editor */}
            <ProjectEditor ref={editorRef} />
          </div>
          <div className="report-slot">
            <ProjectReport onReveal={reveal} />
          </div>
        </ProjectPane>
        <section className="pane center-pane" aria-label="Flow and inspector">
          <CenterTabs value={tab} onChange={setTab} />
          <div
            className="tab-panel"
            role="tabpanel"
            id={`panel-${tab}`}
            aria-labelledby={`tab-${tab}`}
          >
            {tab === "canvas" && <FlowCanvas />}
            {tab === "launch-graph" && <LaunchGraphView onShowFlow={showCanvas} />}
            {tab === "compare" && <CompareView />}
            {tab === "inspector" && <Inspector />}
          </div>
          {/* slot: explorer (Paths, Races) */}
          <ExplorerPanel onShowCanvas={showCanvas} />
        </section>
        <PreviewPane />
      </main>
      <Timeline />
    </div>
  );
}
