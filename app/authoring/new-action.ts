// What a freshly picked action holds before the author sets its fields: values that pass the
// validator where the project allows it (a launch names another experience, a post the first
// post), so adding an action never breaks the project's shape.
import type { ActionValue } from "./action-edits.ts";
import { idsOf, type ListRef } from "./refs.ts";
import { member, type Node } from "./text-edits.ts";

export function newAction(type: string, root: Node | undefined, ref: ListRef): ActionValue {
  switch (type) {
    case "goToStep":
      return { type, step: "next" };
    case "snooze":
      return { type, hours: 24, maxTimes: 1 };
    case "launchExperience": {
      const ids = idsOf(member(root, "experiences"));
      return { type, experience: ids.find((id) => id !== ref.experience) ?? ref.experience };
    }
    case "openPost":
      return { type, post: idsOf(member(root, "posts"))[0] ?? "post" };
    case "navigateTo":
      return { type, url: "/", openIn: "sameTab" };
    case "runJs":
      return { type, code: "" };
    default:
      return { type };
  }
}
