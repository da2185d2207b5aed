// `flowscope why <project.json> --experience <id> --script <script.json> [--json]` (issue 5,
// item 3): in the world the script leaves, every condition that keeps the experience off
// screen, each with the smallest change that would lift it.
import type { Command } from "commander";
import { ScriptStepError } from "../../machines/engine/index.ts";
import { type WhyReport, whyAfterScript } from "../../machines/explore/why.ts";
import { script as scriptSchema } from "../../machines/format/script.ts";
import { CliError, ExitCode } from "../exit.ts";
import { paint } from "../io.ts";
import type { CommandContext, CommandModule } from "./command.ts";
import { jsonText, requireExperienceId } from "./explore-shared.ts";
import { loadJsonDocument, loadProject } from "./simulate.ts";

interface WhyOptions {
  experience: string;
  script: string;
  json?: boolean;
}

export const whyCommand: CommandModule = {
  register(program: Command, context: CommandContext) {
    program
      .command("why")
      .description("explain why an experience is not shown at the end of a script")
      .argument("<project.json>", "the project file")
      .requiredOption("--experience <id>", "the experience that is not shown")
      .requiredOption("--script <script.json>", "the script that leads to the moment to explain")
      .option("--json", "print the report as JSON on stdout, and nothing else")
      .action(async (file: string, options: WhyOptions) => {
        context.setExitCode(await whyFile(file, options, context));
      });
  },
};

export async function whyFile(
  file: string,
  options: WhyOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const project = await loadProject(file);
  requireExperienceId(project, options.experience, file);
  const script = await loadJsonDocument(options.script, scriptSchema);
  let report: WhyReport;
  try {
    report = whyAfterScript(project, options.experience, script);
  } catch (caught) {
    if (caught instanceof ScriptStepError)
      throw new CliError(`${options.script}: ${caught.message}`, ExitCode.invalid);
    throw caught;
  }
  io.out(options.json ? jsonText(report) : formatWhyHuman(report, io.color));
  return ExitCode.ok;
}

export function formatWhyHuman(report: WhyReport, color: boolean): string {
  const where = `at ${report.page}, ${Math.round(report.at / 60_000)} min into the script`;
  if (report.onScreen)
    return `${paint(color, "green", `"${report.experience}" is on screen`)} (${where})\n`;
  if (report.reasons.length === 0) {
    return `${paint(color, "green", `nothing keeps "${report.experience}" off screen`)} (${where}); it shows at the next show check\n`;
  }
  const lines = [
    paint(color, "bold", `"${report.experience}" is not shown (${report.status}, ${where}):`),
  ];
  for (const reason of report.reasons) {
    lines.push(`  ${paint(color, "red", reason.code)}  ${reason.message}`);
    for (const fix of reason.fixes) lines.push(`      → ${fix.text}`);
  }
  return `${lines.join("\n")}\n`;
}
