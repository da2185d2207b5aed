// The Compare view (issue 11, item 3): the document against another saved version — another
// open document, the document as opened, or a file picked from disk. The canvas draws the
// selected experience's flow with both versions merged: routes the document adds in green,
// routes only the other version has in red, changed ones in amber; beside it, the same change
// list `flowscope diff` prints (machines/explore/diff.ts and diff-groups.ts do the work).
import { Background, Controls, type EdgeTypes, type NodeTypes, ReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import {
  cosmeticCount,
  type DiffGroup,
  diffGroups,
  type ProjectDiff,
} from "../../machines/explore/index.ts";
import "../canvas/canvas.css";
import { EndNode } from "../canvas/EndNode.tsx";
import {
  type FlowNode,
  readOnlyCanvas,
  toFlowEdges,
  toFlowNodes,
} from "../canvas/flow-elements.ts";
import { LaunchedNode } from "../canvas/LaunchedNode.tsx";
import { RoutedEdge, type RoutedFlowEdge } from "../canvas/RoutedEdge.tsx";
import { noMarks } from "../canvas/run-marks.ts";
import { StepNode } from "../canvas/StepNode.tsx";
import { useFlowLayout } from "../canvas/useFlowLayout.ts";
import { maxImportBytes, readImport } from "../persistence/bundle.ts";
import { readFileText } from "../persistence/download.ts";
import { useSession } from "../session/store.ts";
import { useWorkspace } from "../workspace/workspace-store.ts";
import {
  type CompareCanvas,
  compareCanvas,
  compareTexts,
  drawableExperiences,
  fileKey,
  markEdges,
  markNodes,
  type VersionChoice,
  versionChoices,
} from "./compare-model.ts";
import "./compare.css";

const nodeTypes: NodeTypes = { step: StepNode, end: EndNode, launched: LaunchedNode };
const edgeTypes: EdgeTypes = { routed: RoutedEdge };

interface PickedFile {
  name: string;
  text: string;
}

function VersionPicker({
  choices,
  value,
  file,
  onChange,
  onFile,
}: {
  choices: VersionChoice[];
  value: string;
  file: PickedFile | null;
  onChange(key: string): void;
  onFile(file: File): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="cmp-picker">
      <label className="picker">
        <span className="picker-label">Compare with</span>
        <select
          className="picker-select"
          aria-label="Version to compare with"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {value === "" && <option value="">Pick a version…</option>}
          {choices.map((choice) => (
            <option key={choice.key} value={choice.key}>
              {choice.label}
            </option>
          ))}
          {file && <option value={fileKey}>{`File: ${file.name}`}</option>}
        </select>
      </label>
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        Open a file…
      </button>
      <input
        ref={input}
        className="cmp-hidden"
        type="file"
        accept=".json,application/json"
        aria-label="Version file"
        onChange={(event) => {
          const picked = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (picked) onFile(picked);
        }}
      />
    </div>
  );
}

function Verdict({ report }: { report: ProjectDiff }) {
  const cosmetic = cosmeticCount(report);
  if (!report.same) {
    return (
      <p className="cmp-verdict" data-testid="compare-verdict" data-same="false">
        <span className="pill cmp-pill-differs">Behaviour differs</span>
      </p>
    );
  }
  return (
    <p className="cmp-verdict" data-testid="compare-verdict" data-same="true">
      <span className="pill cmp-pill-same">Same behaviour</span>
      <span className="muted">
        {cosmetic === 0
          ? "no change"
          : `${cosmetic} cosmetic change${cosmetic === 1 ? "" : "s"} only`}
      </span>
    </p>
  );
}

function ChangeList({
  groups,
  drawn,
  onDraw,
}: {
  groups: DiffGroup[];
  drawn: string | null;
  onDraw(id: string): void;
}) {
  return (
    <div className="cmp-groups" data-testid="compare-changes">
      {groups.map((group) => (
        <section
          key={group.experience ?? "project"}
          className="cmp-group"
          data-experience={group.experience}
          aria-label={group.title}
        >
          <h3 className="cmp-group-title">
            {group.experience ? (
              <button
                type="button"
                className="cmp-draw"
                aria-pressed={drawn === group.experience}
                title="Draw this flow"
                onClick={() => onDraw(group.experience as string)}
              >
                {group.title}
              </button>
            ) : (
              group.title
            )}
            {group.same && <span className="muted"> · same behaviour</span>}
          </h3>
          <ul className="cmp-lines">
            {group.lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one report, in order.
              <li key={index} className={`cmp-line tone-${line.tone}`}>
                <span className="cmp-mark" aria-hidden="true">
                  {line.mark}
                </span>
                <span>{line.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function MergedCanvas({ canvas }: { canvas: CompareCanvas }) {
  const { model, merged } = canvas;
  const layout = useFlowLayout(model);
  const nodes = useMemo<FlowNode[]>(
    () => (layout ? markNodes(toFlowNodes(model, layout.positions, noMarks), merged) : []),
    [model, layout, merged],
  );
  const edges = useMemo<RoutedFlowEdge[]>(
    () => (layout ? markEdges(toFlowEdges(model, noMarks, layout.routes), merged) : []),
    [model, layout, merged],
  );
  return (
    <div
      className="flow-canvas cmp-canvas"
      data-testid="compare-canvas"
      data-experience={model.experience}
      data-layout={layout ? layout.engine : "pending"}
      aria-busy={!layout}
    >
      {merged.only && (
        <p className="canvas-stale" role="note">
          {merged.only === "old"
            ? "Only the other version has this experience"
            : "New in this version"}
        </p>
      )}
      {!layout && <p className="canvas-loading">Laying out {model.nodes.length} nodes…</p>}
      {layout && (
        <ReactFlow<FlowNode, RoutedFlowEdge>
          key={layout.key}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          {...readOnlyCanvas}
          fitView
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
      <p className="cmp-legend" aria-hidden="true">
        <span className="cmp-key key-added">new here</span>
        <span className="cmp-key key-removed">only in the other version</span>
        <span className="cmp-key key-changed">changed</span>
      </p>
    </div>
  );
}

export function CompareView() {
  const workspace = useWorkspace();
  const selected = useSession((s) => s.experienceId);
  const active = workspace.documents.find((doc) => doc.id === workspace.activeId);
  const choices = useMemo(() => versionChoices(workspace), [workspace]);
  const [picked, setPicked] = useState<string | null>(null);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<string | null>(null);

  // The version picked, else the first one there is (the document as opened, if edited).
  const key =
    picked === fileKey && file
      ? fileKey
      : choices.some((c) => c.key === picked)
        ? (picked as string)
        : (choices[0]?.key ?? (file ? fileKey : ""));
  const otherText = key === fileKey ? file?.text : choices.find((c) => c.key === key)?.text;
  const otherName =
    key === fileKey ? file?.name : (choices.find((c) => c.key === key)?.label ?? "");
  const newText = useDeferredValue(active?.text ?? "");
  const oldText = useDeferredValue(otherText);
  const comparison = useMemo(
    () => (oldText === undefined ? null : compareTexts(oldText, newText)),
    [oldText, newText],
  );
  const groups = useMemo(() => (comparison?.ok ? diffGroups(comparison.report) : []), [comparison]);
  const experiences = useMemo(
    () => (comparison?.ok ? drawableExperiences(comparison.before, comparison.after) : []),
    [comparison],
  );
  // Draw what the user picked, else the selected experience, else the first that changed.
  const firstChanged = groups.find((g) => g.experience && !g.same)?.experience;
  const shown =
    [drawn, selected, firstChanged, experiences[0]?.id].find(
      (id) => id && experiences.some((e) => e.id === id),
    ) ?? null;
  const canvas = useMemo(
    () =>
      comparison?.ok && shown ? compareCanvas(comparison.before, comparison.after, shown) : null,
    [comparison, shown],
  );

  const openFile = async (picked: File) => {
    setFileError(null);
    try {
      const text = await readFileText(picked, maxImportBytes);
      const imported = readImport(picked.name, text);
      setFile({ name: picked.name, text: imported.project });
      setPicked(fileKey);
    } catch (error) {
      setFileError(
        `Cannot open ${picked.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  if (!active) return <p className="canvas-empty">Open a project to compare it.</p>;
  return (
    <div className="compare" data-testid="compare-view">
      <header className="cmp-header">
        <VersionPicker
          choices={choices}
          value={key}
          file={file}
          onChange={setPicked}
          onFile={openFile}
        />
        {experiences.length > 0 && (
          <label className="picker">
            <span className="picker-label">Flow</span>
            <select
              className="picker-select"
              aria-label="Flow to draw"
              value={shown ?? ""}
              onChange={(event) => setDrawn(event.target.value)}
            >
              {experiences.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {comparison?.ok && <Verdict report={comparison.report} />}
      </header>
      {fileError && (
        <p className="cmp-error" role="alert">
          {fileError}
        </p>
      )}
      {key === "" && (
        <p className="canvas-empty">
          Nothing to compare with yet: edit this document (then compare with it as opened), open
          another version of it, or open a file.
        </p>
      )}
      {comparison && !comparison.ok && (
        <p className="cmp-error" role="alert">
          {comparison.which === "old"
            ? `${otherName} cannot be compared: ${comparison.message}`
            : `This document cannot be compared yet: ${comparison.message}`}
        </p>
      )}
      {comparison?.ok && (
        <div className="cmp-body">
          {canvas ? (
            <MergedCanvas canvas={canvas} />
          ) : (
            <p className="canvas-empty">This flow cannot be drawn.</p>
          )}
          <aside className="cmp-side" aria-label="Changes">
            <p className="cmp-direction muted">
              From <strong>{otherName}</strong> to <strong>{active.name}</strong>
            </p>
            {groups.length === 0 ? (
              <p className="muted">No change at all.</p>
            ) : (
              <ChangeList groups={groups} drawn={shown} onDraw={setDrawn} />
            )}
          </aside>
        </div>
      )}
    </div>
  );
}
