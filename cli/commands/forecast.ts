// `flowscope forecast <project.json> --model <model.json> --experience <id> --exact [--json]`
// (SPEC §5): the exact probability of each end of one display and each step's reach and
// expected visits. Monte Carlo (without --exact) is not built yet: a usage error (exit 2).
// Exit 1: an invalid project or model (each problem with its pointer, line and column), or
// a flow exact mode cannot solve (infinite visit-history states: use Monte Carlo).

import { checkForecastModel, exactForecast, ForecastError } from "../../machines/forecast/index.ts";
import {
  type ForecastModel,
  forecastModel,
  type Project,
  parseJsonText,
} from "../../machines/format/index.ts";
import { CliError, ExitCode } from "../exit.ts";
import { formatParseError } from "../format/diagnostics.ts";
import { formatExactHuman } from "../format/forecast.ts";
import { readTextFile } from "../io.ts";
import { type CommandContext, defineCommand, jsonOption, projectArgument } from "./command.ts";
import { jsonText, requireExperienceId } from "./explore-shared.ts";
import { loadProject, shapeJsonDocument } from "./simulate.ts";

interface ForecastOptions {
  model: string;
  experience?: string;
  exact?: boolean;
  json?: boolean;
}

export const monteCarloNotBuilt =
  "Monte Carlo forecasting is not built yet (issue 13); use --experience <id> --exact";

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
    { flags: "--experience <id>", description: "the experience to forecast (with --exact)" },
    {
      flags: "--exact",
      description:
        "exact probabilities of one display of --experience (Monte Carlo is not built yet)",
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
  if (!options.exact) throw new CliError(monteCarloNotBuilt, ExitCode.unreadable);
  const experienceId = options.experience;
  if (experienceId === undefined) {
    throw new CliError(
      "--exact forecasts one experience: add --experience <id>",
      ExitCode.unreadable,
    );
  }
  const project = await loadProject(file);
  requireExperienceId(project, experienceId, file);
  const model = await loadModel(options.model, project);
  let forecast: ReturnType<typeof exactForecast>;
  try {
    forecast = exactForecast(project, model, experienceId);
  } catch (caught) {
    if (caught instanceof ForecastError) throw new CliError(caught.message, ExitCode.invalid);
    throw caught;
  }
  const [only] = Object.values(forecast.experiences);
  io.out(options.json ? jsonText(forecast) : formatExactHuman(experienceId, only, io.color));
  return ExitCode.ok;
}

/**
 * Reads a model: unreadable or not JSON, exit 2 (line:column); the wrong shape or ids the
 * project does not have, exit 1 with one line per problem: `file:line:col  error  code
 * pointer: message`, in the order of the text.
 */
export async function loadModel(file: string, project: Project): Promise<ForecastModel> {
  const parsed = parseJsonText(await readTextFile(file));
  if (!parsed.ok) throw new CliError(formatParseError(file, parsed.error), ExitCode.unreadable);
  const model = shapeJsonDocument(file, parsed, forecastModel);
  const problems = checkForecastModel(project, model).map((problem) => ({
    ...problem,
    ...parsed.locate(problem.pointer),
  }));
  if (problems.length === 0) return model;
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = problems.map(
    ({ code, pointer, message, line, column }) =>
      `${file}:${line}:${column}  error  ${code}  ${pointer}: ${message}`,
  );
  throw new CliError(lines.join("\n"), ExitCode.invalid);
}
