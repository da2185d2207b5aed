// The form of a step: its id (renamed everywhere), name, kind, texts, target, question or
// booking; its CTAs, progress triggers, survey conditions, closing cross and fallback (each
// opens in the route form); and the step itself moved, duplicated, added after or deleted.
import type { StepKind } from "../../machines/format/index.ts";
import { actionLabels } from "../../machines/rules/index.ts";
import { operatorsByKind, targetedKinds } from "../../machines/validate/index.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { stepKindChoices } from "./enums.ts";
import { SelectField, TextField } from "./fields.tsx";
import { addItem, newItemId } from "./item-edits.ts";
import { isActionType } from "./pickers.ts";
import { BookingFields, QuestionFields } from "./QuestionFields.tsx";
import { RenameField } from "./RenameField.tsx";
import { experienceNode, type StepRef, stepIndex, stepNode } from "./refs.ts";
import { type RouteSource, selectionStore } from "./selection.ts";
import {
  addStep,
  changeStepKind,
  copyIdOf,
  deleteStep,
  duplicateStep,
  moveStep,
  newStep,
  newStepId,
  setStepValue,
} from "./step-edits.ts";
import { items, member, type ParsedText, plainValue, stringAt } from "./text-edits.ts";
import { change } from "./useAuthoring.ts";

interface StepFormProps {
  stepRef: StepRef;
  parsed: ParsedText;
}

type Fields = Record<string, unknown>;

export function selectRoute(ref: StepRef, source: RouteSource): void {
  const edge = `form:${source.kind}:${"id" in source ? source.id : ""}`;
  selectionStore.set({ kind: "route", experience: ref.experience, step: ref.step, source, edge });
}

export function StepForm({ stepRef, parsed }: StepFormProps) {
  const root = parsed.root;
  const node = stepNode(root, stepRef);
  if (!node) {
    return <p className="empty-note">Step “{stepRef.step}” is no longer in the text.</p>;
  }
  const step = plainValue(node) as Fields;
  const experience = experienceNode(root, stepRef);
  const type = stringAt(experience, "type") ?? "";
  const index = stepIndex(root, stepRef);
  const count = items(member(experience, "steps")).length;
  const kind = String(step.kind ?? "");
  const str = (key: string) => (typeof step[key] === "string" ? (step[key] as string) : "");
  const set = (key: string) => (value: string) =>
    change((text) => setStepValue(text, stepRef, [key], value === "" ? undefined : value));
  const answerable = Object.hasOwn(operatorsByKind, kind);
  const targeted = (targetedKinds as readonly string[]).includes(kind) || step.target !== undefined;
  const select = (step: string) =>
    selectionStore.set({ kind: "step", experience: stepRef.experience, step });

  return (
    <section className="af-form" aria-label={`Step ${stepRef.step}`}>
      <h3 className="af-title">
        Step {index + 1} of {count} <span className="muted">· {kind}</span>
      </h3>
      <RenameField
        target={{ kind: "step", ...stepRef }}
        id={stepRef.step}
        text={parsed.text}
        onRenamed={select}
      />
      <TextField label="Name" value={str("name")} onCommit={set("name")} />
      <SelectField
        label="Kind"
        value={kind}
        choices={stepKindChoices(type)}
        onChange={(next) => change((text) => changeStepKind(text, stepRef, next as StepKind))}
      />
      <TextField label="Title" value={str("title")} onCommit={set("title")} />
      <TextField label="Body" multiline value={str("body")} onCommit={set("body")} />
      {targeted && (
        <TextField
          label="Target (CSS selector)"
          value={str("target")}
          placeholder="#billing-link"
          onCommit={set("target")}
        />
      )}
      {answerable && (
        <QuestionFields
          stepRef={stepRef}
          kind={kind}
          question={step.question as Fields | undefined}
          text={parsed.text}
        />
      )}
      {kind === "bookInterview" && (
        <BookingFields stepRef={stepRef} booking={step.booking as Fields | undefined} />
      )}
      <Routes stepRef={stepRef} step={step} answerable={answerable} parsed={parsed} />
      <div className="af-buttons">
        <button
          type="button"
          className="btn btn-small"
          disabled={index <= 0}
          onClick={() => change((text) => moveStep(text, stepRef, index - 1))}
        >
          Move step up
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={index >= count - 1}
          onClick={() => change((text) => moveStep(text, stepRef, index + 1))}
        >
          Move step down
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const id = copyIdOf(parsed.text, stepRef);
            change((text) => duplicateStep(text, stepRef, id));
            select(id);
          }}
        >
          Duplicate step
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const id = newStepId(parsed.text, stepRef);
            const first = stepKindChoices(type)[0] ?? "modal";
            change((text) => addStep(text, stepRef, newStep(id, first as StepKind), stepRef.step));
            select(id);
          }}
        >
          Add step after
        </button>
        <ConfirmButton
          label="Delete step"
          question={`Delete step “${stepRef.step}”? Routes that go to it will be flagged.`}
          onConfirm={() => {
            change((text) => deleteStep(text, stepRef));
            selectionStore.set(null);
          }}
        />
      </div>
    </section>
  );
}

