// The debugger in headless Chromium against the production build (issue 4): layout and first
// paint of a generated 1,000-step flow (from handing the text to the app to the canvas's
// "painted" mark: validation, simulation, flow graph, layout in the worker, React, paint),
// and the time from a CTA click to the next step highlighted on the canvas.
import { type Browser, chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../chromium.config.ts";
import { type BenchSuite, formatTable, ms, percentile } from "./harness.ts";
import { uiBenchProject } from "./ui-project.ts";
import { buildApp, previewUrl, startPreview } from "./ui-server.ts";

export const paintTargetMs = 1500;
export const clickTargetMs = 150;
const steps = 1000;
/** A flow just under the ELK limit (elkNodeLimit): the biggest one ELK lays out. */
const elkSteps = 200;
const paintRuns = 5;
const clickRuns = 12;

/** Same browser as playwright.config.ts (system Chromium when present, same flags). */
async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

async function openApp(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(previewUrl);
  await page.locator('[data-testid="flow-canvas"]:not([data-layout="pending"])').waitFor();
  return page;
}

// In-page code is passed as text: tsx would wrap named functions in a helper the page lacks.

/** ms from loadProject(text) to the canvas's painted mark for a flow of ≥ `nodes` nodes. */
const paintInPage = `([text, nodes]) => new Promise((resolve) => {
  const started = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const mark of list.getEntries()) {
      if (mark.name !== "flowscope:canvas-painted" || mark.detail.nodes < nodes) continue;
      observer.disconnect();
      resolve({ ms: mark.startTime - started, engine: mark.detail.engine, layoutMs: mark.detail.layoutMs });
    }
  });
  observer.observe({ type: "mark" });
  window.__flowscope.loadProject(text, "bench");
})`;

/** ms from a click on the preview's primary CTA to `step` highlighted on the canvas (rAF). */
const clickInPage = `(step) => new Promise((resolve) => {
  const button = document.querySelector('[data-testid="step-on-screen"] .step-ctas .btn-primary');
  const started = performance.now();
  const giveUp = setTimeout(() => resolve(-1), 10000);
  button.click();
  const check = () => {
    if (document.querySelector('.step-node[data-step="' + step + '"][data-current]')) {
      clearTimeout(giveUp);
      resolve(performance.now() - started);
    } else requestAnimationFrame(check);
  };
  check();
})`;

interface Paint {
  ms: number;
  engine: string;
  layoutMs: number;
}

async function timePaint(page: Page, text: string, nodes: number): Promise<Paint> {
  return page.evaluate(`(${paintInPage})(${JSON.stringify([text, nodes])})`) as Promise<Paint>;
}

async function timeClick(page: Page, step: string): Promise<number> {
  const took = (await page.evaluate(`(${clickInPage})(${JSON.stringify(step)})`)) as number;
  if (took < 0) throw new Error(`step ${step} was not highlighted within 10 s of the click`);
  return took;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

function row(name: string, samples: number[]): string[] {
  const median = percentile(samples, 50);
  return [name, String(samples.length), ms(median), ms(percentile(samples, 95)), ms(samples[0])];
}

export const uiSuite: BenchSuite = {
  name: "ui",
  description: `the debugger in headless Chromium (production build): a ${steps}-step flow`,
  async run(log) {
    log("building the app (vite build)…");
    buildApp();
    const server = await startPreview();
    const browser = await launch();
    try {
      const text = uiBenchProject(steps);
      const paints: number[] = [];
      const layouts: number[] = [];
      let engine = "";
      for (let run = 0; run < paintRuns; run++) {
        const page = await openApp(browser);
        const paint = await timePaint(page, text, steps);
        paints.push(paint.ms);
        layouts.push(paint.layoutMs);
        engine = paint.engine;
        await page.close();
      }
      const elkPaints: number[] = [];
      const elkLayouts: number[] = [];
      for (let run = 0; run < paintRuns; run++) {
        const page = await openApp(browser);
        const paint = await timePaint(page, uiBenchProject(elkSteps), elkSteps);
        elkPaints.push(paint.ms);
        elkLayouts.push(paint.layoutMs);
        await page.close();
      }
      const page = await openApp(browser);
      await timePaint(page, text, steps);
      const clicks: number[] = [];
      for (let i = 2; i < 2 + clickRuns; i++) clicks.push(await timeClick(page, `s${i}`));
      await page.close();

      const p = sorted(paints);
      const e = sorted(elkPaints);
      const c = sorted(clicks);
      log(
        formatTable(
          ["", "runs", "median", "p95", "min"],
          [
            row(`open + layout + first paint (${steps} steps)`, p),
            row(`  of which layout in the worker (${engine})`, sorted(layouts)),
            row(`open + layout + first paint (${elkSteps} steps)`, e),
            row("  of which layout in the worker (elk)", sorted(elkLayouts)),
            row("CTA click → step highlighted", c),
          ],
        ),
      );
      const paintMet = percentile(p, 50) < paintTargetMs && percentile(e, 50) < paintTargetMs;
      const clickMet = percentile(c, 50) < clickTargetMs;
      log(
        `${paintMet ? "PASS" : "MISS"}  first paint median ${ms(percentile(p, 50))} (${steps} steps), ` +
          `${ms(percentile(e, 50))} (${elkSteps} steps, ELK) vs target < ${paintTargetMs} ms`,
      );
      log(
        `${clickMet ? "PASS" : "MISS"}  click → highlight median ${ms(percentile(c, 50))} vs target < ${clickTargetMs} ms`,
      );
      return { targetsMet: paintMet && clickMet };
    } finally {
      await browser.close();
      server.stop();
    }
  },
};
