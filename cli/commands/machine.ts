// `flowscope machine <project.json> --experience <id>` (SPEC §4): the compiled XState machine
// of one experience as JSON (Stately-compatible config). Exit 1 when the project is invalid
// or has no such experience (the message names the closest ids there are).
import { machineConfig } from "../../machines/engine/index.ts";
import { ExitCode } from "../exit.ts";
import {
  type CommandContext,
  defineCommand,
  experienceOption,
  projectArgument,
} from "./command.ts";
import { jsonText, requireExperienceId } from "./explore-shared.ts";
import { loadProject } from "./simulate.ts";

interface MachineOptions {
  experience: string;
}

export const machineCommand = defineCommand<MachineOptions>({
  name: "machine",
  description: "print the compiled state machine of one experience as JSON",
  argument: projectArgument,
  options: [experienceOption("the experience to compile")],
  run: machineFile,
});

async function machineFile(
  file: string,
  options: MachineOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const project = await loadProject(file);
  requireExperienceId(project, options.experience, file);
  io.out(jsonText(machineConfig(project, options.experience)));
  return ExitCode.ok;
}
