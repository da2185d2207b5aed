// Every flowscope command, in the order `--help` lists them. Add a command with one line.
import type { CommandModule } from "./command.ts";
import { machineCommand } from "./machine.ts";
import { replayCommand } from "./replay.ts";
import { simulateCommand } from "./simulate.ts";
import { validateCommand } from "./validate.ts";

export const commands: readonly CommandModule[] = [
  validateCommand,
  simulateCommand,
  replayCommand,
  machineCommand,
];
