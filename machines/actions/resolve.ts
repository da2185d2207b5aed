// `{attribute}` resolution at run time, with the warning SPEC §1 asks for each missing one.
import { resolveTemplate } from "./attributes.ts";
import type { Change } from "./landing.ts";

export function resolveWithWarnings(
  text: string,
  attributes: Readonly<Record<string, unknown>>,
  mode: "url" | "message",
): { text: string; warnings: Change[] } {
  const { text: resolved, missing } = resolveTemplate(text, attributes, mode);
  return {
    text: resolved,
    warnings: missing.map((name) => ({
      type: "warn",
      code: "missingAttribute",
      message: `attribute "${name}" is not set; "{${name}}" became ""`,
    })),
  };
}
