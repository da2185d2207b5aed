// `flowscope forecast <project.json> --model <model.json> [--json] [--workers N]` (SPEC §5):
// a Monte Carlo run of the model's users over its days, in worker threads; `--user <n>
// --script` prints the script user n drew. `--experience <id> --exact`: the exact probability
// of each end of one display and each step's reach and expected visits.
// Exit 1: an invalid project or model (each problem with its pointer, line and column; Monte
// Carlo also needs users, days and visits), a --user past the model's users, or a flow exact
// mode cannot solve (infinite visit-history states: use Monte Carlo). Exit 2: a wrong command
// line, or a file that cannot be read or parsed.
import { availableParallelism } from "node:os";
import {
  checkForecastModel,
  checkMonteCarloModel,
  drawnUser,
  exactForecast,
  type ForecastContext,
  ForecastError,
  forecastContext,
  type MonteCarloForecast,
  monteCarloResult,
} from "../../machines/forecast/index.ts";
import {
  type ForecastModel,
  forecastModel,
  type JsonTextResult,
  type Project,
  parseJsonText,
} from "../../machines/format/index.ts";
import type { Diagnostic } from "../../machines/model/index.ts";
import { CliError, ExitCode } from "../exit.ts";
import type { ForecastInput } from "../forecast-input.ts";
import { runForecast } from "../forecast-pool.ts";
import { noProgress, progressBar } from "../forecast-progress.ts";
import { formatParseError } from "../format/diagnostics.ts";
import { formatExactHuman, formatMonteCarloHuman } from "../format/forecast.ts";
import { type CliIo, readTextFile } from "../io.ts";
import { type CommandContext, defineCommand, jsonOption, projectArgument } from "./command.ts";
import { jsonText, requireExperienceId, wholeNumberOption } from "./explore-shared.ts";
import { loadProject, shapeJsonDocument } from "./simulate.ts";

interface ForecastOptions {
  model: string;
  experience?: string;
  exact?: boolean;
  json?: boolean;
  workers?: string;
  user?: string;
  script?: boolean;
}

export const forecastCommand = defineCommand<ForecastOptions>({
  name: "forecast",
  description: "forecast how users reach each step and how they leave (SPEC §5)",
  argument: projectArgument,
  options: [
    {
      flags: "--model <model.json>",
      description: "the forecast model (SPEC §5 Model)",
      required: true,
    },
    {
      flags: "--workers <n>",
      description: "worker threads for Monte Carlo (default: one per CPU); the output is the same",
    },
    {
      flags: "--user <n>",
      description:
        "with --script: one simulated user by index, from 0 to the model's users − 1 (its script names it user-<n>)",
    },
    {
      flags: "--script",
      description: "with --user <n>: print the script that user drew (for simulate or the app)",
    },
    { flags: "--experience <id>", description: "the experience to forecast (with --exact)" },
    {
      flags: "--exact",
      description: "exact probabilities of one display of --experience, instead of Monte Carlo",
    },
    jsonOption("the forecast"),
  ],
  run: forecastFile,
});

async function forecastFile(
  file: string,
  options: ForecastOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  // The command line is checked before any file is read: a usage error is exit 2 (SPEC §4).
  if (options.exact) {
    for (const [given, flag] of [
      [options.workers, "--workers"],
      [options.user, "--user"],
      [options.script, "--script"],
    ] as const) {
      if (given !== undefined) usage(`--exact runs no simulated users: drop ${flag}`);
    }
    return exactFile(file, options, io);
  }
  if (options.experience !== undefined) {
    usage("--experience <id> goes with --exact; Monte Carlo forecasts every experience");
  }
  if ((options.user === undefined) !== (options.script === undefined)) {
    usage("--user <n> and --script go together: they print the script user n drew");
  }
  const workers = workersOption(options.workers);
  const user = wholeNumberOption(options.user, "--user", 0);
  const project = await loadProject(file);
  const { model, value } = await loadMonteCarloModel(options.model, project);
  return forecastErrorsInvalid(async () => {
    const context = forecastContext(project, model);
    if (user !== undefined) return printUserScript(context, user, options.model, io);
    const progress = io.progress ? progressBar(io.err, context.plan.users) : noProgress;
    let forecast: MonteCarloForecast;
    try {
      const input: ForecastInput = { project, model: value };
      const tally = await runForecast({ input, context, workers, onProgress: progress.update });
      forecast = monteCarloResult(context, tally);
    } finally {
      progress.finish();
    }
    if (options.json) io.out(jsonText(forecast));
    else {
      const checklists = new Set(
        project.experiences.filter((e) => e.type === "checklist").map((e) => e.id),
      );
      io.out(formatMonteCarloHuman(forecast, checklists, io.color));
    }
    return ExitCode.ok;
  });
}

