// goToStep previous back to the step itself (SPEC §3.2): a step that re-entered itself
// (a → b → b) and then goes back returns to b, as a new entry (step.entered, visited), and
// a second back returns to a. Found by the forecast's differential fuzz: the compiled
// machine took that return without re-entering b, so its visit history and the world's
// parted, and the engine later stopped on "went to a, not b".
import { describe, expect, it } from "vitest";
import { simulate } from "../machines/engine/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";
import { script as scriptSchema } from "../machines/format/script.ts";
import { selfThenBackInput } from "./self-then-back.ts";

const project = projectSchema.parse(selfThenBackInput);

function run(...ctas: string[]) {
  return simulate(
    project,
    scriptSchema.parse({
      steps: [{ do: "launch", experience: "survey" }, ...ctas.map((cta) => ({ do: "click", cta }))],
    }),
  ).experiences.survey;
}

describe("goToStep previous back to the step itself", () => {
  it("returns to it as a new entry, then further back", () => {
    expect(run("go", "self", "back")).toMatchObject({ step: "b", visited: ["a", "b", "b", "b"] });
    expect(run("go", "self", "back", "back")).toMatchObject({
      step: "a",
      visited: ["a", "b", "b", "b", "a"],
    });
  });
});
