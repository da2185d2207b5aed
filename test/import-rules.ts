// The import rules of machines/, app/ and cli/ (README "Layout", issue 9 item 6), checked over
// the file-level import graph. test/architecture.test.ts runs the check on the repository and
// on small in-memory file sets (so each rule is shown to bite).
//
// The scanner is a small lexer, not a parser: it blanks comments, string contents, template
// literal text and regular expressions, then finds `import … from "x"`, `export … from "x"`,
// `import "x"` and `import("x")` in what is left, so an import written inside a string (the
// vitest file `paths --export` generates, say) is not taken for one.
import { builtinModules } from "node:module";
import { posix } from "node:path";

// ------------------------------------------------------------------------------ the layers

/**
 * Layers of machines/, lowest first. Each imports only the layers it lists (type-only imports
 * count too); files of one layer import each other freely. `validate` and `compile` are
 * siblings, so are `graph` and `engine`, and so are `explore` and `forecast`.
 */
export const layers = {
  model: [],
  format: ["model"],
  rules: ["format", "model"],
  actions: ["rules", "format", "model"],
  validate: ["actions", "rules", "format", "model"],
  compile: ["actions", "rules", "format", "model"],
  graph: ["compile", "actions", "rules", "format", "model"],
  engine: ["compile", "actions", "rules", "format", "model"],
  explore: ["graph", "engine", "validate", "compile", "actions", "rules", "format", "model"],
  forecast: ["graph", "engine", "compile", "actions", "rules", "format", "model"],
} as const satisfies Record<string, readonly string[]>;

export type Layer = keyof typeof layers;

/** The layer of a file under machines/, or undefined (then the file breaks a rule itself). */
export function layerOf(path: string): Layer | undefined {
  if (path === "machines/semantics.ts") return "rules";
  const folder = /^machines\/([^/]+)\//.exec(path)?.[1];
  return folder !== undefined && Object.hasOwn(layers, folder) ? (folder as Layer) : undefined;
}

/**
 * What app/ and cli/ may import from machines/: each folder's index.ts, nothing deeper.
 * (machines/semantics.ts is no entry: rules/index.ts re-exports what they use of it.)
 */
export function isEntry(path: string): boolean {
  return /^machines\/[^/]+\/index\.tsx?$/.test(path);
}

/** Packages machines/ never imports: it is headless (README "Layout"). */
const uiPackages = /^(react|react-dom|@xyflow\/|@codemirror\/|codemirror|@statelyai\/)/;

const nodeBuiltins = new Set(builtinModules);

/** A Node-only module: `node:*` or a bare builtin name (`fs`, `path`, …). */
export function isNodeOnly(specifier: string): boolean {
  return specifier.startsWith("node:") || nodeBuiltins.has(specifier.split("/")[0]);
}

// ---------------------------------------------------------------------------- the scanner

export interface ImportRef {
  specifier: string;
  kind: "import" | "export" | "side-effect" | "dynamic";
  /** Erased at compile time: `import type`, `export type`, or every name marked `type`. */
  typeOnly: boolean;
  /** 1-based line of the import or export keyword. */
  line: number;
}

/**
 * The text with comments, string contents, template text and regex bodies replaced by spaces
 * (newlines kept, quotes kept), so every index still points at the same place in the source.
 */
