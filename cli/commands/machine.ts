// `flowscope machine <project.json> --experience <id>` (SPEC §4): the compiled XState machine
// of one experience as JSON (Stately-compatible config). Exit 1 when the project is invalid
// or has no such experience (the message lists the ids there are).
import type { Command } from "commander";
import { machineConfig } from "../../machines/engine/index.ts";
import type { Project } from "../../machines/format/schema.ts";
import { CliError, ExitCode } from "../exit.ts";
import type { CommandContext, CommandModule } from "./command.ts";
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
  requireExperience(project, options.experience, file);
  io.out(`${JSON.stringify(machineConfig(project, options.experience), null, 2)}\n`);
  return ExitCode.ok;
}

function requireExperience(project: Project, id: string, file: string): void {
  if (project.experiences.some((experience) => experience.id === id)) return;
  const ids = project.experiences.map((experience) => experience.id);
  const known = ids.length === 0 ? "it has none" : `its experiences: ${ids.join(", ")}`;
  throw new CliError(`no experience ${JSON.stringify(id)} in ${file}; ${known}`, ExitCode.invalid);
}
