// The compiled experience machine: the JSON config of machine-config.ts, with the named
// actions given (empty) implementations. The world observes them through XState's
// inspection events (`@xstate.action`), so the machine itself stays free of side effects.
import { type AnyStateMachine, setup } from "xstate";
import type { Project } from "../format/schema.ts";
import { machineConfig } from "./machine-config.ts";

const experienceSetup = setup({
  actions: {
    /** A step was entered; params { step }. */
    entered: () => {},
    /** An interaction fired an action list; params: FireParams. */
    fire: () => {},
  },
});

export function compileExperience(project: Project, experienceId: string): AnyStateMachine {
  // The config is plain JSON built from validated data: its state names are only known at
  // run time, so the machine is typed as any machine (what xstate/graph and createActor take).
  const machine = experienceSetup.createMachine(machineConfig(project, experienceId) as never);
  return machine as unknown as AnyStateMachine;
}

export type ExperienceMachine = AnyStateMachine;

const cache = new WeakMap<Project, Map<string, ExperienceMachine>>();

/** compileExperience, memoised per project object (the simulator compiles each once). */
export function compiledExperience(project: Project, experienceId: string): ExperienceMachine {
  let byId = cache.get(project);
  if (!byId) {
    byId = new Map();
    cache.set(project, byId);
  }
  let machine = byId.get(experienceId);
  if (!machine) {
    machine = compileExperience(project, experienceId);
    byId.set(experienceId, machine);
  }
  return machine;
}
