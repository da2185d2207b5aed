// The pointers the validator reports for actions must be exact in every experience, for
// lists deep in a step (many CTAs) and for the launches a launch loop keeps: a guard for any
// walk that shares or caches its places.
import { describe, expect, it } from "vitest";
import type { ProjectInput } from "../machines/format/schema.ts";
import { validateDocument } from "../machines/validate/index.ts";

type ExperienceInput = NonNullable<ProjectInput["experiences"]>[number];

/** A live tour whose one step has `count` triggers, each going to a step that does not exist. */
function tourWithTriggers(id: string, count: number): ExperienceInput {
  return {
    id,
    type: "tour",
    status: "live",
    showOn: { trigger: "manual" },
    steps: [
      {
        id: "s0",
        kind: "modal",
        ctas: [{ id: "done", label: "Done", actions: [{ type: "goToStep", step: "complete" }] }],
        triggers: Array.from({ length: count }, (_, t) => ({
          id: `t${t}`,
          on: { click: "#save" },
          actions: [{ type: "goToStep", step: `missing-${t}` }],
        })),
      },
    ],
  } as ExperienceInput;
}

function pointersOf(code: string, document: ProjectInput): string[] {
  return validateDocument(document)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => d.pointer);
}

describe("action list pointers", () => {
  it("names every trigger exactly, below and beyond the cached suffixes", () => {
    const count = 70; // past the 64 suffixes places.ts keeps
    const pointers = pointersOf("unknownStep", {
      version: 1,
      experiences: [tourWithTriggers("a", 3), tourWithTriggers("b", count)],
    });
    const expected = [
      ...[0, 1, 2].map((t) => `/experiences/0/steps/0/triggers/${t}/actions/0/step`),
      ...Array.from(
        { length: count },
        (_, t) => `/experiences/1/steps/0/triggers/${t}/actions/0/step`,
      ),
    ];
    expect(pointers).toEqual(expected);
  });

  it("keeps a launch loop's pointer although the walk has moved on", () => {
    const launching = (id: string, target: string): ExperienceInput =>
      ({
        id,
        type: "tour",
        status: "live",
        showOn: { trigger: "manual" },
        steps: [
          {
            id: "s0",
            kind: "modal",
            ctas: [
              { id: "stay", label: "Stay", actions: [{ type: "goToStep", step: "complete" }] },
              {
                id: "go",
                label: "Go",
                actions: [{ type: "launchExperience", experience: target }],
              },
            ],
          },
        ],
      }) as ExperienceInput;
    const pointers = pointersOf("launchLoop", {
      version: 1,
      experiences: [launching("a", "b"), launching("b", "a")],
    });
    expect(pointers).toEqual(["/experiences/0/steps/0/ctas/1/actions/0"]);
  });
});
