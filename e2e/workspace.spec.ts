// The workspace: an invalid edit is marked at its line in the editor (lint gutter + underline),
// pasted JSON and a new project open as documents beside the others (edits are never lost),
// a project file opens too, and the editor completes from the project's JSON Schema.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { lintedLines } from "./debugger-page.ts";

function editor(page: Page): Locator {
  return page.getByRole("textbox", { name: "Project JSON" });
}

/** The open documents (the menu is opened first). */
async function documents(page: Page): Promise<Locator> {
  const button = page.getByTitle("Open documents");
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  return page.getByRole("navigation", { name: "Documents" });
}

/** An item of the "Open" menu. */
async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByText("Open ▾", { exact: true }).click();
  await page.getByRole("menuitem", { name }).click();
}

/** The editor's whole text (the session store holds what the editor last reported). */
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
}

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  expect(index, `"${needle}" should occur`).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split("\n").length;
}

/**
 * Puts the caret just before the closing quote of the first `"key": "value"` of the editor,
 * found with the editor's own search (Ctrl+F, type, Enter; Escape leaves the match selected).
 */
async function caretInValue(page: Page, keyValue: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("Control+f");
  await page.keyboard.type(keyValue); // typed: the search panel reads its field on key events
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight"); // to the end of the match
  await page.keyboard.press("ArrowLeft"); // before its closing quote
}

test.beforeEach(async ({ page }) => {
  // The whole debugger loads unbundled from the dev server: allow for a busy machine.
  test.setTimeout(60_000);
  await page.goto("/?example=onboarding-tour");
  await expect(editor(page)).toBeVisible();
  await expect(page.getByRole("status", { name: "Validation summary" })).toHaveText("No problems");
});

test("an invalid edit is marked at its line in the editor", async ({ page }, testInfo) => {
  const before = await editorText(page);
  const statusLine = lineOf(before, '"status": "live"');
  await caretInValue(page, '"status": "live"');
  await page.keyboard.type("ly");

  await expect(page.getByRole("status", { name: "Validation summary" })).toHaveText(/^1 error/);
  await expect.poll(() => lintedLines(page)).toEqual([statusLine]);
  const underlined = page.locator(".cm-line", { has: page.locator(".cm-lintRange-error") });
  await expect(underlined).toHaveCount(1);
  await expect(underlined).toContainText('"status": "lively"');

  // Hovering the marker tells what is wrong, in the editor itself.
  await page.locator(".cm-lint-marker-error").hover();
  await expect(page.locator(".cm-tooltip-lint")).toContainText(/status/);
  await page.screenshot({ path: testInfo.outputPath("1-invalid-edit-marked-at-its-line.png") });

  // Fixing it clears the marker.
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect(page.getByRole("status", { name: "Validation summary" })).toHaveText("No problems");
  await expect.poll(() => lintedLines(page)).toEqual([]);
});

test("pasted JSON opens as a new document; the edited one is kept", async ({ page }, testInfo) => {
  await caretInValue(page, '"name": "Workspace onboarding"');
  await page.keyboard.type(" v2");
  const edited = await editorText(page);
  expect(edited).toContain("Workspace onboarding v2");

  const pasted = JSON.stringify(
    {
      version: 1,
      experiences: [
        {
          id: "pasted-banner",
          name: "Pasted banner",
          type: "banner",
          status: "live",
          showOn: { trigger: "auto", urls: ["/"] },
          steps: [{ id: "b", kind: "banner", ctas: [] }],
        },
      ],
    },
    null,
    2,
  );
  await openMenuItem(page, "Paste JSON…");
  const dialog = page.getByRole("dialog", { name: "Open pasted JSON" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("My pasted project");
  await dialog.getByRole("textbox", { name: "Pasted JSON" }).fill(pasted);
  await page.screenshot({ path: testInfo.outputPath("2-paste-dialog.png") });
  await dialog.getByRole("button", { name: "Open" }).click();

  await expect(dialog).toBeHidden();
  await expect(
    (await documents(page)).getByRole("button", { name: "My pasted project", exact: true }),
  ).toHaveAttribute("aria-current", "page");
  await expect.poll(() => editorText(page)).toBe(pasted);
  await expect(editor(page)).toContainText('"pasted-banner"');
  await page.screenshot({ path: testInfo.outputPath("3-pasted-document.png") });

  // The edited document is still there, with its edit.
  await (await documents(page)).getByRole("button", { name: /^Onboarding tour/ }).click();
  await expect.poll(() => editorText(page)).toBe(edited);
});

test("a new project opens a small valid template", async ({ page }, testInfo) => {
  await openMenuItem(page, "New project");
  await expect(
    (await documents(page)).getByRole("button", { name: "New project", exact: true }),
  ).toHaveAttribute("aria-current", "page");
  await expect(editor(page)).toContainText('"welcome-tour"');
  await expect(page.getByRole("status", { name: "Validation summary" })).toHaveText("No problems");
  // The example stays open beside it.
  await expect((await documents(page)).getByRole("listitem")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("4-new-project.png") });
});

test("a project file opens as a document", async ({ page }) => {
  const text = '{\n  "version": 1,\n  "experiences": []\n}\n';
  await page.getByLabel("Project file").setInputFiles({
    name: "empty-project.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  await expect(
    (await documents(page)).getByRole("button", { name: "empty-project", exact: true }),
  ).toHaveAttribute("aria-current", "page");
  await expect.poll(() => editorText(page)).toBe(text);
});

test("the editor completes values from the JSON Schema", async ({ page }, testInfo) => {
  await caretInValue(page, '"type": "tour"');
  for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("s");
  const options = page.locator(".cm-tooltip-autocomplete li");
  await expect(options).toHaveText(["survey"]);
  await page.screenshot({ path: testInfo.outputPath("5-schema-completion.png") });
  await page.keyboard.press("Enter");
  await expect(page.locator(".cm-line", { hasText: '"type": "survey"' })).toHaveCount(1);
});
