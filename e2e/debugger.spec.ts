// The debugger's core end to end (issue 4, "Must show"): a product manager answers the NPS
// survey and sees the right step in the preview and on the canvas; a CTA with several actions
// shows them in timeline lanes with their latencies and the navigation that interrupts its
// launch; time travel brings preview, canvas and clock back; an invalid edit keeps the last
// valid flow on the canvas. Screenshots of each state are saved with the test results.
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { answer, canvas, expandPane, openExample } from "./debugger-page.ts";

// The dev server compiles on first load and the machine may be busy: be patient, not flaky.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(90_000);

function stepOnScreen(page: Page): Locator {
  return page.getByTestId("step-on-screen");
}

/** The step card drawn on the canvas for a step id. */
function canvasStep(page: Page, step: string): Locator {
  return canvas(page).locator(`.step-node[data-step="${step}"]`);
}

async function expectOnScreenAndHighlighted(page: Page, step: string): Promise<void> {
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", step);
  await expect(canvasStep(page, step)).toHaveAttribute("data-current", "true");
  await expect(canvas(page).locator(".step-node[data-current]")).toHaveCount(1);
}

test("NPS: 10 shows the thank-you step, 3 the tell-us-more step", async ({ page }, testInfo) => {
  await openExample(page, "nps-survey");
  await expectOnScreenAndHighlighted(page, "score");

  await answer(page, 10);
  await expectOnScreenAndHighlighted(page, "thank-you");
  await expect(stepOnScreen(page)).toContainText("Thank you!");
  // The edge the answer took is marked on the canvas.
  await expect(canvas(page).locator(".react-flow__edge.is-visited")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("nps-answer-10.png") });

  await page.getByRole("button", { name: "Restart" }).click();
  await expectOnScreenAndHighlighted(page, "score");
  await answer(page, 3);
  await expectOnScreenAndHighlighted(page, "tell-us-more");
  await expect(stepOnScreen(page)).toContainText("What is the one thing we should fix first?");
  await expect(canvasStep(page, "thank-you")).not.toHaveAttribute("data-current", "true");
  await page.screenshot({ path: testInfo.outputPath("nps-answer-3.png") });
});

test("a CTA's actions show in lanes; the navigation interrupting its launch is marked", async ({
  page,
}, testInfo) => {
  await openExample(page, "multi-action-cta");
  await expandPane(page, "the timeline");
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "nudge");

  // Actions stay in flight (the recording's `settle: false`), then the user navigates away.
  await page.getByRole("checkbox", { name: "Land actions at once" }).uncheck();
  await stepOnScreen(page).getByRole("button", { name: "Complete my profile" }).click();
  const address = page.getByRole("textbox", { name: "Page URL" });
  await address.fill("/inbox");
  await address.press("Enter");
  await page.getByRole("button", { name: /Land \d+ in flight/ }).click();

  const lanes = page.getByTestId("lane");
  const lane = (action: string) => lanes.and(page.locator(`[data-action="${action}"]`));
  await expect(lane("launchExperience")).toHaveAttribute("data-latency", "300");
  await expect(lane("launchExperience")).toHaveAttribute("data-outcome", "interrupted");
  await expect(lane("launchExperience")).toContainText("interrupted");
  await expect(lane("navigateTo")).toHaveAttribute("data-latency", "400");
  await expect(lane("runJs")).toHaveAttribute("data-latency", "0");
  await expect(page.locator(".action-list[data-raced] .race-badge")).toBeVisible();
  await expect(
    page.getByTestId("trace-entry").and(page.locator('[data-type="launch.interrupted"]')),
  ).toContainText("interrupted");
  // The navigation still landed: the address bar shows the profile page.
  await expect(address).toHaveValue("/users/usr_8f3k2m/profile");
  await page.screenshot({ path: testInfo.outputPath("cta-lanes-interrupted.png") });
});

test("time travel: an earlier timeline entry brings back preview, canvas and clock", async ({
  page,
}, testInfo) => {
  await openExample(page, "nps-survey");
  await expandPane(page, "the timeline");
  await answer(page, 10);
  await expectOnScreenAndHighlighted(page, "thank-you");
  await page.getByRole("button", { name: "+24 h" }).click();
  await expect(page.getByTestId("clock")).toHaveAttribute("data-ms", String(24 * 3_600_000));
  await stepOnScreen(page).getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("nothing-on-screen")).toBeVisible();
  await expect(canvas(page).locator('.end-node[data-end="completed"]')).toHaveAttribute(
    "data-current",
    "true",
  );
  await page.screenshot({ path: testInfo.outputPath("time-travel-before.png") });

  await page.getByTestId("trace-entry").and(page.locator('[data-type="answer.submitted"]')).click();
  await expectOnScreenAndHighlighted(page, "thank-you");
  await expect(page.getByTestId("clock")).toHaveAttribute("data-ms", "0");
  await expect(canvas(page).locator(".end-node[data-current]")).toHaveCount(0);
  // Later moments stay listed (dimmed) until the user continues from here.
  await expect(page.locator(".entry-group[data-future]")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("time-travel-after.png") });

  // Continuing from the past drops the future.
  await page
    .getByTestId("step-on-screen")
    .getByRole("button", { name: "Leave a review", exact: true })
    .click();
  await expect(page.locator(".entry-group[data-future]")).toHaveCount(0);
  await expect(page.locator(".entry-group")).toHaveCount(3);
});

test("an invalid edit keeps the last valid flow on the canvas and says so", async ({
  page,
}, testInfo) => {
  await openExample(page, "nps-survey");
  await answer(page, 10);
  await expectOnScreenAndHighlighted(page, "thank-you");

  const editor = page.getByRole("textbox", { name: "Project JSON" });
  await editor.click();
  await editor.press("Control+Home");
  await editor.pressSequentially("oops");

  await expect(page.getByTestId("last-valid-notice")).toBeVisible();
  await expect(canvas(page)).toHaveAttribute("data-stale", "true");
  await expect(canvas(page)).toContainText("Showing the last valid flow");
  // The last valid flow is still drawn, with the run still on it.
  await expect(canvas(page).locator(".step-node")).toHaveCount(5);
  await expectOnScreenAndHighlighted(page, "thank-you");
  await page.screenshot({ path: testInfo.outputPath("invalid-edit-last-valid.png") });

  // Undoing the edit makes the text valid again: the notice goes away.
  for (let i = 0; i < 4; i++) await editor.press("Backspace");
  await expect(page.getByTestId("last-valid-notice")).toHaveCount(0);
  await expect(canvas(page)).not.toHaveAttribute("data-stale", "true");
});
