// Hover in the project's JSON text: a key or a value is explained by the field's description
// (from the zod schema's descriptions), a tag's value by what it selects.
import { describe, expect, it } from "vitest";
import { hoverAt } from "../app/editor/hover.ts";

const text = `{
  "version": 1,
  "experiences": [
    {
      "id": "e", "type": "tour", "status": "live",
      "recurrence": { "kind": "every", "hours": 24 },
      "steps": [
        { "id": "s", "kind": "modal",
          "ctas": [{ "id": "c", "label": "Go", "actions": [{ "type": "goToStep", "step": "next" }] }] }
      ]
    }
  ]
}`;

function hover(needle: string, shift = 1) {
  return hoverAt(text, text.indexOf(needle) + shift);
}

describe("hover", () => {
  it("describes a key and names the kind of value it takes", () => {
    const found = hover('"kind": "modal"');
    expect(found?.description).toMatch(/^What the step is/);
    expect(found?.title).toBe("kind: one of 14 values");
    expect(found?.from).toBe(text.indexOf('"kind": "modal"'));
    expect(found?.to).toBe(text.indexOf('"kind": "modal"') + '"kind"'.length);
  });

  it("describes an action's type by what the action does", () => {
    expect(hover('"goToStep"')?.description).toMatch(/^Go to step: moves to another step/);
    expect(hover('"type": "goToStep"')?.description).toMatch(/^Go to step/);
  });

  it("describes a recurrence's kind by the kind it holds, and its hours", () => {
    expect(hover('"every"')?.description).toMatch(/^every: again/);
    expect(hover('"hours": 24')?.description).toMatch(/hours after it last ended/);
  });

  it("gives nothing outside keys and values", () => {
    expect(hoverAt(text, text.indexOf("[\n        {"))).toBeNull();
  });
});
