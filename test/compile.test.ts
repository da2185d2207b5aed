// The compiled machine (SPEC §3.1): steps are states, three final states, and its JSON config
// goes back through createMachine to the same machine.

import { describe, expect, it } from "vitest";
import { type AnyStateMachine, createMachine } from "xstate";
import { compileExperience, machineConfig } from "../machines/compile/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";

const project = projectSchema.parse({
  version: 1,
  experiences: [
    {
      id: "nps",
      type: "survey",
      status: "live",
      steps: [
        {
          id: "score",
          kind: "nps",
          ctas: [
            { id: "later", label: "Later", actions: [{ type: "snooze", hours: 24, maxTimes: 3 }] },
          ],
          triggers: [{ id: "leave", on: { url: "/logout" }, actions: [{ type: "dismiss" }] }],
          conditions: [{ id: "promoters", if: { between: [9, 10] }, actions: [] }],
        },
        { id: "thanks", kind: "message", name: "Thank you" },
      ],
    },
    {
      id: "list",
      type: "checklist",
      status: "live",
      tasks: [{ id: "t1", label: "One", actions: [] }],
    },
  ],
});

/** States (with their type) and transitions (event → targets) of a machine, as plain data. */
function shape(machine: AnyStateMachine) {
  const states = Object.fromEntries(
    Object.entries(machine.root.states).map(([key, node]) => [
      key,
      {
        type: node.type,
        on: Object.fromEntries(
          [...node.transitions].map(([event, list]) => [
            event,
            list.map((t) => (t.target ?? []).map((target) => target.id)),
          ]),
        ),
      },
    ]),
  );
  const rootOn = Object.fromEntries(
    [...machine.root.transitions].map(([event, list]) => [
      event,
      list.map((t) => (t.target ?? []).map((target) => target.id)),
    ]),
  );
  return { initial: machine.root.initial?.target.map((t) => t.id), states, rootOn };
}

describe("machineConfig", () => {
  it("is plain JSON that createMachine turns into the same machine as compileExperience", () => {
    for (const id of ["nps", "list"]) {
      const json = JSON.parse(JSON.stringify(machineConfig(project, id)));
      expect(shape(createMachine(json))).toEqual(shape(compileExperience(project, id)));
    }
  });

  it("has a state per step, final completed/dismissed/snoozed, and one transition per interaction", () => {
    const config = machineConfig(project, "nps");
    expect(Object.keys(config.states)).toEqual([
      "score",
      "thanks",
      "completed",
      "dismissed",
      "snoozed",
    ]);
    expect(config.initial).toBe("score");
    for (const end of ["completed", "dismissed", "snoozed"]) {
      expect(config.states[end].type).toBe("final");
    }
    // Every interaction is an event named by its edge id, with the route it takes.
    const shaped = shape(compileExperience(project, "nps"));
    expect(shaped.states.score.on).toEqual({
      "score/cta/later": [["nps.snoozed"], ["nps.dismissed"]],
      "score/trigger/leave": [["nps.dismissed"]],
      "score/condition/promoters": [[]],
      "score/fallback": [["nps.thanks"]],
      "score/cross": [["nps.dismissed"]],
    });
    // A message step takes no answer: no condition or fallback transitions there.
    expect(Object.keys(config.states.thanks.on ?? {})).toEqual(["thanks/cross"]);
    // Snooze is guarded on the snoozes left; past maxTimes it dismisses (SPEC §3.2).
    const later = config.states.score.on?.["score/cta/later"];
    expect(Array.isArray(later) && later.map((t) => t.guard)).toEqual([
      { type: "snoozesLeft", params: { maxTimes: 3 } },
      undefined,
    ]);
    // Landings from elsewhere carry their target: no bare event takes them.
    expect(shaped.rootOn.land).toContainEqual(["nps.thanks"]);
  });

  it("compiles a checklist to open + completed/dismissed", () => {
    const config = machineConfig(project, "list");
    expect(Object.keys(config.states)).toEqual(["open", "completed", "dismissed"]);
    expect(Object.keys(config.states.open.on ?? {})).toEqual(["task/t1", "close"]);
  });

  it("names the experience when it does not exist", () => {
    expect(() => machineConfig(project, "nope")).toThrow(/No experience "nope".*nps, list/);
  });
});
