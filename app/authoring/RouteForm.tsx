// The form of a route out of a step: a CTA (label), a progress trigger (what it listens to),
// a survey condition (its test), the closing cross or the fallback, each with its actions.
import type { Step } from "../../machines/format/index.ts";
import { answerRange } from "../../machines/rules/index.ts";
import { ActionListEditor } from "./ActionListEditor.tsx";
import { ConditionTestFields } from "./ConditionTestFields.tsx";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { triggerOnChoices } from "./enums.ts";
import { SelectField, TextField } from "./fields.tsx";
import { moveItemTo, removeItem, setItemField } from "./item-edits.ts";
import { RenameField } from "./RenameField.tsx";
import {
  type ItemRef,
  itemArrayKey,
  itemNode,
  type ListRef,
  type StepRef,
  stepNode,
} from "./refs.ts";
import { selectRoute } from "./StepForm.tsx";
import { type RouteSource, selectionStore } from "./selection.ts";
import { indexById, member, type ParsedText, plainValue, stringAt } from "./text-edits.ts";
import { change } from "./useAuthoring.ts";

interface RouteFormProps {
  stepRef: StepRef;
  source: RouteSource;
  parsed: ParsedText;
}

const words = { cta: "CTA", trigger: "Trigger", condition: "Condition" } as const;
const onLabels: Record<string, string> = { click: "a click on", url: "the page URL matching" };

export function RouteForm({ stepRef, source, parsed }: RouteFormProps) {
  const root = parsed.root;
  if (source.kind === "cross" || source.kind === "fallback") {
    const ref: ListRef = { ...stepRef, kind: source.kind };
    const title = source.kind === "cross" ? "Closing cross" : "Fallback";
    return (
      <section className="af-form" aria-label={`${title} of step ${stepRef.step}`}>
        <h3 className="af-title">{title}</h3>
        <p className="muted af-note">
          {source.kind === "cross"
            ? "What the closing cross (×) does."
            : "What happens when no survey condition holds."}
        </p>
        <ActionListEditor
          listRef={ref}
          root={root}
          title={`Actions of the ${title.toLowerCase()}`}
        />
      </section>
    );
  }
  const ref: ItemRef = { ...stepRef, kind: source.kind, id: source.id };
  const node = itemNode(root, ref);
  if (!node) {
    return (
      <p className="empty-note">
        {words[source.kind]} “{source.id}” is no longer in the text.
      </p>
    );
  }
  const siblings = member(stepNode(root, stepRef), itemArrayKey[source.kind]);
  const index = indexById(siblings, source.id);
  const count = siblings?.children?.length ?? 0;
  const item = plainValue(node) as Record<string, unknown>;
  const word = words[source.kind];
  const name =
    source.kind === "cta"
      ? `${word} “${stringAt(node, "label") ?? source.id}”`
      : `${word} “${source.id}”`;
  return (
    <section className="af-form" aria-label={name}>
      <h3 className="af-title">
        {name}
        {source.kind === "cta" && index === 0 && <span className="muted"> · primary</span>}
      </h3>
      <RenameField
        target={{ kind: "item", item: ref }}
        id={source.id}
        text={parsed.text}
        onRenamed={(id) => selectRoute(stepRef, { kind: source.kind, id })}
      />
      {source.kind === "cta" && (
        <TextField
          label="Label"
          value={typeof item.label === "string" ? item.label : ""}
          onCommit={(label) => change((text) => setItemField(text, ref, "label", label))}
        />
      )}
      {source.kind === "trigger" && <TriggerOn itemRef={ref} on={item.on} />}
      {source.kind === "condition" && (
        <ConditionTestFields
          test={item.if}
          stepKind={stringAt(stepNode(root, stepRef), "kind") ?? ""}
          options={optionsOf(plainValue(member(stepNode(root, stepRef), "question")))}
          // The raw step is enough: answerRange reads only its kind and question.
          range={answerRange(plainValue(stepNode(root, stepRef)) as Step)}
          onSet={(test) => change((text) => setItemField(text, ref, "if", test))}
        />
      )}
      <ActionListEditor listRef={ref} root={root} title={`Actions of ${name}`} />
      <div className="af-buttons">
        {source.kind !== "trigger" && (
          <>
            <button
              type="button"
              className="btn btn-small"
              disabled={index <= 0}
              onClick={() => change((text) => moveItemTo(text, ref, index - 1))}
            >
              Move {word} up
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={index >= count - 1}
              onClick={() => change((text) => moveItemTo(text, ref, index + 1))}
            >
              Move {word} down
            </button>
          </>
        )}
        <ConfirmButton
          label={`Delete ${word}`}
          question={`Delete ${name} and its actions?`}
          onConfirm={() => {
            change((text) => removeItem(text, ref));
            selectionStore.set({ kind: "step", ...stepRef });
          }}
        />
      </div>
    </section>
  );
}

function optionsOf(question: unknown): string[] {
  const options = (question as { options?: unknown } | undefined)?.options;
  return Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [];
}

function TriggerOn({ itemRef, on }: { itemRef: ItemRef; on: unknown }) {
  const record = on !== null && typeof on === "object" ? (on as Record<string, unknown>) : {};
  const kind = Object.keys(record)[0] ?? "click";
  const value = typeof record[kind] === "string" ? (record[kind] as string) : "";
  const set = (next: Record<string, string>) =>
    change((text) => setItemField(text, itemRef, "on", next));
  return (
    <div className="af-row">
      <SelectField
        label="Fires on"
        value={kind}
        choices={triggerOnChoices.map((choice) => ({
          value: choice,
          label: onLabels[choice] ?? choice,
        }))}
        onChange={(next) => set({ [next]: value || (next === "url" ? "/*" : "#element") })}
      />
      <TextField
        label={kind === "url" ? "URL pattern" : "CSS selector"}
        value={value}
        onCommit={(next) => {
          if (next !== "") set({ [kind]: next });
        }}
      />
    </div>
  );
}