export function codeOnly(text: string): string {
  const out = text.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  // One entry per open `${`: the depth of `{` inside that template expression.
  const templates: number[] = [];
  let i = 0;
  let last = ""; // the last significant code character, to tell a regex from a division
  let lastWord = "";
  const n = text.length;
  const template = () => {
    // From just after a backtick or a `}` closing `${`: text up to `${` or the closing backtick.
    const start = i;
    while (i < n) {
      const c = text[i];
      if (c === "\\") i += 2;
      else if (c === "`") {
        blank(start, i);
        i++;
        last = "`";
        return;
      } else if (c === "$" && text[i + 1] === "{") {
        blank(start, i);
        templates.push(0);
        i += 2;
        last = "{";
        return;
      } else i++;
    }
    blank(start, n);
  };
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = ++i;
      while (i < n && text[i] !== c && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      blank(start, i);
      i++;
      last = c;
    } else if (c === "`") {
      i++;
      template();
    } else if (c === "/" && startsRegex(last, lastWord)) {
      const start = i + 1;
      let inClass = false;
      i++;
      while (i < n && text[i] !== "\n") {
        const r = text[i];
        if (r === "/" && !inClass) break;
        if (r === "[") inClass = true;
        else if (r === "]") inClass = false;
        i += r === "\\" ? 2 : 1;
      }
      blank(start, i);
      i++;
      while (i < n && /[a-z]/.test(text[i])) i++;
      last = "/";
    } else if (c === "{" && templates.length > 0) {
      templates[templates.length - 1]++;
      last = c;
      i++;
    } else if (c === "}" && templates.length > 0) {
      if (templates[templates.length - 1] === 0) {
        templates.pop();
        i++;
        template();
      } else {
        templates[templates.length - 1]--;
        last = c;
        i++;
      }
    } else {
      if (/[\w$]/.test(c)) {
        let end = i;
        while (end < n && /[\w$]/.test(text[end])) end++;
        lastWord = text.slice(i, end);
        last = "a";
        i = end;
        continue;
      }
      if (!/\s/.test(c)) {
        last = c;
        lastWord = "";
      }
      i++;
    }
  }
  return out.join("");
}

const regexAfterWord = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

function startsRegex(last: string, lastWord: string): boolean {
  if (last === "") return true;
  if (last === "a") return regexAfterWord.has(lastWord);
  return !/[)\]}"'`/]/.test(last);
}

