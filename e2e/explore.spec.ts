// The explorers under the canvas (issue 5, item 5): the Paths panel shows the NPS example's
// exact count per end (the same numbers explorePaths computes) and replays a coverage path on
// the canvas; on a big generated flow the computation shows its progress and can be
// cancelled, an out-of-date report saying so in words; the tabs follow the tabs pattern and a
// replay's state is in the rows' names and one live line. Screenshots are saved with the results.
import { readFileSync } from "node:fs";
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { generateProjectText } from "../bench/generate.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { project as projectSchema } from "../machines/format/schema.ts";
import { flowGraph } from "../machines/graph/index.ts";
import { canvas, expandPane, openExample } from "./debugger-page.ts";

const expect = baseExpect.configure({ timeout: 20_000 });
test.setTimeout(120_000);

const npsText = readFileSync(new URL("../examples/nps-survey.json", import.meta.url), "utf8");
const nps = projectSchema.parse(JSON.parse(npsText));

function explorer(page: Page): Locator {
  return page.getByTestId("explorer");
}

test("Paths: the NPS count per end, and a coverage path replayed on the canvas", async ({
  page,
}, testInfo) => {
  const report = explorePaths(nps, "quarterly-nps");
  await openExample(page, "nps-survey");
  await expandPane(page, "the explorers");
  const panel = explorer(page);
  await expect(panel.getByRole("tab", { name: /Paths/ })).toHaveAttribute("aria-selected", "true");
  const counts = panel.getByTestId("paths-count");
  await expect(counts).toHaveCount(5);
  for (const end of ["total", "completed", "dismissed", "snoozed", "launched"] as const) {
    const cell = counts.and(page.locator(`[data-end="${end}"]`));
    await expect(cell).toHaveAttribute("data-value", String(report.count[end]));
    await expect(cell.locator("dd")).toHaveText(String(report.count[end]));
  }
  const rows = panel.getByTestId("coverage-path");
  await expect(rows).toHaveCount(report.coverage.length);
  await page.screenshot({ path: testInfo.outputPath("paths-nps.png") });

  // The longest coverage path: its replay walks several steps on the canvas.
  const index = report.coverage.reduce(
    (best, p, i) => (p.steps.length > report.coverage[best].steps.length ? i : best),
    0,
  );
  const path = report.coverage[index];
  const row = rows.nth(index);
  await expect(row).toHaveAttribute("data-end", path.end);
  const live = panel.getByTestId("replay-progress");
  await expect(live).toHaveAttribute("aria-live", "polite");
  await row.click();
  await expect(row).toHaveAttribute("data-state", "replaying");
  await expect(row).toHaveAccessibleName(/; (replay starting|replaying step \d+ of \d+)$/);
  await page.screenshot({ path: testInfo.outputPath("paths-replaying.png") });
  await expect(row).toHaveAttribute("data-state", "replayed");
  await expect(row).toHaveAccessibleName(/; replayed$/);
  await expect(live).toHaveText(`Path ${index + 1} replayed: ${path.steps.length} steps.`);
  await expect(canvas(page)).toHaveAttribute("data-current", path.end);
  await expect(canvas(page).locator(`.end-node[data-end="${path.end}"]`)).toHaveAttribute(
    "data-current",
    "true",
  );
  // A list that moves nothing (`stays`) is drawn inside its step card, not as an edge.
  const loops = new Set(
    flowGraph(nps, "quarterly-nps")
      .edges.filter((e) => e.stays)
      .map((e) => e.id),
  );
  const edges = [...new Set(path.edges)].filter((edge) => !loops.has(edge));
  expect(edges.length).toBeGreaterThan(2);
  for (const edge of edges) {
    await expect(canvas(page).getByTestId(`rf__edge-${edge}`)).toHaveClass(/is-visited/);
  }
  await expect(canvas(page).locator(".react-flow__edge.is-visited")).toHaveCount(edges.length);
  await page.screenshot({ path: testInfo.outputPath("paths-replayed.png") });
});

test("a replay stops when the user travels on the timeline meanwhile", async ({ page }) => {
  const report = explorePaths(nps, "quarterly-nps");
  await openExample(page, "nps-survey");
  await expandPane(page, "the explorers");
  const panel = explorer(page);
  const index = report.coverage.reduce(
    (best, p, i) => (p.steps.length > report.coverage[best].steps.length ? i : best),
    0,
  );
  const row = panel.getByTestId("coverage-path").nth(index);
  await row.click();
  await page.evaluate(() => window.__flowscope?.store.travelTo(0));
  await expect(row).toHaveAttribute("data-state", "failed");
  await expect(row).toHaveAccessibleName(/; stopped after \d+ of \d+ steps$/);
  await expect(panel.getByTestId("replay-progress")).toContainText("the session changed");
  expect(await page.evaluate(() => window.__flowscope?.store.getState().cursor)).toBe(0);
});

