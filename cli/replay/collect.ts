// Which files `flowscope replay <file|folder|glob>…` runs (README "Semantics" → Command line):
// - a file is a recording, whatever its name (today's single-file behaviour);
// - a folder means every `*.json` below it, recursively, skipping `node_modules` and folders
//   whose name starts with a dot;
// - an argument with glob characters (`*`, `?`, `[`, `{`) that names no file as written is a
//   glob (tinyglobby: `**`, `{a,b}`, …), for shells that pass it unexpanded (quoted, Windows);
// - a file found in a folder or by a glob is "found": the runner classifies it, skipping the
//   projects and scripts that live beside recordings, and refusing any other JSON as "not a
//   recording" (counted as unreadable, exit 2);
// - a file named twice runs once; files run in argument order, a folder's in path order.
// Each argument that yields nothing is a problem of its own (exit 2), so a typo never passes.
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

export interface RecordingEntry {
  /** Absolute path. */
  file: string;
  /** Relative to the current directory with `/` (absolute when outside it): what reports print. */
  display: string;
  /** Named on the command line (always a recording) or found in a folder or by a glob. */
  origin: "named" | "found";
}

export interface CollectProblem {
  /** The argument as given. */
  argument: string;
  message: string;
}

export interface Collected {
  entries: RecordingEntry[];
  problems: CollectProblem[];
}

/** Folders a walk never enters. */
function skippedFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

export async function collectRecordings(
  args: readonly string[],
  cwd: string = process.cwd(),
): Promise<Collected> {
  const entries: RecordingEntry[] = [];
  const problems: CollectProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string, origin: RecordingEntry["origin"]) => {
    if (seen.has(file)) return;
    seen.add(file);
    entries.push({ file, display: displayPath(file, cwd), origin });
  };
  for (const argument of args) {
    const path = resolve(cwd, argument);
    const kind = kindOf(path);
    if (kind === "folder") {
      const files = jsonFilesBelow(path);
      if (files.length === 0) problems.push({ argument, message: `no *.json file in ${argument}` });
      for (const file of files) add(file, "found");
    } else if (kind === "missing" && /[*?[\]{}]/.test(argument)) {
      const files = await globJson(argument, cwd);
      if (files.length === 0) problems.push({ argument, message: `no file matches ${argument}` });
      for (const file of files) add(file, "found");
    } else {
      // A file, or a path that does not exist: the runner reports it as unreadable.
      add(path, "named");
    }
  }
  return { entries, problems };
}

function kindOf(path: string): "file" | "folder" | "missing" {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
}

/** Every `*.json` file below `folder`, sorted by path (code units, so the order is stable). */
export function jsonFilesBelow(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: import("node:fs").Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable subfolder holds nothing we can run
    }
    for (const entry of names) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolder(entry.name)) walk(path);
      } else if (entry.name.endsWith(".json") && isFileOrLinkToFile(entry, path)) {
        found.push(path);
      }
    }
  };
  walk(folder);
  return found.sort(comparePaths);
}

function isFileOrLinkToFile(entry: import("node:fs").Dirent, path: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return kindOf(path) === "file";
}

async function globJson(pattern: string, cwd: string): Promise<string[]> {
  // Loaded only for a glob: every other command line starts without it.
  const { glob } = await import("tinyglobby");
  const files = await glob(pattern.split(sep).join("/"), {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ["**/node_modules/**"],
  });
  return files
    .filter((file) => file.endsWith(".json"))
    .map((file) => resolve(file))
    .sort(comparePaths);
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `file` relative to `cwd` with `/`, or absolute when it is not below `cwd`. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return file.split(sep).join("/");
  return rel.split(sep).join("/");
}
