// The Forecast panel (issue 13, item 4): a PM opens the NPS example, moves the promoters'
// share of answers from 20% to 60%, and the Thank-you step (where the promoters condition
// leads) is reached by more users, on the canvas's badge and in the funnel alike. The model
// the sliders made is kept with the document: it comes back after a reload.
import { readFileSync } from "node:fs";
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { canvas, openExample } from "./debugger-page.ts";

const expect = baseExpect.configure({ timeout: 30_000 });
test.setTimeout(120_000);

const nps = JSON.parse(
  readFileSync(new URL("../examples/nps-survey.json", import.meta.url), "utf8"),
);
/** The step the promoters condition goes to (the "Thank-you"). */
const promotersStep: string = nps.experiences[0].steps[0].conditions.find(
  (c: { id: string }) => c.id === "promoters",
).actions[0].step;

function panel(page: Page): Locator {
  return page.getByTestId("forecast-panel");
}

function promotersSlider(page: Page): Locator {
  return panel(page)
    .getByRole("group", { name: "How likely to recommend" })
    .getByRole("slider", { name: /^promoters/ });
}

/** Moves a slider to `value` as a keyboard user would (Home, then the arrow key). */
async function setSlider(slider: Locator, value: number): Promise<void> {
  await slider.focus();
  await slider.press("Home");
  for (let i = 0; i < value; i++) await slider.press("ArrowRight");
  await expect(slider).toHaveValue(String(value));
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    panel(page).getByRole("button", { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

function percentOf(text: string | null): number {
  const match = /^(\d+(?:\.\d+)?)%$/.exec((text ?? "").trim());
  if (!match) throw new Error(`not a percentage: ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/** The promoters step's reach once the run is done: on the canvas badge and in the funnel. */
async function thankYouReach(page: Page): Promise<{ canvas: number; funnel: number }> {
  await expect(panel(page)).toHaveAttribute("data-status", "done");
  const funnel = panel(page)
    .locator('section[data-experience="quarterly-nps"]')
    .locator(`tr[data-step="${promotersStep}"]`)
    .getByTestId("funnel-reach");
  const badge = canvas(page).locator(`[data-step="${promotersStep}"]`).getByTestId("reach-badge");
  const funnelText = await funnel.textContent();
  // Both come from the same run: the canvas shows what the funnel shows.
  await expect(badge).toHaveText(funnelText ?? "");
  return { canvas: percentOf(await badge.textContent()), funnel: percentOf(funnelText) };
}

test("@workbench a PM moves the promoters slider from 20% to 60%: Thank-you's reach rises on the canvas and in the funnel", async ({
  page,
}) => {
  expect(promotersStep).toBe("thank-you");
  await openExample(page, "nps-survey");
  await page.getByRole("tab", { name: "Forecast" }).click();
  await expect(canvas(page)).toHaveAttribute("data-traffic", "shown");
  await expect(panel(page).getByRole("slider", { name: "Users" })).toHaveAttribute(
    "aria-valuetext",
    "100,000 users",
  );

  const promoters = promotersSlider(page);
  await setSlider(promoters, 20);
  await expect(promoters).toHaveAttribute("aria-valuetext", "20.0%");
  const low = await thankYouReach(page);

  await setSlider(promoters, 60);
  await expect(promoters).toHaveAttribute("aria-valuetext", "60.0%");
  const high = await thankYouReach(page);
  expect(high.canvas).toBeGreaterThan(low.canvas);
  expect(high.funnel).toBeGreaterThan(low.funnel);
  // A threefold share of promoters: far more than sampling noise with 100,000 users.
  expect(high.funnel).toBeGreaterThan(2 * low.funnel);

  // More of the flow in view for the screenshot: the preview folded, the canvas zoomed out
  // (xyflow's zoom buttons move at once; Fit View keeps text readable, so frames less).
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByRole("button", { name: "Expand the preview" })).toBeVisible();
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Zoom Out" }).click();
  const box = await canvas(page).boundingBox();
  if (box) {
    // Drag the empty top of the canvas left: the flow's later steps come into view.
    const y = box.y + 30;
    await page.mouse.move(box.x + box.width - 40, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 420, y, { steps: 8 });
    await page.mouse.up();
  }
  await page.screenshot({ path: "test-results/workbench-forecast.png" });

  // The model downloads as the JSON the CLI reads (--model), the result as CSV.
  const model = await download(page, "Export model");
  expect(model.name).toBe("nps-survey.forecast.json");
  const answer: Record<string, number> = JSON.parse(model.text).behaviour["quarterly-nps"].score
    .answer;
  const answers = Object.values(answer).reduce((sum, w) => sum + w, 0);
  expect((answer["9"] + answer["10"]) / answers).toBeCloseTo(0.6, 4);
  const csv = await download(page, "Export CSV");
  expect(csv.name).toBe("nps-survey.forecast.csv");
  const row = csv.text
    .split("\r\n")
    .find((line) => line.startsWith(`quarterly-nps,step,${promotersStep},`));
  expect(Number(row?.split(",")[4]) * 100).toBeCloseTo(high.funnel, 1);

  // The model is kept with the document: after a reload the slider is where it was left.
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");
  await page.goto("/");
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 20_000 });
  await page.getByRole("tab", { name: "Forecast" }).click();
  await expect(promotersSlider(page)).toHaveAttribute("aria-valuetext", "60.0%");
  const again = await thankYouReach(page);
  expect(again.funnel).toBe(high.funnel); // same model, same seed: the same forecast
});