test("Paths and Races form a tab list: arrows move, one tab in the Tab order", async ({ page }) => {
  await openExample(page, "nps-survey");
  const panel = explorer(page);
  const paths = panel.getByRole("tab", { name: /Paths/ });
  const races = panel.getByRole("tab", { name: /Races/ });
  await paths.focus();
  await page.keyboard.press("ArrowRight");
  await expect(races).toBeFocused();
  await expect(races).toHaveAttribute("aria-selected", "true");
  await expect(races).toHaveAttribute("tabindex", "0");
  await expect(paths).toHaveAttribute("aria-selected", "false");
  await expect(paths).toHaveAttribute("tabindex", "-1");
  await expect(races).toHaveAttribute("aria-controls", "explorer-body");
  await expect(paths).not.toHaveAttribute("aria-controls", /./);
  await expect(panel.getByRole("tabpanel")).toHaveAttribute(
    "aria-labelledby",
    "explorer-tab-races",
  );
  await page.keyboard.press("ArrowLeft");
  await expect(paths).toBeFocused();
  await expect(paths).toHaveAttribute("aria-selected", "true");
  // Collapsed: no panel, so nothing points at one.
  await panel.getByRole("button", { name: "Collapse the explorers" }).click();
  await expect(panel.getByRole("tabpanel")).toHaveCount(0);
  await expect(paths).not.toHaveAttribute("aria-controls", /./);
  await expect(panel.getByRole("button", { name: "Expand the explorers" })).not.toHaveAttribute(
    "aria-controls",
    /./,
  );
});

test("Races: the racy CTA of the multi-action example, its outcomes in words", async ({
  page,
}, testInfo) => {
  await openExample(page, "multi-action-cta");
  const panel = explorer(page);
  await panel.getByRole("tab", { name: /Races/ }).click();
  await expect(panel.getByTestId("races-summary")).toContainText("1 list depends on timing");
  const list = panel.getByTestId("racy-list");
  await expect(list).toHaveCount(1);
  await expect(list).toContainText("CTA “Complete my profile” on step nudge of profile-nudge");
  await expect(list.getByTestId("race-outcome")).toHaveCount(2);
  await expect(list).toContainText("profile-tour active at avatar");
  await page.screenshot({ path: testInfo.outputPath("races-multi-action.png") });
});

test("a big generated flow shows the progress bar, and Cancel stops it", async ({
  page,
}, testInfo) => {
  await openExample(page, "nps-survey");
  const panel = explorer(page);
  const status = panel.getByTestId("explorer-status");
  await expect(status).toHaveAttribute("data-status", "done");
  // Big enough that the explorers still run at each Cancel below: the bench's 10,000-step
  // project of 505 experiences, whose hundreds of racy lists each restore a world of all of
  // them (paths are linear now, so one long tour is over in a second).
  const text = generateProjectText();
  await page.evaluate((t) => window.__flowscope?.loadProject(t, "Generated tour"), text);
  const progress = panel.getByRole("progressbar", { name: "Explorer progress" });
  await expect(progress).toBeVisible();
  await expect(panel.getByTestId("explorer-phase")).toHaveText(/Starting|paths|Coverage|Races/);
  // The NPS races are shown faded while the new ones are computed, and said to be out of date.
  await panel.getByRole("tab", { name: /Races/ }).click();
  const stale = panel.getByTestId("explorer-stale");
  await expect(stale).toHaveRole("status");
  await expect(stale).toContainText("Computed for an earlier version of the project");
  await page.screenshot({ path: testInfo.outputPath("big-flow-progress.png") });

  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(progress).toHaveCount(0);
  await expect(status.getByRole("status")).toHaveText("Cancelled");
  await expect(stale).toContainText("Computed for an earlier version of the project");
  await expect(stale.getByRole("button", { name: "Run again" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("big-flow-cancelled.png") });

  // Run again starts over (and can be cancelled again).
  await status.getByRole("button", { name: "Run again" }).click();
  await expect(progress).toBeVisible();
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(status.getByRole("status")).toHaveText("Cancelled");
});
