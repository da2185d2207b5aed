// One action list: its actions in the order they were added (the order the combination
// matrix reads), each with its fields, moved or removed; and the picker that adds one, which
// offers only what the seed allows here and shows refused combinations disabled with why.
import { useId } from "react";
import { actionLabels } from "../../machines/rules/index.ts";
import { ActionFields } from "./ActionFields.tsx";
import {
  type ActionValue,
  addAction,
  effectiveActions,
  isWritten,
  moveAction,
  removeAction,
  resetToDefault,
  setActionField,
} from "./action-edits.ts";
import { newAction } from "./new-action.ts";
import {
  actionChoices,
  appliedTypes,
  isActionType,
  isFixedAction,
  listRefusal,
  placeOfList,
} from "./pickers.ts";
import type { ListRef } from "./refs.ts";
import type { Node } from "./text-edits.ts";
import { change } from "./useAuthoring.ts";

interface ActionListEditorProps {
  listRef: ListRef;
  root: Node | undefined;
  /** Names the list for assistive technology, e.g. "Actions of CTA “Next”". */
  title: string;
}

function labelOf(type: string): string {
  return isActionType(type) ? actionLabels[type] : type;
}

export function ActionListEditor({ listRef, root, title }: ActionListEditorProps) {
  const pickerId = useId();
  const actions = effectiveActions(root, listRef);
  const place = placeOfList(root, listRef);
  const types = actions.map((action) => String(action.type));
  const choices = actionChoices(place, types);
  const refused = choices.filter((choice) => choice.disabled);
  const defaulted =
    (listRef.kind === "cross" || listRef.kind === "fallback") && !isWritten(root, listRef);
  const currentRefusal = listRefusal(appliedTypes(place, types));
  /** Why moving action `from` to `to` would break the matrix (when the list holds today). */
  const moveRefusal = (from: number, to: number) => {
    if (currentRefusal) return undefined;
    const moved = types.slice();
    const [type] = moved.splice(from, 1);
    moved.splice(to, 0, type);
    return listRefusal(appliedTypes(place, moved));
  };

  return (
    <section className="af-actions" aria-label={title}>
      <h4 className="af-subtitle">
        Actions
        {defaulted && <span className="pill">seed default</span>}
      </h4>
      {actions.length === 0 ? (
        <p className="muted af-empty">No action: nothing happens.</p>
      ) : (
        <ol className="af-action-list">
          {actions.map((action, index) => (
            <ActionRow
              // Actions have no ids: the index and type name the row.
              // biome-ignore lint/suspicious/noArrayIndexKey: actions are data without ids.
              key={`${index}:${action.type}`}
              action={action}
              index={index}
              count={actions.length}
              listRef={listRef}
              root={root}
              fixed={isFixedAction(place, index, String(action.type))}
              moveRefusal={moveRefusal}
            />
          ))}
        </ol>
      )}
      {place.fixedBookInterview && types[0] !== "bookInterview" && (
        <p className="muted af-note">
          Book Interview is this primary CTA's fixed first action (it comes with the step).
        </p>
      )}
      <div className="af-field">
        <label className="af-label" htmlFor={pickerId}>
          Add action
        </label>
        <select
          id={pickerId}
          className="input af-input"
          value=""
          onChange={(event) => {
            const type = event.target.value;
            if (type === "") return;
            change((text) => addAction(text, listRef, newAction(type, root, listRef)));
          }}
        >
          <option value="">Choose an action…</option>
          {choices.map((choice) => (
            <option
              key={choice.type}
              value={choice.type}
              disabled={choice.disabled}
              title={choice.reason}
            >
              {choice.disabled ? `${choice.label} — ${choice.reason}` : choice.label}
            </option>
          ))}
        </select>
      </div>
      {refused.length > 0 && (
        <details className="af-refused">
          <summary>
            Why {refused.length === 1 ? "one action is" : `${refused.length} actions are`} greyed
            out
          </summary>
          <ul aria-label="Actions not available here">
            {refused.map((choice) => (
              <li key={choice.type}>
                <strong>{choice.label}</strong>: {choice.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!defaulted && (listRef.kind === "cross" || listRef.kind === "fallback") && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            change((text) =>
              resetToDefault(text, listRef as ListRef & { kind: "cross" | "fallback" }),
            )
          }
        >
          Back to the seed's default (
          {listRef.kind === "cross" ? "Dismiss" : "Go to step: Next step"})
        </button>
      )}
    </section>
  );
}

interface ActionRowProps {
  action: ActionValue;
  index: number;
  count: number;
  listRef: ListRef;
  root: Node | undefined;
  fixed: boolean;
  moveRefusal(from: number, to: number): string | undefined;
}

function ActionRow({ action, index, count, listRef, root, fixed, moveRefusal }: ActionRowProps) {
  const label = labelOf(String(action.type));
  const upRefusal = index > 0 ? moveRefusal(index, index - 1) : undefined;
  const downRefusal = index < count - 1 ? moveRefusal(index, index + 1) : undefined;
  return (
    <li className="af-action" aria-label={`${label} action`}>
      <div className="af-action-head">
        <strong>{label}</strong>
        {fixed && <span className="pill">fixed</span>}
        <span className="af-action-buttons">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${label} up`}
            title={upRefusal ?? `Move ${label} up`}
            disabled={fixed || index === 0 || upRefusal !== undefined}
            onClick={() => change((text) => moveAction(text, listRef, index, index - 1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${label} down`}
            title={downRefusal ?? `Move ${label} down`}
            disabled={fixed || index === count - 1 || downRefusal !== undefined}
            onClick={() => change((text) => moveAction(text, listRef, index, index + 1))}
          >
            ↓
          </button>
          {!fixed && (
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${label}`}
              title={`Remove ${label}`}
              onClick={() => change((text) => removeAction(text, listRef, index))}
            >
              ✕
            </button>
          )}
        </span>
      </div>
      <div className="af-action-fields">
        <ActionFields
          action={action}
          listRef={listRef}
          root={root}
          onSet={(key, value) => change((text) => setActionField(text, listRef, index, key, value))}
        />
      </div>
    </li>
  );
}
