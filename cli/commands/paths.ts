// `flowscope paths <project.json> --experience <id> [--json]` (SPEC §4, issue 5): path counts
// per end, shortest paths, a covering set of replayable paths, simple paths and the
// transitions no path takes. `--export recordings <dir>` writes one recording per coverage
// path; `--export vitest <file>` writes a vitest file that replays them.
import { writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describeScriptStep } from "../../machines/engine/index.ts";
import {
  CountBudgetError,
  coverageRecordings,
  coverageVitestFile,
  explorePaths,
  type PathsReport,
} from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";
import { CliError, ExitCode } from "../exit.ts";
import { makeFolder, paint } from "../io.ts";
import {
  type CommandContext,
  defineCommand,
  experienceOption,
  jsonOption,
  projectArgument,
} from "./command.ts";
import { jsonText, requireExperienceId, wholeNumberOption } from "./explore-shared.ts";
import { loadProject } from "./simulate.ts";

interface PathsOptions {
  experience: string;
  json?: boolean;
  revisits?: string;
  limit?: string;
  export?: string[];
}

export const pathsCommand = defineCommand<PathsOptions>({
  name: "paths",
  description: "count, list and cover the paths through one experience",
  argument: projectArgument,
  options: [
    experienceOption("the experience to explore"),
    jsonOption("the report"),
    {
      flags: "--revisits <n>",
      description: "times a path may enter the same step (cycles; default 2)",
    },
    { flags: "--limit <n>", description: "simple paths listed at most (default 1000)" },
    {
      flags: "--export <kind> <target...>",
      description: "write the coverage paths: `recordings <dir>` or `vitest <file>`",
    },
  ],
  run: pathsFile,
});

/** The repository root (cli/commands/ is two levels down). */
const repoRoot = resolve(import.meta.dirname, "..", "..");

function posix(path: string): string {
  const p = path.split(sep).join("/");
  return p.startsWith(".") ? p : `./${p}`;
}

export async function pathsFile(
  file: string,
  options: PathsOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const project = await loadProject(file);
  requireExperienceId(project, options.experience, file);
  const experience = project.experiences.find((e) => e.id === options.experience);
  if (experience?.type === "checklist") {
    throw new CliError(
      `"${experience.id}" is a checklist: it has tasks, not steps, so it has no paths (paths explores tours, surveys, banners and hints)`,
      ExitCode.invalid,
    );
  }
  const report = buildReport(project, options);
  if (options.export) {
    const written = await exportCoverage(project, report, file, options.export);
    if (!options.json) io.err(`${written}\n`);
  }
  io.out(options.json ? jsonText(report) : formatPathsHuman(report, io.color));
  return ExitCode.ok;
}

function buildReport(project: Project, options: PathsOptions): PathsReport {
  try {
    return explorePaths(project, options.experience, {
      revisits: wholeNumberOption(options.revisits, "--revisits", 1),
      simpleLimit: wholeNumberOption(options.limit, "--limit", 0),
    });
  } catch (caught) {
    if (caught instanceof CountBudgetError) throw new CliError(caught.message, ExitCode.invalid);
    throw caught;
  }
}

async function exportCoverage(
  project: Project,
  report: PathsReport,
  projectFile: string,
  spec: string[],
): Promise<string> {
  const [kind, target, ...rest] = spec;
  if (target === undefined || rest.length > 0 || (kind !== "recordings" && kind !== "vitest")) {
    throw new CliError("--export takes `recordings <dir>` or `vitest <file>`", ExitCode.unreadable);
  }
  const absoluteProject = resolve(projectFile);
  const folder = kind === "recordings" ? resolve(target) : dirname(resolve(target));
  const projectPath = posix(relative(folder, absoluteProject));
  const recordings = coverageRecordings(
    project,
    report.experience,
    report.setup,
    report.coverage,
    projectPath,
  );
  await makeFolder(folder);
  if (kind === "recordings") {
    for (const { name, recording } of recordings) {
      await writeOut(join(folder, name), jsonText(recording));
    }
    return `wrote ${recordings.length} recordings to ${target}`;
  }
  const text = coverageVitestFile(
    report.experience,
    recordings,
    posix(relative(folder, repoRoot)),
    projectPath,
  );
  await writeOut(resolve(target), text);
  return `wrote ${recordings.length} replays to ${target}`;
}

async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new CliError(`cannot write ${file}: ${String(cause)}`, ExitCode.unreadable);
  }
}

// ------------------------------------------------------------------------ human output

export function formatPathsHuman(report: PathsReport, color: boolean): string {
  const c = report.count;
  const bound = report.countDetail.acyclic
    ? "no cycles"
    : `cycles: each step entered at most ${report.countDetail.revisits}×`;
  const lines = [
    paint(color, "bold", `paths through "${report.experience}" (${report.edges} transitions)`),
    `  ${c.total} paths: ${c.completed} completed, ${c.dismissed} dismissed, ${c.snoozed} snoozed, ${c.launched} launched out (${bound})`,
    "",
    paint(
      color,
      "bold",
      `coverage: ${report.coverage.length} paths take ${report.edges - report.untakable.length - report.missed.length} of ${report.edges} transitions`,
    ),
  ];
  report.coverage.forEach((path, i) => {
    const steps = path.steps.slice(1).map(describeScriptStep).join(" → ");
    lines.push(`  ${i + 1}. ${steps || "(nothing to do)"} ⇒ ${path.end}`);
  });
  if (report.untakable.length > 0) {
    lines.push("", paint(color, "yellow", `no path takes: ${report.untakable.join(", ")}`));
  }
  if (report.missed.length > 0) {
    lines.push(paint(color, "yellow", `not covered: ${report.missed.join(", ")}`));
  }
  const simple = report.simple;
  lines.push(
    "",
    `${simple.paths.length}${simple.truncated ? "+" : ""} simple paths${simple.truncated ? ` (listing stops at ${simple.limit})` : ""}; --json for shortest paths and scripts`,
  );
  return `${lines.join("\n")}\n`;
}
