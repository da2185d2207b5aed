// A temporary folder for a test file's inputs: made before its tests, removed after; `write`
// puts a JSON value (or text) there and answers its path.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

export interface TempFiles {
  /** The folder (set once the tests start). */
  readonly dir: string;
  write(name: string, value: unknown): Promise<string>;
}

export function tempFiles(prefix: string): TempFiles {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    async write(name, value) {
      const file = join(dir, name);
      await writeFile(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
      return file;
    },
  };
}
