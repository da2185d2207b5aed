// The workbench under the top bar, in resizable, collapsible panes (react-resizable-panels):
// the project (side form or JSON) on the left, the canvas in the middle with the explorers and
// the timeline under it, the preview on the right. The canvas gets most of the window by
// default; the timeline and the explorers start folded to their header, one click from open.
// Each group's layout (sizes, collapsed panes) is saved in localStorage by the library's
// useDefaultLayout; focus mode and the left tab by layout-prefs.ts. The side panes keep their
// width in pixels when the window changes; the panes under the canvas keep their share of the
// column, so a banner line that comes and goes above them leaves their saved sizes alone.
//
// Focus mode keeps every pane mounted (the editor keeps its caret, the explorers their
// results): the canvas pane is fixed over the whole window, the preview floats in a corner,
// and the covered panes are made inert so the keyboard cannot wander into them.
import { useEffect, useRef, useState } from "react";
import { Group, Panel, Separator, useDefaultLayout } from "react-resizable-panels";
import { AuthoringPanel } from "../authoring/AuthoringPanel.tsx";
import { useSelection } from "../authoring/selection.ts";
import { FlowCanvas } from "../canvas/FlowCanvas.tsx";
import { CompareView } from "../compare/CompareView.tsx";
import type { JsonEditorHandle } from "../editor/JsonEditor.tsx";
import { ExplorerPanel } from "../explore/ExplorerPanel.tsx";
import { ForecastPanel } from "../forecast/ForecastPanel.tsx";
import { Inspector } from "../inspector/Inspector.tsx";
import { LaunchGraphView } from "../launch-graph/LaunchGraphView.tsx";
import { PreviewPane } from "../preview/PreviewPane.tsx";
import { useSession } from "../session/store.ts";
import { Timeline } from "../timeline/Timeline.tsx";
import { type CenterTab, CenterTabs } from "./CenterTabs.tsx";
import { type LeftTab, layoutPrefs, useLayoutPrefs } from "./layout-prefs.ts";
import { ProjectEditor } from "./ProjectEditor.tsx";
import { ProjectPane } from "./ProjectPane.tsx";
import { ProjectReport } from "./ProjectReport.tsx";
import { paneStorage } from "./pane-storage.ts";
import { usePane } from "./usePane.ts";

/** Collapsed panes keep a strip this wide (sides) or tall (under the canvas), in pixels. */
const sideStrip = 40;
const explorerStrip = 34;
const timelineStrip = 34;
/** The Forecast tab widens the project pane to this (pixels): sliders beside the funnels. */
const forecastWidth = 600;

