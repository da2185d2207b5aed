// examples/invalid: every file produces the exact diagnostic its sidecar names (an error
// example no other error), every diagnostic code has an example, and the README lists it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../machines/model/diagnostic.ts";
import { diagnosticCodes } from "../machines/validate/codes.ts";
import { validateText } from "../machines/validate/index.ts";

const dir = join(import.meta.dirname, "..", "examples", "invalid");
const files = readdirSync(dir);
const examples = files
  .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
  .sort();

interface Expected {
  severity: "error" | "warning";
  code: string;
  pointer: string;
  line: number;
  column: number;
}

function expectedOf(example: string): Expected {
  const sidecar = example.replace(/\.json$/, ".expected.json");
  return JSON.parse(readFileSync(join(dir, sidecar), "utf8"));
}

/** What the validator says about a file; a parse error as the CLI's "parse" diagnostic. */
function diagnosticsOf(example: string): Diagnostic[] {
  const result = validateText(readFileSync(join(dir, example), "utf8"));
  if (!result.parseError) return result.diagnostics;
  const { message, line, column } = result.parseError;
  return [{ severity: "error", code: "parse", message, pointer: "", line, column }];
}

describe("examples/invalid", () => {
  it("pairs every example with a sidecar, and every sidecar with an example", () => {
    expect(examples.length).toBeGreaterThan(40);
    const sidecars = files.filter((name) => name.endsWith(".expected.json")).sort();
    expect(sidecars).toEqual(examples.map((name) => name.replace(/\.json$/, ".expected.json")));
  });

  it.each(examples)("%s produces its expected diagnostic", (example) => {
    const expected = expectedOf(example);
    const diagnostics = diagnosticsOf(example);
    const found = diagnostics.find(
      (d) => d.code === expected.code && d.pointer === expected.pointer,
    );
    expect(found && { ...found, message: undefined }).toEqual({ ...expected, message: undefined });
    expect(found?.message.length).toBeGreaterThan(10);
    if (expected.severity === "error") {
      const otherErrors = diagnostics.filter((d) => d !== found && d.severity === "error");
      // tooManyIssues is by definition the tail of many other structural errors.
      if (expected.code !== "tooManyIssues") expect(otherErrors).toEqual([]);
    }
  });

  it("names files after their code, malformed ones after 'malformed'", () => {
    for (const example of examples) {
      const { code } = expectedOf(example);
      const prefix = code === "parse" ? "malformed" : code;
      expect(example).toMatch(new RegExp(`^${prefix}(-[A-Za-z-]+)?\\.json$`));
    }
  });

  it("has an example for every diagnostic code, with the code's severity", () => {
    const byCode = new Map(
      examples.map((example) => [expectedOf(example).code, expectedOf(example)]),
    );
    for (const [code, info] of Object.entries(diagnosticCodes)) {
      expect({ code, severity: byCode.get(code)?.severity }).toEqual({
        code,
        severity: info.severity,
      });
    }
  });

  it("lists every code in its README", () => {
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    for (const code of Object.keys(diagnosticCodes)) expect(readme).toContain(`\`${code}\``);
  });
});
