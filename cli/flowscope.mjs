// `npm run -s flowscope -- <command>`: runs the prebuilt CLI (dist-cli/flowscope.js, built by
// `npm ci` through `prepare`, or `npm run build:cli`) when it is at least as new as every source
// file of cli/ and machines/, else the TypeScript sources through tsx. An edited source is
// never shadowed by a stale bundle; a fresh install starts in a fraction of tsx's time.
// Plain JavaScript so that Node runs it as is; `npx flowscope` runs the bundle directly.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundle = join(root, "dist-cli", "flowscope.js");

/** The newest modification time of the files below `folder` (0 when it does not exist). */
function newestBelow(folder) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const time = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function bundleIsFresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  return built >= Math.max(newestBelow(join(root, "cli")), newestBelow(join(root, "machines")));
}

if (process.env.FLOWSCOPE_FROM_SOURCE !== "1" && bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(join(root, "cli", "main.ts"));
}
