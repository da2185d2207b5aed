// One model of a flow (issue 9): the machine `flowscope machine` prints carries every route.
// - xstate/graph's getSimplePaths on it finds exactly as many paths to a final state as
//   `paths` counts, for every example and for generated acyclic flows;
// - every transition the engine takes is a targeted transition of that exported machine.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnyStateMachine, createMachine, type InspectionEvent } from "xstate";
import { getSimplePaths } from "xstate/graph";
import {
  flowImplementations,
  type MachineConfig,
  machineConfig,
} from "../machines/compile/index.ts";
import { ScriptStepError, simulate } from "../machines/engine/index.ts";
import { countPaths } from "../machines/explore/count.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import { flowGraph } from "../machines/graph/index.ts";
import { projectArb, scriptArb } from "./arbitraries.ts";

const examples = join(import.meta.dirname, "..", "examples");

function example(name: string): Project {
  return projectSchema.parse(JSON.parse(readFileSync(join(examples, name), "utf8")));
}

/** The exported JSON, as a tool reading `flowscope machine` would get it. */
function exported(project: Project, id: string): MachineConfig {
  return JSON.parse(JSON.stringify(machineConfig(project, id)));
}

/** Every event type the machine names, at the root and on every state. */
function eventsNamed(config: MachineConfig): { type: string }[] {
  const types = new Set(Object.keys(config.on));
  for (const state of Object.values(config.states)) {
    for (const type of Object.keys(state.on ?? {})) types.add(type);
  }
  return [...types].map((type) => ({ type }));
}

function simplePathsToEnds(config: MachineConfig): number {
  const machine = createMachine(config as never, flowImplementations as never) as AnyStateMachine;
  return getSimplePaths(machine, { events: eventsNamed(config) }).filter(
    (path) => path.state.status === "done",
  ).length;
}

function counted(project: Project, id: string): number {
  return Number(countPaths(flowGraph(project, id)).total);
}

describe("getSimplePaths on the exported machine counts what `paths` counts", () => {
  const files = readdirSync(examples).filter((f) => f.endsWith(".json"));
  for (const file of files) {
    const project = example(file);
    for (const experience of project.experiences.filter((e) => e.type !== "checklist")) {
      it(`${file}: ${experience.id}`, () => {
        const config = exported(project, experience.id);
        expect(simplePathsToEnds(config)).toBe(counted(project, experience.id));
      });
    }
  }

  it("NPS: 10", () => {
    expect(simplePathsToEnds(exported(example("nps-survey.json"), "quarterly-nps"))).toBe(10);
  });

  /** Acyclic flows of up to 8 steps: every route goes forward (next, a later id, an end). */
  const acyclicFlow = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc
      .array(
        fc.record({
          kind: fc.constantFrom("modal", "nps", "choice"),
          ctas: fc.array(fc.nat(n + 3), { maxLength: 2 }),
          conditions: fc.array(fc.nat(n + 3), { maxLength: 2 }),
          cross: fc.nat(n + 3),
        }),
        { minLength: n, maxLength: n },
      )
      .map((steps) => {
        // A target code: a later step, next, complete, dismiss, or a launch out.
        const move = (at: number, code: number) => {
          const later = at + 1 + (code % Math.max(1, n - at - 1));
          if (code >= n + 2) return [{ type: "dismiss" }];
          if (code === n + 1) return [{ type: "goToStep", step: "complete" }];
          if (code === n) return [{ type: "launchExperience", experience: "other" }];
          return [{ type: "goToStep", step: later < n ? `s${later}` : "next" }];
        };
        return projectSchema.parse({
          version: 1,
          experiences: [
            {
              id: "flow",
              type: "survey",
              status: "live",
              steps: steps.map((s, at) => ({
                id: `s${at}`,
                kind: s.kind,
                ...(s.kind === "choice" ? { question: { options: ["A", "B", "C"] } } : {}),
                ctas: s.ctas.map((code, i) => ({
                  id: `c${i}`,
                  label: `C${i}`,
                  actions: move(at, code),
                })),
                ...(s.kind === "modal"
                  ? {}
                  : {
                      conditions: s.conditions.map((code, i) => ({
                        id: `k${i}`,
                        if:
                          s.kind === "nps"
                            ? { between: [i * 3, i * 3 + 2] }
                            : { anyOf: [["A", "B", "C"][i]] },
                        actions: move(at, code),
                      })),
                    }),
                closingCross: code(s.cross) ? move(at, s.cross) : [{ type: "dismiss" }],
              })),
            },
            {
              id: "other",
              type: "tour",
              status: "live",
              showOn: { trigger: "manual" },
              steps: [{ id: "o", kind: "modal" }],
            },
          ],
        });
      }),
  );
  const code = (c: number) => c % 2 === 0;

  it("on generated acyclic flows of up to 8 branching steps", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(acyclicFlow, (project) => {
        expect(simplePathsToEnds(exported(project, "flow"))).toBe(counted(project, "flow"));
      }),
      { numRuns: 60 },
    );
  });
});

describe("the engine takes only targeted transitions of the exported machine", () => {
  /** (state key, event type) → targets the exported config allows. */
  function allowed(config: MachineConfig, state: string, event: string): string[] {
    const on = event === "land" ? config.on : config.states[state]?.on;
    const transitions = on && Object.hasOwn(on, event) ? on[event] : [];
    return (Array.isArray(transitions) ? transitions : [transitions])
      .map((t) => t.target?.replace(/^\./, ""))
      .filter((t): t is string => t !== undefined);
  }

  it("on generated projects and scripts", () => {
    fc.assert(
      fc.property(projectArb, scriptArb(14), (project, script) => {
        const configs = new Map(project.experiences.map((e) => [e.id, exported(project, e.id)]));
        const taken: { machine: string; from: string; event: string; to: string[] }[] = [];
        const before = new Map<unknown, string>();
        const inspect = (event: InspectionEvent) => {
          if (event.type !== "@xstate.microstep") return;
          const machine = (event.actorRef as unknown as { logic?: { id?: string } }).logic?.id;
          const config = [...configs.values()].find((c) => c.id === machine);
          if (!config) return;
          const transitions = (
            event as unknown as { _transitions: { target?: { key: string }[] }[] }
          )._transitions;
          for (const transition of transitions) {
            taken.push({
              machine: config.id,
              from: before.get(event.actorRef) ?? config.initial,
              event: event.event.type,
              to: (transition.target ?? []).map((t) => t.key),
            });
          }
          before.set(
            event.actorRef,
            String((event.snapshot as unknown as { value: unknown }).value),
          );
        };
        try {
          simulate(project, script, { inspect });
        } catch (caught) {
          if (!(caught instanceof ScriptStepError)) throw caught;
        }
        for (const step of taken) {
          if (step.event === "xstate.init") continue;
          const config = [...configs.values()].find((c) => c.id === step.machine) as MachineConfig;
          expect(step.to.length, `${step.machine}: ${step.event} has no target`).toBe(1);
          expect(allowed(config, step.from, step.event)).toContain(step.to[0]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
