// The compiled experience machine: the JSON config of machine-config.ts with its named guards
// and actions given their meaning (implementations.ts). The machine itself has no side
// effects: it emits `entered` for each step, and the engine follows it through actor.on().
import { type AnyStateMachine, createMachine } from "xstate";
import type { Project } from "../format/schema.ts";
import { flowImplementations } from "./implementations.ts";
import { type MachineConfig, machineConfig } from "./machine-config.ts";

/** A machine from its JSON config (also one `flowscope machine` printed). */
export function machineFromConfig(config: MachineConfig): AnyStateMachine {
  // The context starts from the input: the snoozes before this display (SPEC §3.2).
  const runtime = {
    ...config,
    context: ({ input }: { input?: { snoozeCount?: number } }) => ({
      history: null,
      snoozeCount: input?.snoozeCount ?? 0,
    }),
  };
  // State names are only known at run time: typed as any machine (what xstate/graph takes).
  return createMachine(
    runtime as never,
    flowImplementations as never,
  ) as unknown as AnyStateMachine;
}

export function compileExperience(project: Project, experienceId: string): AnyStateMachine {
  return machineFromConfig(machineConfig(project, experienceId));
}

export type ExperienceMachine = AnyStateMachine;

interface Compiled {
  config: MachineConfig;
  machine?: ExperienceMachine;
}

const cache = new WeakMap<Project, Map<string, Compiled>>();

function compiled(project: Project, experienceId: string): Compiled {
  let byId = cache.get(project);
  if (!byId) {
    byId = new Map();
    cache.set(project, byId);
  }
  let entry = byId.get(experienceId);
  if (!entry) {
    entry = { config: machineConfig(project, experienceId) };
    byId.set(experienceId, entry);
  }
  return entry;
}

/** machineConfig, memoised per project object: every tool reads the same config. */
export function compiledConfig(project: Project, experienceId: string): MachineConfig {
  return compiled(project, experienceId).config;
}

/** compileExperience, memoised per project object (the simulator compiles each once). */
export function compiledExperience(project: Project, experienceId: string): ExperienceMachine {
  const entry = compiled(project, experienceId);
  entry.machine ??= machineFromConfig(entry.config);
  return entry.machine;
}
