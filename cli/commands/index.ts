// Every flowscope command, in the order `--help` lists them. Add a command with one line.
import type { CommandModule } from "./command.ts";
import { diffCommand } from "./diff.ts";
import { forecastCommand } from "./forecast.ts";
import { graphCommand } from "./graph.ts";
import { machineCommand } from "./machine.ts";
import { pathsCommand } from "./paths.ts";
import { racesCommand } from "./races.ts";
import { replayCommand } from "./replay.ts";
import { simulateCommand } from "./simulate.ts";
import { validateCommand } from "./validate.ts";
import { whyCommand } from "./why.ts";

export const commands: readonly CommandModule[] = [
  validateCommand,
  simulateCommand,
  replayCommand,
  machineCommand,
  pathsCommand,
  racesCommand,
  whyCommand,
  graphCommand,
  diffCommand,
  forecastCommand,
];