// `import … from "x"` / `export … from "x"`: the clause holds names, braces, commas, `*`, `as`.
const fromClause = /(?<![\w$.])(import|export)(\s+type\b)?([\w$\s{},*]*?)\bfrom\s*(["'])/g;
const sideEffect = /(?<![\w$.])import\s*(["'])/g;
const dynamicImport = /(?<![\w$.])import\s*\(\s*(["'])/g;

/** Every import and export-from of a module, in source order. */
export function scanImports(text: string): ImportRef[] {
  const code = codeOnly(text);
  const found: { at: number; ref: Omit<ImportRef, "line"> }[] = [];
  const specifierAt = (quoteAt: number) => {
    const quote = code[quoteAt];
    const end = code.indexOf(quote, quoteAt + 1);
    return text.slice(quoteAt + 1, end);
  };
  for (const m of code.matchAll(fromClause)) {
    const clause = m[3].trim();
    // A clause is empty only for `export type from`, which is no import.
    if (clause === "" && !m[2]) continue;
    const names = /^\{([^}]*)\}$/.exec(clause)?.[1];
    const everyNameIsType =
      names !== undefined &&
      names.trim() !== "" &&
      names
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
        .every((s) => /^type\s/.test(s));
    found.push({
      at: m.index,
      ref: {
        specifier: specifierAt(m.index + m[0].length - 1),
        kind: m[1] as "import" | "export",
        typeOnly: Boolean(m[2]) || everyNameIsType,
      },
    });
  }
  for (const m of code.matchAll(sideEffect)) {
    found.push({
      at: m.index,
      ref: {
        specifier: specifierAt(m.index + m[0].length - 1),
        kind: "side-effect",
        typeOnly: false,
      },
    });
  }
  for (const m of code.matchAll(dynamicImport)) {
    found.push({
      at: m.index,
      ref: { specifier: specifierAt(m.index + m[0].length - 1), kind: "dynamic", typeOnly: false },
    });
  }
  found.sort((a, b) => a.at - b.at);
  return found.map(({ at, ref }) => ({ ...ref, line: lineAt(text, at) }));
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

// ---------------------------------------------------------------------------- the check

export interface SourceFile {
  /** Relative to the repository root, with `/`: `machines/engine/index.ts`. */
  path: string;
  text: string;
}

export interface Edge {
  from: string;
  /** The imported file (resolved), or the specifier when it is a package. */
  to: string;
  ref: ImportRef;
}

export type Problem =
  | { rule: "layer"; edge: Edge; message: string }
  | { rule: "entry"; edge: Edge; message: string }
  | { rule: "outside"; edge: Edge; message: string }
  | { rule: "headless"; edge: Edge; message: string }
  | { rule: "node-in-app"; edge: Edge; message: string; via: string[] }
  | { rule: "unresolved"; edge: Edge; message: string }
  | { rule: "unplaced"; file: string; message: string }
  | { rule: "cycle"; cycle: string[]; message: string };

const sourceExtension = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** The file a relative specifier names, if it is one of `files`. */
export function resolveRelative(
  from: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | undefined {
  const bare = specifier.replace(/[?#].*$/, "");
  const target = posix.normalize(posix.join(posix.dirname(from), bare));
  const candidates = [
    target,
    `${target}.ts`,
    `${target}.tsx`,
    `${target}/index.ts`,
    `${target}/index.tsx`,
  ];
  return candidates.find((c) => files.has(c));
}

const top = (path: string) => path.split("/")[0];

/** Every edge of the import graph of `files` (packages kept as their specifier). */
export function importGraph(files: readonly SourceFile[]): {
  edges: Edge[];
  unresolved: Edge[];
} {
  const paths = new Set(files.map((f) => f.path));
  const edges: Edge[] = [];
  const unresolved: Edge[] = [];
  for (const file of files) {
    for (const ref of scanImports(file.text)) {
      if (!ref.specifier.startsWith(".") && !ref.specifier.startsWith("/")) {
        edges.push({ from: file.path, to: ref.specifier, ref });
        continue;
      }
      const to = resolveRelative(file.path, ref.specifier, paths);
      if (to !== undefined) edges.push({ from: file.path, to, ref });
      else if (sourceExtension.test(ref.specifier) || !/\.[\w]+([?#].*)?$/.test(ref.specifier))
        unresolved.push({ from: file.path, to: ref.specifier, ref });
      // else: CSS, JSON, `?raw` text — not modules of the graph.
    }
  }
  return { edges, unresolved };
}

const isFile = (to: string) => to.includes("/") && sourceExtension.test(to);

/** Every broken rule, as data; `formatProblems` turns them into the failure message. */
export function checkImports(files: readonly SourceFile[]): Problem[] {
  const problems: Problem[] = [];
  const { edges, unresolved } = importGraph(files);
  for (const edge of unresolved) {
    problems.push({
      rule: "unresolved",
      edge,
      message: `"${edge.to}" names no file of the repository`,
    });
  }
  for (const file of files) {
    if (top(file.path) === "machines" && layerOf(file.path) === undefined) {
      problems.push({
        rule: "unplaced",
        file: file.path,
        message: `${file.path} is in no layer: put it in one of machines/{${Object.keys(layers).join(",")}}/ (or add its folder to the layers in test/import-rules.ts)`,
      });
    }
  }
  for (const edge of edges) {
    const fromTop = top(edge.from);
    if (!isFile(edge.to)) {
      if (fromTop === "machines" && uiPackages.test(edge.to)) {
        problems.push({
          rule: "headless",
          edge,
          message: `machines/ is headless: it imports no UI package ("${edge.to}")`,
        });
      }
      continue;
    }
    const toTop = top(edge.to);
    if (fromTop === "machines") {
      if (toTop !== "machines") {
        problems.push({
          rule: "outside",
          edge,
          message: `machines/ imports nothing outside machines/ (here ${toTop}/)`,
        });
        continue;
      }
      const a = layerOf(edge.from);
      const b = layerOf(edge.to);
      if (a === undefined || b === undefined || a === b) continue;
      const allowed: readonly string[] = layers[a];
      if (!allowed.includes(b)) {
        problems.push({
          rule: "layer",
          edge,
          message: `layer ${a} may import only ${allowed.length ? allowed.join(", ") : "nothing of machines/ (it is the leaf)"}, not ${b}`,
        });
      }
    } else if ((fromTop === "app" || fromTop === "cli") && toTop !== fromTop) {
      if (toTop === "machines" && !isEntry(edge.to)) {
        problems.push({
          rule: "entry",
          edge,
          message: `${fromTop}/ imports machines/ only through a folder's index.ts (here ${entryHint(edge.to)})`,
        });
      } else if (toTop === "app" || toTop === "cli") {
        problems.push({
          rule: "outside",
          edge,
          message: `${fromTop}/ does not import ${toTop}/`,
        });
      }
    }
  }
  problems.push(...nodeOnlyInApp(files, edges));
  for (const cycle of importCycles(files, edges)) {
    problems.push({ rule: "cycle", cycle, message: "import cycle" });
  }
  return problems;
}

function entryHint(path: string): string {
  const folder = /^machines\/([^/]+)\//.exec(path)?.[1];
  return folder ? `machines/${folder}/index.ts` : "machines/rules/index.ts";
}

/**
 * The app bundle must not pull a Node-only module: follow the value imports (static, not
 * type-only) from every app/ file through machines/ and report each Node-only import met.
 * Dynamic imports are left out: they load only when run (write-json-schema.ts guards its own).
 */
function nodeOnlyInApp(files: readonly SourceFile[], edges: readonly Edge[]): Problem[] {
  const out = new Map<string, Edge[]>();
  for (const edge of edges) {
    if (edge.ref.typeOnly || edge.ref.kind === "dynamic") continue;
    const list = out.get(edge.from) ?? [];
    list.push(edge);
    out.set(edge.from, list);
  }
  const cameFrom = new Map<string, string | null>();
  const queue: string[] = [];
  for (const file of files) {
    if (top(file.path) === "app") {
      cameFrom.set(file.path, null);
      queue.push(file.path);
    }
  }
  const problems: Problem[] = [];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    for (const edge of out.get(at) ?? []) {
      if (!isFile(edge.to)) {
        if (isNodeOnly(edge.to)) {
          const via: string[] = [];
          for (let k: string | null | undefined = at; k; k = cameFrom.get(k)) via.unshift(k);
          problems.push({
            rule: "node-in-app",
            edge,
            via,
            message: `the app bundle reaches the Node-only module "${edge.to}"`,
          });
        }
      } else if (!cameFrom.has(edge.to)) {
        cameFrom.set(edge.to, at);
        queue.push(edge.to);
      }
    }
  }
  return problems;
}

/**
 * File-level import cycles (type-only imports count): one cycle per strongly connected
 * component (Tarjan), read as a shortest path from its first file back to itself.
 */
export function importCycles(files: readonly SourceFile[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const file of files) next.set(file.path, []);
  for (const edge of edges) {
    const list = next.get(edge.from);
    if (list && next.has(edge.to) && !list.includes(edge.to)) list.push(edge.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = next.get(v)?.includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const path of [...next.keys()].sort()) if (!index.has(path)) connect(path);
  const cycles = components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    // Breadth-first inside the component, from start back to start.
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const at = queue.shift() as string;
      for (const w of next.get(at) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const between: string[] = [];
          for (let k = at; k !== start; k = cameFrom.get(k) as string) between.unshift(k);
          return [start, ...between, start];
        }
        if (!cameFrom.has(w)) {
          cameFrom.set(w, at);
          queue.push(w);
        }
      }
    }
    return [start, start];
  });
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The failure message: one block per rule, one line per forbidden import or cycle. */
export function formatProblems(problems: readonly Problem[]): string {
  if (problems.length === 0) return "";
  const titles: Record<Problem["rule"], string> = {
    layer:
      "Imports against the layers of machines/ (model → format → rules → actions → validate | compile → graph | engine → explore)",
    entry: "app/ and cli/ importing machines/ past a folder's index.ts",
    outside: "Imports across top-level folders that are not allowed",
    headless: "UI packages imported by machines/",
    "node-in-app": "Node-only modules the app bundle reaches",
    unresolved: "Relative imports that name no file",
    unplaced: "Files of machines/ in no layer",
    cycle: "Import cycles",
  };
  const lines: string[] = [`${problems.length} import rule(s) broken:`];
  for (const rule of Object.keys(titles) as Problem["rule"][]) {
    const group = problems.filter((p) => p.rule === rule);
    if (group.length === 0) continue;
    lines.push("", `${titles[rule]} (${group.length}):`);
    for (const p of group) {
      if (p.rule === "cycle") lines.push(`  ${p.cycle.join(" → ")}`);
      else if (p.rule === "unplaced") lines.push(`  ${p.message}`);
      else {
        const { from, to, ref } = p.edge;
        const how = `${ref.typeOnly ? "type " : ""}${ref.kind}`;
        lines.push(`  ${from}:${ref.line} → ${to}  (${how} "${ref.specifier}")`);
        lines.push(`      ${p.message}`);
        if (p.rule === "node-in-app") lines.push(`      via ${p.via.join(" → ")}`);
      }
    }
  }
  return lines.join("\n");
}
