// The choices of the form's selects, read off the project format's own schema (so a value
// the format adds shows up here without a second list to keep).
import {
  attributeCondition,
  booking,
  experience,
  experienceCondition,
  experienceTypes,
  navigateToAction,
  recurrence,
  showOn,
  stepKinds,
  trigger,
} from "../../machines/format/index.ts";
import { stepKindsByType } from "../../machines/validate/index.ts";

export const experienceTypeChoices: readonly string[] = experienceTypes;
export const statusChoices: readonly string[] = experience.shape.status.options;
export const showOnChoices: readonly string[] = showOn.shape.trigger.options;
export const recurrenceChoices: readonly string[] = recurrence.options.map(
  (option) => option.shape.kind.value,
);
export const attributeOpChoices: readonly string[] = attributeCondition.shape.op.options;
export const segmentChoices: readonly string[] = experienceCondition.shape.has.options;
export const providerChoices: readonly string[] = booking.shape.provider.options;
export const openInChoices: readonly string[] = navigateToAction.shape.openIn.unwrap().options;
export const checklistOrderChoices: readonly string[] = experience.shape.checklist
  .unwrap()
  .shape.order.unwrap().options;
/** "click" | "url": the keys of a progress trigger's `on`. */
export const triggerOnChoices: readonly string[] = trigger.shape.on.options.map(
  (option) => Object.keys(option.shape)[0],
);

/** The step kinds an experience type takes (every kind for an unknown type). */
export function stepKindChoices(type: string): readonly string[] {
  return Object.hasOwn(stepKindsByType, type)
    ? stepKindsByType[type as keyof typeof stepKindsByType]
    : stepKinds;
}