function Routes({
  stepRef,
  step,
  answerable,
  parsed,
}: {
  stepRef: StepRef;
  step: Fields;
  answerable: boolean;
  parsed: ParsedText;
}) {
  const list = (key: string) => (Array.isArray(step[key]) ? (step[key] as Fields[]) : []);
  const summary = (actions: unknown) =>
    Array.isArray(actions) && actions.length > 0
      ? actions
          .map((action) => {
            const type = String((action as Fields).type);
            return isActionType(type) ? actionLabels[type] : type;
          })
          .join(", ")
      : "no action";
  const add = (
    kind: "cta" | "trigger" | "condition",
    base: string,
    item: (id: string) => Fields,
  ) => {
    const id = newItemId(parsed.text, stepRef, kind, base);
    change((text) => addItem(text, stepRef, kind, item(id)));
    selectRoute(stepRef, { kind, id });
  };
  return (
    <section className="af-group" aria-label="Routes">
      <h4 className="af-subtitle">CTAs</h4>
      <ul className="af-plain-list">
        {list("ctas").map((cta, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat (the validator flags it): the index keeps keys apart.
          <li key={`${index}:${String(cta.id)}`}>
            <button
              type="button"
              className="link-button"
              onClick={() => selectRoute(stepRef, { kind: "cta", id: String(cta.id) })}
            >
              {`CTA “${String(cta.label ?? cta.id)}”`}
            </button>{" "}
            <span className="muted">
              {index === 0 ? "primary · " : ""}
              {summary(cta.actions)}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => add("cta", "cta", (id) => ({ id, label: "Button", actions: [] }))}
      >
        Add CTA
      </button>
      <h4 className="af-subtitle">Progress triggers</h4>
      <ul className="af-plain-list">
        {list("triggers").map((trigger, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat (the validator flags it): the index keeps keys apart.
          <li key={`${index}:${String(trigger.id)}`}>
            <button
              type="button"
              className="link-button"
              onClick={() => selectRoute(stepRef, { kind: "trigger", id: String(trigger.id) })}
            >
              {`Trigger “${String(trigger.id)}”`}
            </button>{" "}
            <span className="muted">{summary(trigger.actions)}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          add("trigger", "trigger", (id) => ({ id, on: { click: "#element" }, actions: [] }))
        }
      >
        Add trigger
      </button>
      {answerable && (
        <>
          <h4 className="af-subtitle">Survey conditions</h4>
          <ul className="af-plain-list">
            {list("conditions").map((condition, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat (the validator flags it): the index keeps keys apart.
              <li key={`${index}:${String(condition.id)}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    selectRoute(stepRef, { kind: "condition", id: String(condition.id) })
                  }
                >
                  {`Condition “${String(condition.id)}”`}
                </button>{" "}
                <span className="muted">{summary(condition.actions)}</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              add("condition", "condition", (id) => ({
                id,
                if: firstTest(String(step.kind)),
                actions: [{ type: "goToStep", step: "next" }],
              }))
            }
          >
            Add condition
          </button>
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() => selectRoute(stepRef, { kind: "fallback" })}
            >
              Fallback
            </button>{" "}
            <span className="muted">
              {step.fallback === undefined
                ? "seed default: Go to step next"
                : summary(step.fallback)}
            </span>
          </p>
        </>
      )}
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => selectRoute(stepRef, { kind: "cross" })}
        >
          Closing cross
        </button>{" "}
        <span className="muted">
          {step.closingCross === undefined ? "seed default: Dismiss" : summary(step.closingCross)}
        </span>
      </p>
    </section>
  );
}

/** A condition test the step kind takes, to start from. */
function firstTest(kind: string): Fields {
  const operator = Object.hasOwn(operatorsByKind, kind)
    ? operatorsByKind[kind as keyof typeof operatorsByKind]?.[0]
    : undefined;
  switch (operator) {
    case "between":
      return { between: [0, 6] };
    case "anyOf":
      return { anyOf: [] };
    case "filled":
      return { filled: true };
    default:
      return { filled: true };
  }
}
