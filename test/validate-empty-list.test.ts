// A message never ends in an empty list ("use one of: ."): where there is nothing to pick
// from, it says so and what to do.
import { describe, expect, it } from "vitest";
import { validateDocument } from "../machines/validate/index.ts";

describe("a survey condition naming options of a step that has none", () => {
  it("says the step has none yet and how to add them", () => {
    const document = {
      version: 1,
      experiences: [
        {
          id: "s",
          type: "survey",
          status: "draft",
          steps: [
            {
              id: "pick",
              kind: "choice",
              conditions: [{ id: "c", if: { anyOf: ["Pro"] }, actions: [] }],
            },
          ],
        },
      ],
    };
    const messages = validateDocument(document).diagnostics.map((d) => d.message);
    const unknown = messages.find((message) => message.startsWith('"Pro" is not an option'));
    expect(unknown).toBe(
      '"Pro" is not an option of this step: it has none to pick from yet; add them to its question, e.g. "question": { "options": ["Pro", "Other"] }.',
    );
    for (const message of messages) expect(message).not.toMatch(/(one of|:)\s*[.)]$/);
  });
});
