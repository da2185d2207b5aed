// End-to-end tests: Chromium against the Vite dev server. On this machine (and in CI after
// .ci/run installs it) the system Chromium is used; elsewhere Playwright's own browser.
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.config.ts";

// E2E_PORT lets several checkouts run their suites side by side without sharing a server.
const port = Number(process.env.E2E_PORT ?? 5173);
const appUrl = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  reporter: "list",
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: `npx vite --host 127.0.0.1 --port ${port} --strictPort`,
    url: appUrl,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
