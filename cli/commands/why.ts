// `flowscope why <project.json> --experience <id> --script <script.json> [--json]` (issue 5,
// item 3): in the world the script leaves, every condition that keeps the experience off
// screen, each with the smallest change that would lift it.
import { type WhyReport, whyAfterScript } from "../../machines/explore/index.ts";
import { script as scriptSchema } from "../../machines/format/index.ts";
import { ExitCode } from "../exit.ts";
import { paint } from "../io.ts";
import {
  type CommandContext,
  defineCommand,
  experienceOption,
  jsonOption,
  projectArgument,
  scriptOption,
} from "./command.ts";
import { jsonText, requireExperienceId } from "./explore-shared.ts";
import { loadJsonDocument, loadProject, stepsCanBeDone } from "./simulate.ts";

interface WhyOptions {
  experience: string;
  script: string;
  json?: boolean;
}

export const whyCommand = defineCommand<WhyOptions>({
  name: "why",
  description: "explain why an experience is not shown at the end of a script",
  argument: projectArgument,
  options: [
    experienceOption("the experience that is not shown"),
    scriptOption("the script that leads to the moment to explain"),
    jsonOption("the report"),
  ],
  run: whyFile,
});

async function whyFile(
  file: string,
  options: WhyOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const project = await loadProject(file);
  requireExperienceId(project, options.experience, file);
  const script = await loadJsonDocument(options.script, scriptSchema);
  const report = stepsCanBeDone(options.script, () =>
    whyAfterScript(project, options.experience, script),
  );
  io.out(options.json ? jsonText(report) : formatWhyHuman(report, io.color));
  return ExitCode.ok;
}

function formatWhyHuman(report: WhyReport, color: boolean): string {
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
