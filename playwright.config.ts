// End-to-end tests: Chromium against the Vite dev server. On this machine (and in CI after
// .ci/run installs it) the system Chromium is used; elsewhere Playwright's own browser.
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.config.ts";

const appUrl = "http://127.0.0.1:5173";

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
    command: "npx vite --host 127.0.0.1 --port 5173 --strictPort",
    url: appUrl,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