export function Workbench() {
  const { focus, leftTab } = useLayoutPrefs();
  const [tab, setTab] = useState<CenterTab>("canvas");
  const editorRef = useRef<JsonEditorHandle>(null);
  const focusButtonRef = useRef<HTMLButtonElement>(null);
  const columns = useDefaultLayout({ id: "flowscope-columns", storage: paneStorage });
  const rows = useDefaultLayout({ id: "flowscope-center", storage: paneStorage });
  const project = usePane(false, 300);
  const explorers = usePane(true, 220);
  const timeline = usePane(true, 220);
  const preview = usePane(false, 320);
  const entries = useSession((s) => s.timeline.length);

  const showCanvas = () => setTab("canvas");
  const chooseLeftTab = (next: LeftTab) => {
    layoutPrefs.update({ leftTab: next });
    const panel = project.panelRef.current;
    if (next === "forecast" && panel && panel.getSize().inPixels < forecastWidth) {
      panel.resize(forecastWidth);
    }
  };
  const reveal = (line: number, column: number) => {
    layoutPrefs.update({ leftTab: "json" });
    project.expand();
    editorRef.current?.revealPosition(line, column);
  };

  // Selecting a step or a route on the canvas opens its side form.
  const selection = useSelection();
  const { expand: expandProject } = project;
  useEffect(() => {
    if (selection === null) return;
    layoutPrefs.update({ leftTab: "edit" });
    expandProject();
  }, [selection, expandProject]);

  // Entering or leaving focus mode must not leave the focus in a pane that became inert.
  const shownFocus = useRef(focus);
  useEffect(() => {
    if (shownFocus.current === focus) return;
    shownFocus.current = focus;
    const active = document.activeElement;
    if (!active || active === document.body || active.closest("[inert]")) {
      focusButtonRef.current?.focus();
    }
  }, [focus]);

  return (
    <main className="workbench" data-focus={focus || undefined}>
      <Group
        id="flowscope-columns"
        className="workbench-columns"
        orientation="horizontal"
        defaultLayout={columns.defaultLayout}
        onLayoutChanged={columns.onLayoutChanged}
      >
        <Panel
          id="pane-project"
          className="pane-slot"
          style={{ overflow: "hidden" }}
          panelRef={project.panelRef}
          onResize={project.onResize}
          collapsible
          collapsedSize={sideStrip}
          minSize={220}
          defaultSize="18%"
          groupResizeBehavior="preserve-pixel-size"
        >
          <div className="pane-fill" inert={focus}>
            <ProjectPane
              open={!project.collapsed}
              onToggle={project.toggle}
              tab={leftTab}
              onTabChange={chooseLeftTab}
              edit={<AuthoringPanel />}
              json={
                <>
                  <div className="editor-slot">
                    {/* slot: editor */}
                    <ProjectEditor ref={editorRef} />
                  </div>
                  <div className="report-slot">
                    <ProjectReport onReveal={reveal} />
                  </div>
                </>
              }
              forecast={<ForecastPanel active={leftTab === "forecast" && !project.collapsed} />}
            />
          </div>
        </Panel>
        <Separator className="pane-separator" aria-label="Resize the project pane" />
        <Panel id="pane-center" className="pane-slot" style={{ overflow: "hidden" }} minSize={360}>
          <Group
            id="flowscope-center"
            className="workbench-rows"
            orientation="vertical"
            defaultLayout={rows.defaultLayout}
            onLayoutChanged={rows.onLayoutChanged}
          >
            <Panel
              id="pane-canvas"
              className="pane-slot"
              style={{ overflow: "hidden" }}
              minSize={160}
            >
              <section className="pane center-pane" aria-label="Flow and inspector">
                <header className="center-header">
                  <CenterTabs value={tab} onChange={setTab} />
                  <div className="layout-buttons">
                    {!focus && (
                      <>
                        <button
                          type="button"
                          className="layout-button"
                          aria-expanded={!timeline.collapsed}
                          aria-controls="pane-timeline"
                          title={timeline.collapsed ? "Show the timeline" : "Fold the timeline"}
                          onClick={timeline.toggle}
                        >
                          Timeline
                        </button>
                        <button
                          type="button"
                          className="layout-button"
                          aria-expanded={!preview.collapsed}
                          aria-controls="pane-preview"
                          title={preview.collapsed ? "Show the preview" : "Fold the preview"}
                          onClick={preview.toggle}
                        >
                          Preview
                        </button>
                      </>
                    )}
                    <button
                      ref={focusButtonRef}
                      type="button"
                      className="layout-button layout-focus"
                      title={
                        focus
                          ? "Leave focus mode (Esc)"
                          : "Focus mode: the canvas full window, the preview floating (F)"
                      }
                      aria-keyshortcuts={focus ? "Escape" : "F"}
                      onClick={() => layoutPrefs.update({ focus: !focus })}
                    >
                      {focus ? "Exit focus" : "Focus"}
                    </button>
                  </div>
                </header>
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
              </section>
            </Panel>
            <Separator className="pane-separator" aria-label="Resize the explorers" />
            <Panel
              id="pane-explorers"
              className="pane-slot"
              style={{ overflow: "hidden" }}
              panelRef={explorers.panelRef}
              onResize={explorers.onResize}
              collapsible
              collapsedSize={explorerStrip}
              minSize={140}
              defaultSize={explorerStrip}
            >
              <div className="pane-fill pane-box" inert={focus}>
                {/* slot: explorer (Paths, Races) */}
                <ExplorerPanel
                  onShowCanvas={showCanvas}
                  open={!explorers.collapsed}
                  onOpenChange={(open) => (open ? explorers.expand() : explorers.collapse())}
                />
              </div>
            </Panel>
            <Separator className="pane-separator" aria-label="Resize the timeline" />
            <Panel
              id="pane-timeline"
              className="pane-slot"
              style={{ overflow: "hidden" }}
              panelRef={timeline.panelRef}
              onResize={timeline.onResize}
              collapsible
              collapsedSize={timelineStrip}
              minSize={140}
              defaultSize={timelineStrip}
            >
              <div className="pane-fill" inert={focus}>
                {timeline.collapsed ? (
                  <section className="pane pane-strip" aria-label="Timeline">
                    <h2 className="pane-title">Timeline</h2>
                    <span className="muted">
                      {entries} {entries === 1 ? "entry" : "entries"}
                    </span>
                    <button
                      type="button"
                      className="icon-button strip-button"
                      aria-expanded="false"
                      aria-controls="pane-timeline"
                      aria-label="Expand the timeline"
                      title="Expand the timeline"
                      onClick={timeline.expand}
                    >
                      ▴
                    </button>
                  </section>
                ) : (
                  <Timeline />
                )}
              </div>
            </Panel>
          </Group>
        </Panel>
        <Separator className="pane-separator" aria-label="Resize the preview" />
        <Panel
          id="pane-preview"
          className="pane-slot"
          style={{ overflow: "hidden" }}
          panelRef={preview.panelRef}
          onResize={preview.onResize}
          collapsible
          collapsedSize={sideStrip}
          minSize={260}
          defaultSize="22%"
          groupResizeBehavior="preserve-pixel-size"
        >
          {preview.collapsed && !focus && (
            <section className="pane pane-strip is-vertical" aria-label="Preview">
              <button
                type="button"
                className="icon-button strip-button"
                aria-expanded="false"
                aria-controls="pane-preview"
                aria-label="Expand the preview"
                title="Expand the preview"
                onClick={preview.expand}
              >
                ⟨
              </button>
              <span className="strip-title" aria-hidden="true">
                Preview
              </span>
            </section>
          )}
          {/* Kept mounted while collapsed: "Why not shown?" keeps what it was showing. */}
          <div className="pane-fill preview-slot" hidden={preview.collapsed && !focus}>
            <PreviewPane />
          </div>
        </Panel>
      </Group>
    </main>
  );
}
