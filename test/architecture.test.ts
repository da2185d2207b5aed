// The import rules (README "Layout", issue 9 item 6) over the repository's import graph, and
// the checker itself on small in-memory file sets, so each rule is shown to bite.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkImports,
  formatProblems,
  importGraph,
  layers,
  type Problem,
  type SourceFile,
  scanImports,
} from "./import-rules.ts";

const root = join(import.meta.dirname, "..");

function sources(folders: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const folder of folders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })) {
      const path = `${folder}/${entry.split("\\").join("/")}`;
      if (/\.tsx?$/.test(path) && !path.endsWith(".d.ts")) {
        files.push({ path, text: readFileSync(join(root, path), "utf8") });
      }
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Fails with the checker's own message: each forbidden import (file → file, rule) or cycle. */
function expectNone(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new Error(`\n${formatProblems(problems)}`);
}

describe("the repository's imports", () => {
  const files = sources(["machines", "app", "cli"]);
  const problems = checkImports(files);
  const only = (...rules: Problem["rule"][]) => problems.filter((p) => rules.includes(p.rule));

  it("are seen by the scanner", () => {
    const edges = importGraph(files).edges.map((e) => `${e.from} → ${e.to}`);
    expect(files.length).toBeGreaterThan(200);
    expect(edges).toContain("machines/engine/index.ts → machines/compile/index.ts");
    expect(edges).toContain("cli/commands/paths.ts → machines/explore/index.ts");
    expect(edges).toContain("app/main.tsx → react");
  });

  it("keep the layers of machines/ (each imports only the layers before it)", () => {
    expectNone(only("layer", "unplaced", "headless", "outside"));
  });

  it("enter machines/ from app/ and cli/ only through a folder's index.ts", () => {
    expectNone(only("entry"));
    for (const layer of Object.keys(layers)) {
      expect(files.map((f) => f.path)).toContain(`machines/${layer}/index.ts`);
    }
  });

  it("make no cycle in machines/, app/ or cli/", () => {
    expectNone(only("cycle"));
  });

  it("bring no Node-only module into the app bundle", () => {
    expectNone(only("node-in-app"));
  });

  it("all name files that exist", () => {
    expectNone(only("unresolved"));
  });
});

// ------------------------------------------------------------------ the checker, in memory

const file = (path: string, ...lines: string[]): SourceFile => ({ path, text: lines.join("\n") });
const edgesOf = (problems: readonly Problem[]) =>
  problems.map((p) => ("edge" in p ? `${p.rule}: ${p.edge.from} → ${p.edge.to}` : p.rule));

describe("the import checker", () => {
  it("reports an action importing the validator, naming both files and the rule", () => {
    const problems = checkImports([
      file("machines/actions/x.ts", 'import { y } from "../validate/y.ts";', "export const x = y;"),
      file("machines/validate/y.ts", "export const y = 1;"),
    ]);
    expect(edgesOf(problems)).toEqual(["layer: machines/actions/x.ts → machines/validate/y.ts"]);
    expect(formatProblems(problems)).toContain("machines/actions/x.ts:1 → machines/validate/y.ts");
    expect(formatProblems(problems)).toContain(
      "layer actions may import only rules, format, model, not validate",
    );
  });

  it("counts type-only imports, export-from and dynamic import()", () => {
    const problems = checkImports([
      file(
        "machines/actions/x.ts",
        'import type { Y } from "../validate/y.ts";',
        'export { z } from "../engine/z.ts";',
        'export type W = typeof import("../explore/w.ts");',
        "const load = () => import('../graph/g.ts');",
      ),
      file("machines/validate/y.ts", "export type Y = 1;"),
      file("machines/engine/z.ts", "export const z = 1;"),
      file("machines/explore/w.ts", "export const w = 1;"),
      file("machines/graph/g.ts", "export const g = 1;"),
    ]);
    expect(edgesOf(problems)).toEqual([
      "layer: machines/actions/x.ts → machines/validate/y.ts",
      "layer: machines/actions/x.ts → machines/engine/z.ts",
      "layer: machines/actions/x.ts → machines/explore/w.ts",
      "layer: machines/actions/x.ts → machines/graph/g.ts",
    ]);
  });

  it("keeps siblings apart: validate | compile, graph | engine", () => {
    const problems = checkImports([
      file("machines/validate/v.ts", 'import "../compile/c.ts";'),
      file("machines/compile/c.ts", 'import "../validate/v2.ts";'),
      file("machines/validate/v2.ts", ""),
      file("machines/graph/g.ts", 'import { e } from "../engine/e.ts";'),
      file("machines/engine/e.ts", 'import { g } from "../graph/g2.ts";', "export const e = g;"),
      file("machines/graph/g2.ts", "export const g = 1;"),
    ]);
    expect(edgesOf(problems)).toEqual([
      "layer: machines/validate/v.ts → machines/compile/c.ts",
      "layer: machines/compile/c.ts → machines/validate/v2.ts",
      "layer: machines/graph/g.ts → machines/engine/e.ts",
      "layer: machines/engine/e.ts → machines/graph/g2.ts",
    ]);
  });

  it("lets each layer import the layers before it, and explore import them all", () => {
    const below = Object.keys(layers).filter((l) => l !== "explore" && l !== "forecast");
    const problems = checkImports([
      file("machines/explore/x.ts", ...below.map((l) => `import "../${l}/index.ts";`)),
      ...below.map((l) => file(`machines/${l}/index.ts`)),
      file(
        "machines/engine/e.ts",
        'import "../compile/index.ts";',
        'import "../actions/index.ts";',
      ),
      file("machines/graph/g.ts", 'import "../compile/index.ts";', 'import "../semantics.ts";'),
      file("machines/actions/a.ts", 'import "../semantics.ts";', 'import "../rules/index.ts";'),
      file("machines/semantics.ts", 'import type { S } from "./format/index.ts";'),
      file("machines/format/f.ts", 'import "../model/index.ts";', 'import "zod";'),
    ]);
    expectNone(problems);
  });

  it("keeps explore and forecast apart, and forecast off the validator", () => {
    const problems = checkImports([
      file(
        "machines/forecast/f.ts",
        'import "../graph/index.ts";',
        'import "../engine/index.ts";',
        'import "../compile/index.ts";',
        'import "../explore/x.ts";',
        'import "../validate/v.ts";',
      ),
      file("machines/explore/x.ts", 'import "../forecast/f2.ts";'),
      file("machines/forecast/f2.ts"),
      file("machines/graph/index.ts"),
      file("machines/engine/index.ts"),
      file("machines/compile/index.ts"),
      file("machines/validate/v.ts"),
    ]);
    expect(edgesOf(problems)).toEqual([
      "layer: machines/forecast/f.ts → machines/explore/x.ts",
      "layer: machines/forecast/f.ts → machines/validate/v.ts",
      "layer: machines/explore/x.ts → machines/forecast/f2.ts",
    ]);
  });

  it("keeps model a leaf and semantics.ts in layer rules", () => {
    const problems = checkImports([
      file("machines/model/m.ts", 'import type { Project } from "../format/schema.ts";'),
      file("machines/format/schema.ts", "export type Project = {};"),
      file("machines/semantics.ts", 'export { a } from "./actions/a.ts";'),
      file("machines/actions/a.ts", "export const a = 1;"),
    ]);
    expect(edgesOf(problems)).toEqual([
      "layer: machines/model/m.ts → machines/format/schema.ts",
      "layer: machines/semantics.ts → machines/actions/a.ts",
    ]);
    expect(formatProblems(problems)).toContain("layer model may import only nothing of machines/");
  });

  it("lets app/ and cli/ into machines/ only through index.ts", () => {
    const problems = checkImports([
      file("app/a.tsx", 'import { s } from "../machines/engine/index.ts";', 'import "./b.ts";'),
      file("app/b.ts", 'import type { P } from "../machines/format/schema.ts";'),
      file("cli/c.ts", 'import { x } from "../machines/semantics.ts";', 'import "../app/b.ts";'),
      file("machines/engine/index.ts"),
      file("machines/format/schema.ts"),
      file("machines/semantics.ts"),
    ]);
    expect(edgesOf(problems)).toEqual([
      "entry: app/b.ts → machines/format/schema.ts",
      "entry: cli/c.ts → machines/semantics.ts",
      "outside: cli/c.ts → app/b.ts",
    ]);
    expect(formatProblems(problems)).toContain("(here machines/format/index.ts)");
  });

  it("keeps machines/ headless and inside itself, and every file of it in a layer", () => {
    const problems = checkImports([
      file("machines/engine/e.ts", 'import { useState } from "react";', 'import "../../app/x.ts";'),
      file("app/x.ts"),
      file("machines/misc.ts"),
    ]);
    expect(edgesOf(problems)).toEqual([
      "unplaced",
      "headless: machines/engine/e.ts → react",
      "outside: machines/engine/e.ts → app/x.ts",
    ]);
  });

  it("reports each cycle as a path, type-only imports included", () => {
    const problems = checkImports([
      file("machines/engine/a.ts", 'import { b } from "./b.ts";'),
      file("machines/engine/b.ts", 'import type { C } from "./c.ts";'),
      file("machines/engine/c.ts", 'export { a } from "./a.ts";'),
      file("cli/self.ts", 'import "./self.ts";'),
      file("app/x.ts", 'import "./y.ts";'),
      file("app/y.ts", 'import "./x.ts";'),
    ]);
    expect(problems.map((p) => (p.rule === "cycle" ? p.cycle.join(" → ") : p.rule))).toEqual([
      "app/x.ts → app/y.ts → app/x.ts",
      "cli/self.ts → cli/self.ts",
      "machines/engine/a.ts → machines/engine/b.ts → machines/engine/c.ts → machines/engine/a.ts",
    ]);
  });

  it("follows the app bundle into machines/ to find a Node-only module", () => {
    const problems = checkImports([
      file("app/x.ts", 'import { f } from "../machines/format/index.ts";'),
      file("machines/format/index.ts", 'export { f } from "./f.ts";'),
      file("machines/format/f.ts", 'import { readFileSync } from "node:fs";', 'import "path";'),
      file("machines/format/script.ts", 'const fs = await import("node:fs/promises");'),
      file("app/y.ts", 'import type { T } from "../machines/format/t.ts";'),
      file("cli/c.ts", 'import { readFile } from "node:fs/promises";'),
    ]);
    const nodeOnly = problems.filter((p) => p.rule === "node-in-app");
    expect(edgesOf(nodeOnly)).toEqual([
      "node-in-app: machines/format/f.ts → node:fs",
      "node-in-app: machines/format/f.ts → path",
    ]);
    expect(formatProblems(nodeOnly)).toContain(
      "via app/x.ts → machines/format/index.ts → machines/format/f.ts",
    );
  });

  it("reports relative imports of files that do not exist, not stylesheets", () => {
    const problems = checkImports([
      file("app/x.ts", 'import "./gone.ts";', 'import "./x.css";', 'import t from "./t.json?raw";'),
    ]);
    expect(edgesOf(problems)).toEqual(["unresolved: app/x.ts → ./gone.ts"]);
  });
});

describe("the import scanner", () => {
  it("reads every form of import and export-from, over several lines", () => {
    const text = [
      'import a, { b as c, type D } from "./a.ts";',
      "import * as ns from './ns.ts';",
      "import type {",
      "  E, // the E",
      "  F,",
      '} from "./types.ts";',
      'import { type G, type H } from "./gh.ts";',
      'import "./side.ts";',
      'export * from "./all.ts";',
      'export * as all from "./all2.ts";',
      'export { x } from "./x.ts";',
      'export type { Y } from "./y.ts";',
      'const lazy = await import("./lazy.ts");',
      'import.meta.url; obj.import("./not.ts");',
    ].join("\n");
    expect(scanImports(text)).toEqual([
      { specifier: "./a.ts", kind: "import", typeOnly: false, line: 1 },
      { specifier: "./ns.ts", kind: "import", typeOnly: false, line: 2 },
      { specifier: "./types.ts", kind: "import", typeOnly: true, line: 3 },
      { specifier: "./gh.ts", kind: "import", typeOnly: true, line: 7 },
      { specifier: "./side.ts", kind: "side-effect", typeOnly: false, line: 8 },
      { specifier: "./all.ts", kind: "export", typeOnly: false, line: 9 },
      { specifier: "./all2.ts", kind: "export", typeOnly: false, line: 10 },
      { specifier: "./x.ts", kind: "export", typeOnly: false, line: 11 },
      { specifier: "./y.ts", kind: "export", typeOnly: true, line: 12 },
      { specifier: "./lazy.ts", kind: "dynamic", typeOnly: false, line: 13 },
    ]);
  });

  it("skips imports written in comments, strings, template literals and regexes", () => {
    const text = [
      '// import { a } from "./comment.ts";',
      '/* export * from "./block.ts"; */',
      'const s = "import { b } from \\"./string.ts\\"";',
      "const t = `",
      'import { c } from "./template.ts";',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template
      '${name.replace(/"/g, "")} import("./template-dynamic.ts")',
      "`;",
      'const r = /import "x"|`/;',
      'import { real } from "./real.ts";',
    ].join("\n");
    expect(scanImports(text).map((r) => r.specifier)).toEqual(["./real.ts"]);
  });
});
