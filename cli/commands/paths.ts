// `flowscope paths <project.json> --experience <id> [--json]` (SPEC §4, issue 5): path counts
// per end, shortest paths, a covering set of replayable paths, simple paths and the
// transitions no path takes. `--export recordings <dir>` writes one recording per coverage
// path; `--export vitest <file>` writes a vitest file that replays them; `--export plan
// <file.md|file.csv>` writes them as a manual test plan (issue 11 item 6).
import { open, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { describeScriptStep } from "../../machines/engine/index.ts";
import {
  coverageRecordings,
  coverageVitestFile,
  eachCoverageRecording,
  expandCoverage,
  explorePaths,
  type PathsReport,
  type PlanFormat,
  planChunks,
} from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";
import { simplePathEdgeBudget } from "../../machines/rules/index.ts";
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
      description:
        "write the coverage paths: `recordings <dir>`, `vitest <file>`, or `plan <file.md|file.csv>` (a manual test plan)",
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
  // The command line is checked before any file is read: a usage error is exit 2 (SPEC §4).
  const exporting = options.export ? exportSpec(options.export) : undefined;
  const counting = countOptions(options);
  const project = await loadProject(file);
  requireExperienceId(project, options.experience, file);
  const experience = project.experiences.find((e) => e.id === options.experience);
  if (experience?.type === "checklist") {
    throw new CliError(
      `"${experience.id}" is a checklist: it has tasks, not steps, so it has no paths (paths explores tours, surveys, banners and hints)`,
      ExitCode.invalid,
    );
  }
  const report = explorePaths(project, options.experience, counting);
  if (exporting) {
    const written =
      exporting.kind === "plan"
        ? await exportPlan(project, report, file, exporting)
        : report.unshowable === undefined
          ? await exportCoverage(project, report, file, exporting)
          : `nothing exported: ${report.unshowable}`;
    if (!options.json) io.err(`${written}\n`);
  }
  io.out(options.json ? jsonText(report) : formatPathsHuman(report, io.color));
  return ExitCode.ok;
}

// A flow too big to count exactly still gets an answer: counts past the work budget are
// lower bounds, said in the report (countDetail.exact), and the exit code is 0.
function countOptions(options: PathsOptions) {
  return {
    revisits: wholeNumberOption(options.revisits, "--revisits", 1),
    simpleLimit: wholeNumberOption(options.limit, "--limit", 0),
  };
}

type ExportSpec =
  | { kind: "recordings" | "vitest"; target: string }
  | { kind: "plan"; target: string; format: PlanFormat };

const exportKinds = "`recordings <dir>`, `vitest <file>` or `plan <file.md|file.csv>`";

/** The plan's format, from its file's extension (any case); undefined for any other. */
export function planFormatOf(target: string): PlanFormat | undefined {
  if (/\.md$/i.test(target)) return "markdown";
  if (/\.csv$/i.test(target)) return "csv";
  return undefined;
}

function exportSpec(spec: string[]): ExportSpec {
  const [kind, target, ...rest] = spec;
  if (
    target === undefined ||
    rest.length > 0 ||
    (kind !== "recordings" && kind !== "vitest" && kind !== "plan")
  ) {
    throw new CliError(`--export takes ${exportKinds}`, ExitCode.unreadable);
  }
  if (kind !== "plan") return { kind, target };
  const format = planFormatOf(target);
  if (format === undefined) {
    throw new CliError(
      `--export plan writes Markdown or CSV: its file ends in .md or .csv, not ${JSON.stringify(target)}`,
      ExitCode.unreadable,
    );
  }
  return { kind, target, format };
}

/**
 * The coverage paths as a manual test plan (machines/explore/plan.ts), written as it is made:
 * one chunk per path, so a long flow's plan is never one string in memory. An experience no
 * path can show gets a plan that says why.
 */
async function exportPlan(
  project: Project,
  report: PathsReport,
  projectFile: string,
  { target, format }: { target: string; format: PlanFormat },
): Promise<string> {
  const file = resolve(target);
  await makeFolder(dirname(file));
  // The project as the plan names it: as typed when relative, else its file name.
  const named = isAbsolute(projectFile) ? projectFile.split(/[\\/]/).pop() : projectFile;
  const chunks = planChunks(format, {
    project,
    report,
    projectFile: (named ?? projectFile).split(sep).join("/"),
  });
  await writeChunks(file, chunks);
  if (report.unshowable !== undefined) {
    return `nothing to test: ${report.unshowable}; ${target} says so`;
  }
  const n = report.coverage.length;
  return `wrote a test plan of ${n} ${n === 1 ? "path" : "paths"} to ${target}`;
}

