// The example catalog (app/examples): every project in examples/ and examples/invalid/ is
// offered, and nothing else: the `.expected.json` diagnostics beside invalid examples are not.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { examples } from "../app/examples/catalog.ts";

const dir = join(import.meta.dirname, "..", "examples");
const projects = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
    .map((f) => f.replace(/\.json$/, ""));

describe("example catalog", () => {
  it("offers each valid and invalid project once, and no expected-diagnostics file", () => {
    const expected = [
      ...projects(dir),
      ...projects(join(dir, "invalid")).map((name) => `invalid/${name}`),
    ].sort();
    expect(examples.map((e) => e.id).sort()).toEqual(expected);
    expect(examples.some((e) => e.id.endsWith(".expected"))).toBe(false);
  });
});
