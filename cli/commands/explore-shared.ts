// Shared by several commands (paths, why, machine, …): the experience check, the JSON output and
// small number parsing, so each command file keeps to its own output.
import type { Project } from "../../machines/format/index.ts";
import { didYouMean, idsOf } from "../../machines/model/index.ts";
import { CliError, ExitCode } from "../exit.ts";

/** Exit 1 unless the project has experience `id`; the message names the closest few ids. */
export function requireExperienceId(project: Project, id: string, file: string): void {
  if (project.experiences.some((experience) => experience.id === id)) return;
  const hint = didYouMean(id, idsOf(project.experiences), "experiences");
  throw new CliError(`no experience ${JSON.stringify(id)} in ${file}; ${hint}`, ExitCode.invalid);
}

/** A whole number option (≥ min), or a usage error (exit 2) that names the option. */
export function wholeNumberOption(
  value: string | undefined,
  name: string,
  min: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new CliError(
      `${name} takes a whole number ≥ ${min}, not ${JSON.stringify(value)}`,
      ExitCode.unreadable,
    );
  }
  return n;
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