/** Writes the chunks to `file`, about 64 KB at a time. */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const fail = (cause: unknown) =>
    new CliError(`cannot write ${file}: ${String(cause)}`, ExitCode.unreadable);
  const handle = await open(file, "w").catch((cause: unknown) => {
    throw fail(cause);
  });
  try {
    let pending = "";
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= 65_536) {
        await handle.write(pending);
        pending = "";
      }
    }
    if (pending !== "") await handle.write(pending);
  } catch (cause) {
    throw cause instanceof CliError ? cause : fail(cause);
  } finally {
    await handle.close();
  }
}

async function exportCoverage(
  project: Project,
  report: PathsReport,
  projectFile: string,
  { kind, target }: { kind: "recordings" | "vitest"; target: string },
): Promise<string> {
  const absoluteProject = resolve(projectFile);
  const folder = kind === "recordings" ? resolve(target) : dirname(resolve(target));
  const projectPath = posix(relative(folder, absoluteProject));
  await makeFolder(folder);
  const args = [project, report.experience, report.setup, report.coverage, projectPath] as const;
  if (kind === "recordings") {
    // One at a time: each path is expanded, replayed and written, then let go.
    let written = 0;
    for (const { name, recording } of eachCoverageRecording(...args)) {
      await writeOut(join(folder, name), jsonText(recording));
      written++;
    }
    return `wrote ${written} recordings to ${target}`;
  }
  const recordings = coverageRecordings(...args);
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

/** The human output lists this many coverage paths, and this many transition ids per list. */
export const humanPathsListed = 50;
const humanIdsListed = 50;
/** A long path is written as its first and last steps around "… n more steps …". */
const headSteps = 8;
const tailSteps = 3;

function countLine(report: PathsReport): string {
  const c = report.count;
  const d = report.countDetail;
  const bound = d.acyclic
    ? "no cycles"
    : `cycles: each step entered at most ${d.revisits}×${d.reduced ? ", as the asked bound needed more work than the counting budget" : ""}`;
  if (d.exact) {
    return `  ${c.total} paths: ${c.completed} completed, ${c.dismissed} dismissed, ${c.snoozed} snoozed, ${c.launched} launched out (${bound})`;
  }
  return `  at least ${c.total} paths: at least ${c.completed} completed, ${c.dismissed} dismissed, ${c.snoozed} snoozed, ${c.launched} launched out (counting stopped at its work budget: lower bounds; ${bound})`;
}

function pathWordsLine(report: PathsReport, index: number): string {
  const path = expandCoverage(report.coverage, index);
  const steps = path.steps.slice(1);
  const words =
    steps.length > headSteps + tailSteps + 1
      ? [
          ...steps.slice(0, headSteps).map(describeScriptStep),
          `… ${steps.length - headSteps - tailSteps} more steps …`,
          ...steps.slice(-tailSteps).map(describeScriptStep),
        ]
      : steps.map(describeScriptStep);
  return `  ${index + 1}. ${words.join(" → ") || "(nothing to do)"} ⇒ ${path.end}`;
}

function idList(ids: readonly string[]): string {
  const rest = ids.length - humanIdsListed;
  return `${ids.slice(0, humanIdsListed).join(", ")}${rest > 0 ? ` … and ${rest} more (--json lists them)` : ""}`;
}

export function formatPathsHuman(report: PathsReport, color: boolean): string {
  const lines = [
    paint(color, "bold", `paths through "${report.experience}" (${report.edges} transitions)`),
    countLine(report),
    "",
    paint(
      color,
      "bold",
      `coverage: ${report.coverage.length} paths take ${report.edges - report.untakable.length - report.missed.length} of ${report.edges} transitions`,
    ),
  ];
  const listed = Math.min(report.coverage.length, humanPathsListed);
  for (let i = 0; i < listed; i++) lines.push(pathWordsLine(report, i));
  if (report.coverage.length > listed) {
    lines.push(`  … and ${report.coverage.length - listed} more paths (--json gives every one)`);
  }
  if (report.untakable.length > 0) {
    lines.push("", paint(color, "yellow", `no path takes: ${idList(report.untakable)}`));
  }
  if (report.missed.length > 0) {
    lines.push(paint(color, "yellow", `not covered: ${idList(report.missed)}`));
  }
  const simple = report.simple;
  lines.push(
    "",
    `${simple.paths.length}${simple.truncated ? "+" : ""} simple paths${simple.truncated ? ` (listing stops at ${simple.limit} paths or ${simplePathEdgeBudget.toLocaleString("en-US")} transitions)` : ""}; --json for shortest paths and scripts`,
  );
  return `${lines.join("\n")}\n`;
}
