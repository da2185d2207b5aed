// How Flowscope starts Chromium, for the e2e tests (playwright.config.ts) and the UI bench
// (bench/ui.bench.ts): Debian's /usr/bin/chromium when it exists (.ci/run installs it;
// Playwright cannot download browsers here), else Playwright's own; flags that keep a
// headless run quiet and offline.
import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const systemChromium = "/usr/bin/chromium";

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: existsSync(systemChromium) ? systemChromium : undefined,
  args: [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
