// The Compare view (issue 11, item 3): the NPS example against an edited copy where the
// promoters now complete the survey. The merged canvas draws the rerouted edge twice — its new
// target green, its old one red — with the same change list `flowscope diff` prints beside
// it; a file picked from disk compares the same way; a relabelled copy is the same behaviour.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { openExample } from "./debugger-page.ts";

// The dev server compiles on first load and the machine may be busy: be patient, not flaky.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(90_000);

const npsFile = join(import.meta.dirname, "..", "examples", "nps-survey.json");
const npsText = readFileSync(npsFile, "utf8");

// biome-ignore lint/suspicious/noExplicitAny: the example edited in place
function edited(edit: (doc: any) => void): string {
  const doc = JSON.parse(npsText);
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

async function loadProject(page: Page, text: string, name: string): Promise<void> {
  await page.evaluate(([t, n]) => window.__flowscope?.loadProject(t, n), [text, name]);
}

async function showCompare(page: Page) {
  await page.getByRole("tab", { name: "Compare" }).click();
  await expect(page.getByTestId("compare-view")).toBeVisible();
}

const promotersComplete = edited((doc) => {
  doc.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
});

test("the Compare view draws a rerouted edge green (new target) and red (old one)", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openExample(page, "nps-survey");
  await loadProject(page, promotersComplete, "NPS — promoters complete");
  await showCompare(page);
  // The example, still open as another document, is the version to compare with.
  await page
    .getByRole("combobox", { name: "Version to compare with" })
    .selectOption({ label: "Nps survey" });
  const canvas = page.getByTestId("compare-canvas");
  await expect(canvas).toHaveAttribute("data-layout", /elk|fast/);
  await expect(canvas).toHaveAttribute("data-experience", "quarterly-nps");
  await expect(page.getByTestId("compare-verdict")).toHaveAttribute("data-same", "false");

  const added = canvas.locator('[data-testid="rf__edge-score/condition/promoters"]');
  const removed = canvas.locator('[data-testid="rf__edge-was:score/condition/promoters"]');
  await expect(added).toHaveClass(/diff-added/);
  await expect(removed).toHaveClass(/diff-removed/);
  await expect(canvas.locator(".react-flow__edge.diff-added")).toHaveCount(1);
  await expect(canvas.locator(".react-flow__edge.diff-removed")).toHaveCount(1);
  // Drawn in colour: the new route green, the old one red.
  const stroke = (edge: typeof added) =>
    edge.locator("path.react-flow__edge-path").evaluate((p) => getComputedStyle(p).stroke);
  expect(await stroke(added)).toBe("rgb(22, 163, 74)");
  expect(await stroke(removed)).toBe("rgb(220, 38, 38)");

  const changes = page.getByTestId("compare-changes");
  await expect(changes).toContainText(
    "answers 9–10 on “How likely to recommend” now complete the survey instead of going to “Thank you”",
  );
  await expect(changes).toContainText("paths per end: completed 4 → 3, dismissed 6 → 5");
  await expect(changes).toContainText("step “Thank you” is no longer reachable");
  // Room for the canvas: the project pane folded away (the explorers start folded).
  await page.getByRole("button", { name: "Collapse the project pane" }).click();
  await page.getByRole("button", { name: "Fit View" }).click();
  await expect(added).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("compare-rerouted-promoters.png") });
  await page
    .getByTestId("compare-view")
    .screenshot({ path: testInfo.outputPath("compare-view-rerouted-promoters.png") });
});

test("a file picked from disk is compared the same way; a relabelled copy is the same behaviour", async ({
  page,
}) => {
  await openExample(page, "nps-survey");
  await loadProject(page, promotersComplete, "NPS — promoters complete");
  await showCompare(page);
  await page.getByLabel("Version file").setInputFiles(npsFile);
  await expect(page.getByRole("combobox", { name: "Version to compare with" })).toHaveValue("file");
  const canvas = page.getByTestId("compare-canvas");
  await expect(canvas).toHaveAttribute("data-layout", /elk|fast/);
  await expect(canvas.locator(".react-flow__edge.diff-added")).toHaveCount(1);

  const relabelled = edited((doc) => {
    doc.experiences[0].steps[3].name = "Thanks";
    doc.experiences[0].steps[3].ctas[0].label = "Close";
  });
  await loadProject(page, relabelled, "NPS — relabelled");
  await page.getByLabel("Version file").setInputFiles(npsFile);
  const verdict = page.getByTestId("compare-verdict");
  await expect(verdict).toHaveAttribute("data-same", "true");
  await expect(verdict).toContainText("2 cosmetic changes only");
  await expect(page.getByTestId("compare-changes")).toContainText(
    "cosmetic: step “thank-you” renamed “Thank you” → “Thanks”",
  );
  await expect(canvas.locator(".react-flow__edge.diff-added")).toHaveCount(0);
});
