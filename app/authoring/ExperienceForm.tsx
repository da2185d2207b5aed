// An experience's own settings (id, name, type, status, when it shows and to whom, how often,
// a checklist's order) and its outline: its steps or tasks, to open in the form, add to, or
// the experience deleted. What a PM needs to build a flow without the canvas.
import { useState } from "react";
import type { StepKind } from "../../machines/format/index.ts";
import { AudienceEditor } from "./AudienceEditor.tsx";
import { ConfirmButton } from "./ConfirmButton.tsx";
import {
  checklistOrderChoices,
  experienceTypeChoices,
  recurrenceChoices,
  showOnChoices,
  statusChoices,
  stepKindChoices,
} from "./enums.ts";
import {
  addTask,
  addUrl,
  removeExperience,
  removeUrl,
  setExperienceValue,
  setUrl,
} from "./experience-edits.ts";
import { CheckField, NumberField, SelectField, TextField } from "./fields.tsx";
import { freshId } from "./fresh-id.ts";
import { RenameField } from "./RenameField.tsx";
import { type ExperienceRef, experienceNode, idsOf } from "./refs.ts";
import { selectionStore } from "./selection.ts";
import { addStep, newStep, newStepId } from "./step-edits.ts";
import { member, type ParsedText, plainValue } from "./text-edits.ts";
import { change } from "./useAuthoring.ts";

type Fields = Record<string, unknown>;

const recurrenceLabels: Record<string, string> = {
  once: "Once",
  every: "Again every…",
  always: "Every time",
};
const showOnLabels: Record<string, string> = {
  auto: "Automatically on matching pages",
  manual: "No automatic trigger (actions or SDK only)",
};

export function ExperienceForm({
  experienceId,
  parsed,
}: {
  experienceId: string;
  parsed: ParsedText;
}) {
  const ref: ExperienceRef = { experience: experienceId };
  const node = experienceNode(parsed.root, ref);
  if (!node) return <p className="empty-note">Experience “{experienceId}” is not in the text.</p>;
  const experience = plainValue(node) as Fields;
  const str = (key: string) =>
    typeof experience[key] === "string" ? (experience[key] as string) : "";
  const set = (keys: string[], value: unknown) =>
    change((text) => setExperienceValue(text, ref, keys, value));
  const showOn = (experience.showOn ?? {}) as Fields;
  const urls = Array.isArray(showOn.urls) ? showOn.urls.map(String) : [];
  const recurrence = (experience.recurrence ?? { kind: "once" }) as Fields;
  const type = str("type");
  const checklist = type === "checklist";
  const experiences = idsOf(member(parsed.root, "experiences"));

  return (
    <section className="af-form" aria-label={`Experience ${experienceId}`}>
      <h3 className="af-title">
        Experience <span className="muted">· {type}</span>
      </h3>
      <RenameField target={{ kind: "experience", ...ref }} id={experienceId} text={parsed.text} />
      <TextField
        label="Name"
        value={str("name")}
        onCommit={(name) => set(["name"], name === "" ? undefined : name)}
      />
      <div className="af-row">
        <SelectField
          label="Type"
          value={type}
          choices={experienceTypeChoices}
          onChange={(v) => set(["type"], v)}
        />
        <SelectField
          label="Status"
          value={str("status")}
          choices={statusChoices}
          onChange={(v) => set(["status"], v)}
        />
      </div>
      <SelectField
        label="Show on"
        value={typeof showOn.trigger === "string" ? showOn.trigger : "manual"}
        choices={showOnChoices.map((value) => ({ value, label: showOnLabels[value] ?? value }))}
        onChange={(trigger) => set(["showOn", "trigger"], trigger)}
      />
      <UrlsEditor experienceRef={ref} urls={urls} />
      <div className="af-row">
        <SelectField
          label="Recurrence"
          value={String(recurrence.kind ?? "once")}
          choices={recurrenceChoices.map((value) => ({
            value,
            label: recurrenceLabels[value] ?? value,
          }))}
          onChange={(kind) =>
            set(["recurrence"], kind === "every" ? { kind, hours: 168 } : { kind })
          }
        />
        {recurrence.kind === "every" && (
          <NumberField
            label="Hours between shows"
            value={typeof recurrence.hours === "number" ? recurrence.hours : undefined}
            min={1}
            onCommit={(hours) => set(["recurrence", "hours"], hours ?? 168)}
          />
        )}
      </div>
      <AudienceEditor
        experienceRef={ref}
        audience={Array.isArray(experience.audience) ? (experience.audience as Fields[]) : []}
        experiences={experiences}
      />
      {checklist && (
        <SelectField
          label="Task order"
          value={String((experience.checklist as Fields | undefined)?.order ?? "any")}
          choices={checklistOrderChoices.map((value) => ({
            value,
            label: value === "inOrder" ? "In order" : "Any order",
          }))}
          onChange={(order) => set(["checklist", "order"], order)}
        />
      )}
      <CheckField
        label="Ignore the rate limit"
        checked={experience.ignoreRateLimit === true}
        onChange={(on) => set(["ignoreRateLimit"], on ? true : undefined)}
      />
      {checklist ? (
        <Outline
          title="Tasks"
          entries={listOf(experience.tasks).map((task) => ({
            id: String(task.id),
            label: String(task.label ?? task.id),
          }))}
          onOpen={(task) => selectionStore.set({ kind: "task", experience: experienceId, task })}
          addLabel="Add task"
          onAdd={() => {
            const id = freshId(
              listOf(experience.tasks).map((task) => String(task.id)),
              "task",
            );
            change((text) => addTask(text, ref, { id, label: "New task", actions: [] }));
            selectionStore.set({ kind: "task", experience: experienceId, task: id });
          }}
        />
      ) : (
        <Outline
          title="Steps"
          entries={listOf(experience.steps).map((step) => ({
            id: String(step.id),
            label: `${String(step.id)} · ${String(step.kind)}${step.title ? ` — ${String(step.title)}` : ""}`,
          }))}
          onOpen={(step) => selectionStore.set({ kind: "step", experience: experienceId, step })}
          addLabel="Add step"
          onAdd={() => {
            const id = newStepId(parsed.text, ref);
            const kind = (stepKindChoices(type)[0] ?? "modal") as StepKind;
            change((text) => addStep(text, ref, newStep(id, kind)));
            selectionStore.set({ kind: "step", experience: experienceId, step: id });
          }}
        />
      )}
      <div className="af-buttons">
        <ConfirmButton
          label="Delete experience"
          question={`Delete experience “${experienceId}”? What launches it will be flagged.`}
          onConfirm={() => change((text) => removeExperience(text, ref))}
        />
      </div>
    </section>
  );
}

