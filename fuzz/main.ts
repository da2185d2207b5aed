// `npm run fuzz -- [--minutes N] [--seed S] [--out DIR] [--workers N] [--cases N]
//   [--case I] [--categories a,b] [--commands a,b] [--small] [--lenient]`
// Runs the fuzz loop for N minutes (default 1), printing progress, then one line of counts;
// every failing input goes to DIR (default fuzz-failures/) with its command line and output.
// Exits 1 when anything failed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Category, type CommandName, categories, commandNames } from "./cases.ts";
import { fuzzForecast } from "./forecast.ts";
import { type FuzzSummary, groupFailures, runFuzz } from "./fuzz.ts";
import { smallLimits } from "./slice.ts";

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(2);
}

function list<T extends string>(
  value: string | undefined,
  known: readonly T[],
  what: string,
): T[] | undefined {
  if (value === undefined) return undefined;
  const picked = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of picked) {
    if (!known.includes(v as T))
      fail(`unknown ${what} ${JSON.stringify(v)}; known: ${known.join(", ")}`);
  }
  return picked as T[];
}

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    fail(`${name} takes a number ≥ 0, not ${JSON.stringify(value)}`);
  return n;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        minutes: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        workers: { type: "string" },
        cases: { type: "string" },
        case: { type: "string" },
        categories: { type: "string" },
        commands: { type: "string" },
        small: { type: "boolean" },
        lenient: { type: "boolean" },
        "forecast-minutes": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
})();

if (values.help) {
  process.stdout.write(
    [
      "npm run fuzz -- [--minutes N] [--seed S] [--out DIR] [--workers N] [--cases N] [--case I]",
      "               [--categories a,b] [--commands a,b] [--small] [--lenient]",
      "  --minutes N      run for N minutes (default 1); --cases N runs N inputs instead",
      "  --seed S         the run's seed (default: random, printed); --case I runs case I of it",
      "  --out DIR        where failing inputs go (default fuzz-failures/)",
      "  --workers N      worker processes (default 1)",
      "  --small          small sizes only (depth 1,000, 300 elements), as in npm test",
      "  --lenient        do not require scripts and recordings to be strict (issue 10, item 6)",
      "  --forecast-minutes N  the forecast's differential run (default: a fifth of --minutes)",
      `categories: ${categories.join(", ")}`,
      `commands: ${commandNames.join(", ")}`,
      "",
    ].join("\n"),
  );
  process.exit(0);
}

const seed = number(values.seed, "--seed") ?? Math.floor(Math.random() * 0x7fffffff);
const only = number(values.case, "--case");
const minutes = number(values.minutes, "--minutes") ?? 1;
const cases = only !== undefined ? 1 : number(values.cases, "--cases");
const outDir = values.out ?? "fuzz-failures";
const chosenCategories = list<Category>(values.categories, categories, "category");
const chosenCommands = list<CommandName>(values.commands, commandNames, "command");
const reproduceFlags = [
  values.categories ? ` --categories ${values.categories}` : "",
  values.commands ? ` --commands ${values.commands}` : "",
  values.small ? " --small" : "",
  values.lenient ? " --lenient" : "",
].join("");

const scope = cases !== undefined ? `${cases} inputs` : `${minutes} min`;
process.stdout.write(`fuzz: seed ${seed}, ${scope}, failing inputs to ${outDir}/\n`);

const summary: FuzzSummary = await runFuzz({
  seed,
  durationMs: cases !== undefined ? undefined : minutes * 60_000,
  cases,
  firstIndex: only ?? 0,
  workers: number(values.workers, "--workers") ?? 1,
  outDir,
  reproduceFlags,
  judge: { strict: !values.lenient },
  generate: {
    categories: chosenCategories,
    commands: chosenCommands,
    limits: values.small ? smallLimits : undefined,
    scaleLimit: values.small ? smallLimits.elements : undefined,
  },
  onProgress: ({ elapsedMs, tried, failed }) =>
    process.stdout.write(
      `  ${(elapsedMs / 1000).toFixed(0)} s: ${tried} inputs tried, ${failed} failing\n`,
    ),
});

const perMinute = summary.tried / Math.max(summary.elapsedMs / 60_000, 1e-9);
const lines: string[] = [];
for (const group of groupFailures(summary.failed)) {
  lines.push(
    `  ✖ ${group.count}× ${group.kind}: ${group.message}`,
    `      commands: ${group.commands.join(", ")}; categories: ${group.categories.join(", ")}`,
    `      e.g. case ${group.example.index}${group.example.folder ? `: ${group.example.folder}` : ""}`,
  );
}
const kinds = Object.entries(summary.byKind)
  .map(([kind, n]) => `${kind} ${n}`)
  .join(", ");
const elapsed =
  summary.elapsedMs < 60_000
    ? `${(summary.elapsedMs / 1000).toFixed(1)} s`
    : `${(summary.elapsedMs / 60_000).toFixed(1)} min`;
lines.push(
  `fuzz: seed ${seed}: ${summary.tried} inputs in ${elapsed} (${Math.round(perMinute)}/min), ${summary.failed.length} failing${kinds ? ` (${kinds})` : ""}`,
);
process.stdout.write(`${lines.join("\n")}\n`);
if (summary.failed.length > 0) {
  mkdirSync(outDir, { recursive: true });
  const list = summary.failed.map(
    (entry) =>
      `case ${entry.index}\t${entry.command}\t${entry.category}\t${entry.failures.map((f) => `${f.kind}: ${f.message}`).join(" | ")}\t${entry.folder ?? ""}`,
  );
  writeFileSync(join(outDir, `summary-s${seed}.txt`), `${[...lines, "", ...list].join("\n")}\n`);
}
// The forecast's differential run (issue 13) takes a fifth of the time beside the inputs.
const forecastMinutes = number(values["forecast-minutes"], "--forecast-minutes");
const forecastMs =
  forecastMinutes !== undefined
    ? forecastMinutes * 60_000
    : cases !== undefined
      ? 5_000
      : Math.max(5_000, (minutes * 60_000) / 5);
const forecast = fuzzForecast(seed, forecastMs, outDir);
process.stdout.write(
  `fuzz forecast: seed ${seed}: ${forecast.projects} generated projects, ${forecast.users} drawn users replayed through the engine in ${(forecast.elapsedMs / 1000).toFixed(1)} s, ${forecast.failed} differing from the kernel\n`,
);
process.exitCode = summary.failed.length > 0 || forecast.failed > 0 ? 1 : 0;
