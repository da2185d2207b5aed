// An experience's audience: conditions that must all hold, on a user attribute ("plan eq
// pro") or on another experience ("has dismissed the NPS").

import { attributeOpChoices, segmentChoices } from "./enums.ts";
import {
  addAudienceCondition,
  removeAudienceCondition,
  setAudienceCondition,
} from "./experience-edits.ts";
import { SelectField, TextField } from "./fields.tsx";
import type { ExperienceRef } from "./refs.ts";
import { change } from "./useAuthoring.ts";

type Condition = Record<string, unknown>;

interface AudienceEditorProps {
  experienceRef: ExperienceRef;
  audience: readonly Condition[];
  /** The project's experience ids, for "has seen…" conditions. */
  experiences: readonly string[];
}

/** A value typed in the form: JSON when it reads as JSON (9, true, "a"), else the text itself. */
function typedValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function shownValue(value: unknown): string {
  return typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
}

export function AudienceEditor({ experienceRef, audience, experiences }: AudienceEditorProps) {
  const set = (index: number, condition: Condition) =>
    change((text) => setAudienceCondition(text, experienceRef, index, condition));
  return (
    <fieldset className="af-group">
      <legend className="af-subtitle">Audience (all must hold; none: everyone)</legend>
      <ol className="af-plain-list">
        {audience.map((condition, index) => {
          const onExperience = "experience" in condition;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: audience conditions have no ids.
            <li key={index} className="af-row" aria-label={`Audience condition ${index + 1}`}>
              {onExperience ? (
                <>
                  <SelectField
                    label="Experience"
                    value={String(condition.experience ?? "")}
                    choices={experiences}
                    onChange={(experience) => set(index, { ...condition, experience })}
                  />
                  <SelectField
                    label="Has"
                    value={String(condition.has ?? "")}
                    choices={segmentChoices}
                    onChange={(has) => set(index, { ...condition, has })}
                  />
                </>
              ) : (
                <>
                  <TextField
                    label="Attribute"
                    value={String(condition.attribute ?? "")}
                    onCommit={(attribute) => set(index, { ...condition, attribute })}
                  />
                  <SelectField
                    label="Operator"
                    value={String(condition.op ?? "")}
                    choices={attributeOpChoices}
                    onChange={(op) =>
                      set(
                        index,
                        op === "exists" || op === "notExists"
                          ? { attribute: condition.attribute, op }
                          : { ...condition, op },
                      )
                    }
                  />
                  {condition.op !== "exists" && condition.op !== "notExists" && (
                    <TextField
                      label="Value"
                      value={shownValue(condition.value)}
                      hint="A number, true/false or text."
                      onCommit={(value) => set(index, { ...condition, value: typedValue(value) })}
                    />
                  )}
                </>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove audience condition ${index + 1}`}
                onClick={() =>
                  change((text) => removeAudienceCondition(text, experienceRef, index))
                }
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <div className="af-buttons">
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            change((text) =>
              addAudienceCondition(text, experienceRef, {
                attribute: "plan",
                op: "eq",
                value: "trial",
              }),
            )
          }
        >
          Add attribute condition
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={experiences.length === 0}
          onClick={() =>
            change((text) =>
              addAudienceCondition(text, experienceRef, {
                experience:
                  experiences.find((id) => id !== experienceRef.experience) ?? experiences[0],
                has: "seen",
              }),
            )
          }
        >
          Add experience condition
        </button>
      </div>
    </fieldset>
  );
}