function listOf(value: unknown): Fields[] {
  return Array.isArray(value)
    ? value.filter((item): item is Fields => item !== null && typeof item === "object")
    : [];
}

function Outline({
  title,
  entries,
  onOpen,
  addLabel,
  onAdd,
}: {
  title: string;
  entries: { id: string; label: string }[];
  onOpen(id: string): void;
  addLabel: string;
  onAdd(): void;
}) {
  return (
    <section className="af-group" aria-label={title}>
      <h4 className="af-subtitle">{title}</h4>
      <ol className="af-outline">
        {entries.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat (the validator flags it): the index keeps keys apart.
          <li key={`${index}:${entry.id}`}>
            <button type="button" className="link-button" onClick={() => onOpen(entry.id)}>
              {entry.label}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={onAdd}>
        {addLabel}
      </button>
    </section>
  );
}

function UrlsEditor({ experienceRef, urls }: { experienceRef: ExperienceRef; urls: string[] }) {
  const [draft, setDraft] = useState("");
  const add = () => {
    const url = draft.trim();
    if (url === "") return;
    change((text) => addUrl(text, experienceRef, url));
    setDraft("");
  };
  return (
    <fieldset className="af-group">
      <legend className="af-subtitle">Page URLs (* matches anything)</legend>
      <ol className="af-plain-list">
        {urls.map((url, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat (the validator flags it): the index keeps keys apart.
          <li key={`${index}:${url}`} className="af-row">
            <TextField
              label={`Page URL ${index + 1}`}
              value={url}
              onCommit={(next) => change((text) => setUrl(text, experienceRef, index, next))}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove page URL ${url}`}
              onClick={() => change((text) => removeUrl(text, experienceRef, index))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="af-row">
        <label className="af-field">
          <span className="af-label">New page URL</span>
          <input
            className="input af-input"
            value={draft}
            placeholder="/billing*"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") add();
            }}
          />
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={add}
          disabled={draft.trim() === ""}
        >
          Add URL
        </button>
      </div>
    </fieldset>
  );
}
