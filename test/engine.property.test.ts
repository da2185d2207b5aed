// Properties of the engine on generated projects and scripts (SPEC §3).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSimulation, ScriptStepError, simulate } from "../machines/engine/index.ts";
import type { Project } from "../machines/format/schema.ts";
import type { Result, Script } from "../machines/format/script.ts";
import { projectArb, scriptArb } from "./arbitraries.ts";

const statuses = ["idle", "active", "completed", "dismissed", "snoozed"];

/** Runs the script step by step, stopping at the first ScriptStepError; checks `each` after every step. */
function runChecked(project: Project, script: Script, each: (result: Result) => void): void {
  const simulation = createSimulation(project, { user: script.user, start: script.start });
  each(simulation.result());
  for (const step of script.steps) {
    try {
      simulation.run(step);
    } catch (error) {
      if (error instanceof ScriptStepError) return;
      throw error;
    }
    each(simulation.result());
  }
}

function invariants(project: Project) {
  return (result: Result) => {
    let onScreen = 0;
    for (const experience of project.experiences) {
      const state = result.experiences[experience.id];
      expect(statuses).toContain(state.status);
      const sequential = ["tour", "survey", "banner"].includes(experience.type);
      if (state.status === "active" && experience.type !== "checklist") {
        expect(experience.steps.map((s) => s.id)).toContain(state.step);
      } else {
        expect(state.step).toBeNull();
      }
      if (sequential && state.status === "active") onScreen++;
    }
    expect(onScreen).toBeLessThanOrEqual(1);
  };
}

describe("engine properties", () => {
  it("never throws anything but ScriptStepError", () => {
    fc.assert(
      fc.property(projectArb, scriptArb(), (project, script) => {
        try {
          simulate(project, script);
        } catch (error) {
          expect(error).toBeInstanceOf(ScriptStepError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("statuses are one of five; an active flow stands on an existing step; one flow on screen", () => {
    fc.assert(
      fc.property(projectArb, scriptArb(), (project, script) => {
        runChecked(project, script, invariants(project));
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same input gives identical JSON", () => {
    fc.assert(
      fc.property(projectArb, scriptArb(), (project, script) => {
        const once = () => {
          try {
            return JSON.stringify(simulate(project, script));
          } catch (error) {
            return String(error);
          }
        };
        expect(once()).toBe(once());
      }),
      { numRuns: 150 },
    );
  });

  it("never executes runJs code", () => {
    const global = globalThis as Record<string, unknown>;
    fc.assert(
      fc.property(projectArb, scriptArb(), (project, script) => {
        try {
          simulate(project, script);
        } catch {}
        expect(global.pwned).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
