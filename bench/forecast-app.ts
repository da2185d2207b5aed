// The Forecast panel in headless Chromium (production build), issue 13's "slider → updated
// funnel latency in the app for 100,000 users": the NPS example opened, the Forecast tab on
// its default model (100,000 users over 7 days, one session a day), then the promoters slider
// moved by one step at a time; each sample is the time from the key press to the funnel
// redrawn with the finished run (the panel's data-status back to "done", then a frame).
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../chromium.config.ts";
import { buildApp, previewUrl, startPreview } from "./ui-server.ts";

/** Installed before a key press: resolves with ms from the keydown to the next finished run. */
const untilFunnelInPage = `() => new Promise((resolve) => {
  const panel = document.querySelector('[data-testid="forecast-panel"]');
  let started = -1;
  let running = false;
  window.addEventListener("keydown", () => { started = performance.now(); }, { once: true, capture: true });
  const giveUp = setTimeout(() => resolve(-1), 60000);
  const observer = new MutationObserver(() => {
    const status = panel.getAttribute("data-status");
    if (status === "running") running = true;
    if (!running || status !== "done" || started < 0) return;
    observer.disconnect();
    clearTimeout(giveUp);
    requestAnimationFrame(() => resolve(performance.now() - started));
  });
  observer.observe(panel, { attributes: true, attributeFilter: ["data-status"] });
})`;

async function openForecast(page: Page): Promise<void> {
  await page.goto(previewUrl);
  await page.getByRole("combobox", { name: "Example" }).selectOption("nps-survey");
  await page.getByRole("tab", { name: "Forecast" }).click();
  const panel = page.getByTestId("forecast-panel");
  await panel.and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
}

/**
 * `moves` slider moves timed, ms, after `warmup` untimed ones (the workers' JIT warms up over
 * the first runs, as it does for a PM who moves a slider more than once); the app built and
 * served here.
 */
export async function appSliderLatency(
  moves = 16,
  warmup = 4,
): Promise<{ samples: number[]; users: string }> {
  buildApp();
  const server = await startPreview();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openForecast(page);
    const users =
      (await page.getByRole("slider", { name: "Users" }).getAttribute("aria-valuetext")) ?? "";
    const slider = page
      .getByTestId("forecast-panel")
      .getByRole("group", { name: "How likely to recommend" })
      .getByRole("slider", { name: /^promoters/ });
    await slider.focus();
    const samples: number[] = [];
    for (let i = 0; i < warmup + moves; i++) {
      const pending = page.evaluate(`(${untilFunnelInPage})()`) as Promise<number>;
      await slider.press(i % 2 === 0 ? "ArrowRight" : "ArrowLeft");
      const took = await pending;
      if (took < 0) throw new Error("the funnel did not update within 60 s of a slider move");
      if (i >= warmup) samples.push(took);
    }
    return { samples, users };
  } finally {
    await browser.close();
    server.stop();
  }
}
