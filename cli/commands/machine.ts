// `flowscope machine <project.json> --experience <id>` (SPEC §4): the compiled XState machine
// of one experience as JSON (Stately-compatible config). Exit 1 when the project is invalid
// or has no such experience (the message names the closest ids there are).
import type { Command } from "commander";
import { machineConfig } from "../../machines/engine/index.ts";
import { ExitCode } from "../exit.ts";
import type { CommandContext, CommandModule } from "./command.ts";
import { requireExperienceId } from "./explore-shared.ts";
import { loadProject } from "./simulate.ts";

interface MachineOptions {
  experience: string;
}

export const machineCommand: CommandModule = {
  register(program: Command, context: CommandContext) {
    program
      .command("machine")
      .description("print the compiled state machine of one experience as JSON")
      .argument("<project.json>", "the project file")
      .requiredOption("--experience <id>", "the experience to compile")
      .action(async (file: string, options: MachineOptions) => {
        context.setExitCode(await machineFile(file, options, context));
      });
  },
};

export async function machineFile(
  file: string,
  options: MachineOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const project = await loadProject(file);
  requireExperienceId(project, options.experience, file);
  io.out(`${JSON.stringify(machineConfig(project, options.experience), null, 2)}\n`);
  return ExitCode.ok;
}
