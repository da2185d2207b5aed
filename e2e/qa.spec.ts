// QA: record a session (the NPS example, answered 10), reload the page, load the recording and
// replay it: every expectation passes. Then change the promoters' condition in the editor so a
// 10 takes another branch: the replay shows which expectation fails and how.
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { answer } from "./debugger-page.ts";

/** The step the preview shows ([data-step] of the card on screen). */
function stepOnScreen(page: Page) {
  return page.locator('[data-testid="step-on-screen"]');
}

/** Selects the first `text` in the editor with its own search (Ctrl+F, type, Enter, Escape). */
async function selectInEditor(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Project JSON" }).click();
  await page.keyboard.press("Control+f");
  // Typed, not filled: the search panel reads its field on key events.
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}

function verdict(page: Page) {
  return page.getByRole("status", { name: "Replay verdict" });
}

function expectations(page: Page) {
  return page.getByRole("list", { name: "Expectations" }).getByRole("listitem");
}

test("a recorded session replays green, and red once the branch changes", async ({
  page,
}, testInfo) => {
  test.slow(); // record, reload, replay twice
  await page.goto("/?example=nps-survey");
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "score");

  // The session: a 10 leads to the thank-you step.
  await answer(page, 10);
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "thank-you");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Record", exact: true }).click(),
  ]);
  const file = testInfo.outputPath("nps-answer-10.recording.json");
  await download.saveAs(file);
  const recording = JSON.parse(await readFile(file, "utf8"));
  // Named as examples/recordings/ names it, so `flowscope replay` finds the example.
  expect(recording.project).toBe("../nps-survey.json");
  expect(recording.script.steps).toEqual([expect.objectContaining({ do: "answer", value: 10 })]);
  expect(recording.expect.experiences["quarterly-nps"]).toMatchObject({
    status: "active",
    step: "thank-you",
    visited: ["score", "thank-you"],
  });
  await page.screenshot({ path: testInfo.outputPath("1-recorded.png") });

  // A fresh page: the recording is loaded from the file and replayed step by step.
  await page.reload();
  await expect(stepOnScreen(page)).toBeVisible();
  await page.getByLabel("Recording file").setInputFiles(file);
  const replay = page.getByRole("region", { name: "Replay" });
  await expect(replay).toBeVisible();
  await expect(verdict(page)).toContainText("0 of 1 steps replayed");
  await replay.getByRole("button", { name: "Step" }).click();
  await expect(verdict(page)).toHaveText(/^All \d+ expectations pass$/);
  await expect(expectations(page).filter({ hasText: "fails" })).toHaveCount(0);
  // The replay drove the session: the preview shows where the recording ended.
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "thank-you");
  await page.screenshot({ path: testInfo.outputPath("2-replay-passes.png") });

  // Promoters now only 9: a 10 falls through to the fallback (the "make it a 10" question).
  // (No bracket or quote is typed: with a selection, the editor would wrap it in them.)
  await selectInEditor(page, "9, 10");
  await page.keyboard.type("9, 9");
  await expect(page.locator(".cm-line", { hasText: '"between": [9, 9]' })).toHaveCount(1);
  await expect(page.getByRole("status", { name: "Validation summary" })).toHaveText("No problems");

  await replay.getByRole("button", { name: "Restart" }).click();
  await replay.getByRole("button", { name: "Run all" }).click();
  await expect(verdict(page)).toHaveText(/^\d+ of \d+ expectations fail/);
  const visited = expectations(page).filter({ hasText: "quarterly-nps · visited" });
  await expect(visited).toContainText("fails");
  await expect(visited).toContainText('["score","thank-you"]');
  await expect(visited).toContainText('["score","passive-reason"]');
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "passive-reason");
  await page.screenshot({ path: testInfo.outputPath("3-replay-fails-after-edit.png") });
});

test("a file that is not a recording is refused with its place", async ({ page }) => {
  await page.goto("/?example=nps-survey");
  await page.getByLabel("Recording file").setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      '{\n  "project": "x",\n  "script": { "steps": [ { "do": "fly" } ] },\n  "expect": {}\n}\n',
    ),
  });
  await expect(page.getByRole("alert")).toContainText("bad.json:3:");
  await expect(page.getByRole("alert")).toContainText("/script/steps/0/do");
  await expect(page.getByRole("region", { name: "Replay" })).toHaveCount(0);
});
