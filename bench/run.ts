// `npm run bench [-- <suite>…] [--strict]`: runs every suite listed below, or the named ones.
// A suite prints PASS/MISS against its targets; --strict turns a MISS into exit code 1.
import { cliSuite } from "./cli.bench.ts";
import { engineSuite } from "./engine.bench.ts";
import { exploreSuite } from "./explore.bench.ts";
import { forecastSuite } from "./forecast.bench.ts";
import { graphSuite } from "./graph.bench.ts";
import type { BenchSuite } from "./harness.ts";
import { uiSuite } from "./ui.bench.ts";
import { validatorSuite } from "./validator.bench.ts";

/** Every suite, in run order. Add a suite with one line. */
export const suites: readonly BenchSuite[] = [
  validatorSuite,
  engineSuite,
  exploreSuite,
  graphSuite,
  uiSuite,
  cliSuite,
  forecastSuite,
];

async function main(args: readonly string[]): Promise<number> {
  const strict = args.includes("--strict");
  const names = args.filter((arg) => !arg.startsWith("--"));
  const unknown = names.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    const known = suites.map((suite) => suite.name).join(", ");
    process.stderr.write(`unknown bench suite: ${unknown.join(", ")} (available: ${known})\n`);
    return 2;
  }
  const selected = names.length === 0 ? suites : suites.filter((s) => names.includes(s.name));
  let allMet = true;
  for (const suite of selected) {
    process.stdout.write(`\n## ${suite.name}: ${suite.description}\n\n`);
    const outcome = await suite.run((line) => process.stdout.write(`${line}\n`));
    allMet &&= outcome.targetsMet;
  }
  return strict && !allMet ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
