// Shared by several commands (paths, why, machine, …): the experience check, the JSON output and
// small number parsing, so each command file keeps to its own output.
import type { Project } from "../../machines/format/index.ts";
import { CliError, ExitCode } from "../exit.ts";

export function requireExperienceId(project: Project, id: string, file: string): void {
  if (project.experiences.some((experience) => experience.id === id)) return;
  const ids = project.experiences.map((experience) => experience.id);
  const known = ids.length === 0 ? "it has none" : `its experiences: ${ids.join(", ")}`;
  throw new CliError(`no experience ${JSON.stringify(id)} in ${file}; ${known}`, ExitCode.invalid);
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
