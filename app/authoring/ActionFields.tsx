// The fields of one action, by type: where a Go to step goes, which experience a launch
// starts, which post opens, the URL of a navigation, the agent's message, how long and how
// often a snooze, the code of a Run JS code action (kept as text, never run).
import type { ActionValue } from "./action-edits.ts";
import { openInChoices } from "./enums.ts";
import { type Choice, NumberField, SelectField, TextField } from "./fields.tsx";
import { experienceNode, type ListRef } from "./refs.ts";
import { items, member, type Node, stringAt } from "./text-edits.ts";

interface ActionFieldsProps {
  action: ActionValue;
  listRef: ListRef;
  root: Node | undefined;
  /** Sets a field of the action (`undefined` removes it). */
  onSet(key: string, value: unknown): void;
}

const openInLabels: Record<string, string> = { sameTab: "Same tab", newTab: "New tab" };

export function ActionFields({ action, listRef, root, onSet }: ActionFieldsProps) {
  const text = (key: string) => (typeof action[key] === "string" ? (action[key] as string) : "");
  const number = (key: string) =>
    typeof action[key] === "number" ? (action[key] as number) : undefined;
  switch (action.type) {
    case "goToStep":
      return (
        <SelectField
          label="Go to"
          value={text("step")}
          choices={stepChoices(root, listRef)}
          onChange={(step) => onSet("step", step)}
        />
      );
    case "launchExperience":
      return (
        <SelectField
          label="Experience to launch"
          value={text("experience")}
          choices={experienceChoices(root)}
          onChange={(experience) => onSet("experience", experience)}
        />
      );
    case "openPost":
      return (
        <SelectField
          label="Post"
          value={text("post")}
          choices={items(member(root, "posts")).map((post) => ({
            value: stringAt(post, "id") ?? "",
            label: stringAt(post, "title") ?? stringAt(post, "id"),
          }))}
          onChange={(post) => onSet("post", post)}
        />
      );
    case "navigateTo":
      return (
        <>
          <TextField label="URL" value={text("url")} onCommit={(url) => onSet("url", url)} />
          <SelectField
            label="Open in"
            value={text("openIn") || "sameTab"}
            choices={openInChoices.map((value) => ({ value, label: openInLabels[value] ?? value }))}
            onChange={(openIn) => onSet("openIn", openIn)}
          />
        </>
      );
    case "launchAgent":
      return (
        <TextField
          label="Message (optional)"
          value={text("message")}
          onCommit={(message) => onSet("message", message === "" ? undefined : message)}
        />
      );
    case "snooze":
      return (
        <>
          <NumberField
            label="Snooze for (hours)"
            value={number("hours")}
            min={1}
            onCommit={(hours) => onSet("hours", hours)}
          />
          <NumberField
            label="Up to (times)"
            value={number("maxTimes")}
            min={1}
            max={5}
            step={1}
            onCommit={(maxTimes) => onSet("maxTimes", maxTimes)}
          />
        </>
      );
    case "runJs":
      return (
        <TextField
          label="Code (kept as text, never run)"
          multiline
          value={text("code")}
          onCommit={(code) => onSet("code", code)}
        />
      );
    default:
      return null;
  }
}

/** Next, Previous (CTAs only, as the goToStep rule says), Complete, then the steps. */
function stepChoices(root: Node | undefined, ref: ListRef): Choice[] {
  const choices: Choice[] = [{ value: "next", label: "Next step" }];
  if (ref.kind === "cta") choices.push({ value: "previous", label: "Previous step" });
  choices.push({ value: "complete", label: "Complete" });
  const steps = items(member(experienceNode(root, ref), "steps"));
  steps.forEach((step, index) => {
    const id = stringAt(step, "id");
    if (id === undefined || choices.some((choice) => choice.value === id)) return;
    const name = stringAt(step, "name") ?? stringAt(step, "title");
    choices.push({ value: id, label: `Step ${index + 1}: ${id}${name ? ` — ${name}` : ""}` });
  });
  return choices;
}

function experienceChoices(root: Node | undefined): Choice[] {
  return items(member(root, "experiences")).map((experience) => {
    const id = stringAt(experience, "id") ?? "";
    const status = stringAt(experience, "status");
    const name = stringAt(experience, "name");
    const draft = status === "live" ? "" : " (draft: cannot be launched)";
    return { value: id, label: `${name ? `${name} · ` : ""}${id}${draft}` };
  });
}
