// The UI bench's production app: `vite build`, then `vite preview` on 127.0.0.1:4173, started
// and stopped by the bench (only the process group it started is stopped).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";

export const previewUrl = "http://127.0.0.1:4173/";

export function buildApp(): void {
  const built = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error(`vite build failed (exit ${built.status})`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export interface PreviewServer {
  stop(): void;
}

export async function startPreview(timeoutMs = 30_000): Promise<PreviewServer> {
  if (await answers(previewUrl))
    throw new Error(`${previewUrl} is already taken by another server`);
  const child: ChildProcess = spawn(
    "npx",
    ["vite", "preview", "--host", "127.0.0.1", "--port", "4173", "--strictPort"],
    { detached: true, stdio: "ignore" },
  );
  const stop = () => {
    // The group of the process started here (npx and its vite child), by its id.
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(previewUrl)) return { stop };
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${previewUrl} within ${timeoutMs} ms`);
}