/** `--user <n> --script`: user n's drawn script, which `simulate` replays to its outcome. */
function printUserScript(
  context: ForecastContext,
  user: number,
  modelFile: string,
  io: CliIo,
): ExitCode {
  const users = context.plan.users;
  if (user >= users) {
    throw new CliError(
      `--user ${user}: ${modelFile} simulates ${users} users, numbered 0 to ${users - 1}`,
      ExitCode.invalid,
    );
  }
  io.out(jsonText(drawnUser(context, user).script));
  return ExitCode.ok;
}

/** A flow and model the forecast cannot run (ForecastError): exit 1 with its message. */
async function forecastErrorsInvalid(run: () => Promise<ExitCode> | ExitCode): Promise<ExitCode> {
  try {
    return await run();
  } catch (caught) {
    if (caught instanceof ForecastError) throw new CliError(caught.message, ExitCode.invalid);
    throw caught;
  }
}

function usage(message: string): never {
  throw new CliError(message, ExitCode.unreadable);
}

/** More threads than this only cost memory: a usage error rather than thousands of threads. */
const maxWorkers = 256;

/** --workers, by default one per CPU the process may use (at least one). */
function workersOption(value: string | undefined): number {
  const workers = wholeNumberOption(value, "--workers", 1);
  if (workers === undefined) return Math.min(maxWorkers, Math.max(1, availableParallelism()));
  if (workers > maxWorkers) {
    usage(`--workers takes a whole number from 1 to ${maxWorkers}, not ${JSON.stringify(value)}`);
  }
  return workers;
}

async function exactFile(file: string, options: ForecastOptions, io: CliIo): Promise<ExitCode> {
  const experienceId = options.experience;
  if (experienceId === undefined) usage("--exact forecasts one experience: add --experience <id>");
  const project = await loadProject(file);
  requireExperienceId(project, experienceId, file);
  const model = await loadModel(options.model, project);
  return forecastErrorsInvalid(() => {
    const forecast = exactForecast(project, model, experienceId);
    const [only] = Object.values(forecast.experiences);
    io.out(options.json ? jsonText(forecast) : formatExactHuman(experienceId, only, io.color));
    return ExitCode.ok;
  });
}

/**
 * Reads a model: unreadable or not JSON, exit 2 (line:column); the wrong shape or ids the
 * project does not have, exit 1 with one line per problem: `file:line:col  error  code
 * pointer: message`, in the order of the text.
 */
export async function loadModel(file: string, project: Project): Promise<ForecastModel> {
  const { model, parsed } = await readModel(file);
  requireNoProblems(file, parsed, checkForecastModel(project, model));
  return model;
}

/** loadModel, plus what Monte Carlo needs (users, days, visits); with the model's JSON. */
async function loadMonteCarloModel(
  file: string,
  project: Project,
): Promise<{ model: ForecastModel; value: unknown }> {
  const { model, parsed } = await readModel(file);
  requireNoProblems(file, parsed, [
    ...checkForecastModel(project, model),
    ...checkMonteCarloModel(model),
  ]);
  return { model, value: parsed.value };
}

async function readModel(file: string) {
  const parsed = parseJsonText(await readTextFile(file));
  if (!parsed.ok) throw new CliError(formatParseError(file, parsed.error), ExitCode.unreadable);
  return { model: shapeJsonDocument(file, parsed, forecastModel), parsed };
}

function requireNoProblems(
  file: string,
  parsed: Extract<JsonTextResult, { ok: true }>,
  found: Diagnostic[],
): void {
  if (found.length === 0) return;
  const problems = found.map((problem) => ({ ...problem, ...parsed.locate(problem.pointer) }));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = problems.map(
    ({ code, pointer, message, line, column }) =>
      `${file}:${line}:${column}  error  ${code}  ${pointer || "/"}: ${message}`,
  );
  throw new CliError(lines.join("\n"), ExitCode.invalid);
}
