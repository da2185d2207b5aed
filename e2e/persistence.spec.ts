// Saved work: edits and the session survive a reload (IndexedDB), and a share link opens the
// same project, persona and steps in a fresh browser context.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { encodeJsonToken } from "../app/persistence/share-codec.ts";
import { answer } from "./debugger-page.ts";

function stepOnScreen(page: Page) {
  return page.locator('[data-testid="step-on-screen"]');
}

/** The open documents (the menu is opened first). */
async function documents(page: Page) {
  const button = page.getByTitle("Open documents");
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  return page.getByRole("navigation", { name: "Documents" });
}

/** An item of the "Open" menu. */
async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByText("Open ▾", { exact: true }).click();
  await page.getByRole("menuitem", { name }).click();
}

async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
}

/** Types `suffix` right after the first `text` of the editor, found with the editor's own
 * search (Ctrl+F, type, Enter, Escape leaves the match selected). */
async function appendAfter(page: Page, text: string, suffix: string): Promise<void> {
  await page.getByRole("textbox", { name: "Project JSON" }).click();
  await page.keyboard.press("Control+f");
  await page.keyboard.type(text); // typed: the search panel reads its field on key events
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight"); // to the end of the match
  await page.keyboard.type(suffix);
}

async function allSaved(page: Page): Promise<void> {
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");
}

test("edits and the session are restored after a reload", async ({ page }, testInfo) => {
  test.slow(); // two full page loads on the dev server
  await page.goto("/?example=nps-survey");
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "score");
  await appendAfter(page, "Thank you!", " Really");
  await answer(page, 10);
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "thank-you");
  await expect(stepOnScreen(page)).toContainText("Thank you! Really");
  await openMenuItem(page, "New project");
  await (await documents(page)).getByRole("button", { name: /^Nps survey/ }).click();
  await allSaved(page);
  const text = await editorText(page);
  await page.screenshot({ path: testInfo.outputPath("1-before-reload.png") });

  await page.goto("/");
  await expect((await documents(page)).getByRole("listitem")).toHaveCount(2);
  await expect(
    (await documents(page)).getByRole("button", { name: /^Nps survey/ }),
  ).toHaveAttribute("aria-current", "page");
  await expect.poll(() => editorText(page)).toBe(text);
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "thank-you");
  await expect(stepOnScreen(page)).toContainText("Thank you! Really");
  await page.screenshot({ path: testInfo.outputPath("2-after-reload.png") });
});

test("a share link opens the same state in a fresh browser context", async ({
  page,
  browser,
}, testInfo) => {
  test.slow(); // a second browser context loads the whole app again
  await page.goto("/?example=nps-survey");
  await appendAfter(page, "Thank you!", " Shared");
  await answer(page, 10);
  await expect(stepOnScreen(page)).toHaveAttribute("data-step", "thank-you");
  const text = await editorText(page);

  await page.getByRole("button", { name: "Share link", exact: true }).click();
  const linkBox = page.getByRole("textbox", { name: "Share link" });
  await expect(linkBox).toHaveValue(/#share=v1\.d\./);
  const link = await linkBox.inputValue();
  expect(link.length).toBeLessThan(text.length);
  await page.screenshot({ path: testInfo.outputPath("3-share-link.png") });

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(link);
  await expect(stepOnScreen(other)).toHaveAttribute("data-step", "thank-you");
  await expect(stepOnScreen(other)).toContainText("Thank you! Shared");
  await expect.poll(() => editorText(other)).toBe(text);
  await expect(
    (await documents(other)).getByRole("button", { name: /^Nps survey/ }),
  ).toHaveAttribute("aria-current", "page");
  // The token is consumed: the address no longer carries it (a reload restores from storage).
  expect(new URL(other.url()).hash).toBe("");
  await other.screenshot({ path: testInfo.outputPath("4-shared-in-fresh-context.png") });
  await context.close();
});

test("a damaged share link says so and the page still works", async ({ page }) => {
  await page.goto("/#share=v1.d.not-a-real-token");
  await expect(page.getByText(/This share link cannot be opened/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Project JSON" })).toBeVisible();
});

test("the 3.9 KB link of 20,000 steps opens its first 1,000 and says it left the rest out", async ({
  page,
}) => {
  test.slow(); // 1,000 steps replay, in slices
  const token = await encodeJsonToken({
    v: 1,
    name: "Bomb",
    project: readFileSync("examples/nps-survey.json", "utf8"),
    session: {
      user: { id: "u", attributes: {} },
      personaId: null,
      start: { url: "/", at: "2026-01-05T09:00:00Z" },
      steps: Array.from({ length: 20_000 }, () => ({ do: "advance", hours: 1 })),
      selectedExperience: null,
    },
  });
  expect(token.length).toBeLessThan(4_000);
  await page.goto(`/#share=${token}`);
  await expect(
    page.getByText(/The link carried 20,000 script steps.*the last 19,000 left out/),
  ).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.__flowscope?.store.getState().moments.length), {
      timeout: 60_000,
    })
    .toBe(1_001);
  await expect(page.getByTestId("replay-progress")).toBeHidden();
  await expect(page.getByRole("textbox", { name: "Project JSON" })).toBeVisible();
});
