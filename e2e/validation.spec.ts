// The first page end to end: an example opens clean, an invalid project lists its diagnostic
// by experience, its line link moves the caret there, and malformed JSON shows where it breaks.
// The editor is CodeMirror 6: its text is read from the session store's test hook (CodeMirror
// renders only the visible lines) and its caret line from CodeMirror's own active-line gutter.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { lintedLines } from "./debugger-page.ts";

/** A trigger action that only a CTA may hold (SPEC §2: goToStep previous only in a CTA). */
const backInTrigger = `{ "type": "goToStep", "step": "previous" }`;
const placeholder = "__FLOWSCOPE_BAD_ACTION__";

function editor(page: Page): Locator {
  return page.getByRole("textbox", { name: "Project JSON" });
}

function summary(page: Page): Locator {
  return page.getByRole("status", { name: "Validation summary" });
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOfText(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index, `"${needle}" should occur in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

/** The editor's whole text (the session store holds what the editor last reported). */
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
}

/** The caret's 1-based line, read from CodeMirror's active-line gutter (not from our status bar). */
async function caretLine(page: Page): Promise<number> {
  const text = await page.locator(".cm-lineNumbers .cm-activeLineGutter").textContent();
  return Number(text);
}

/** Caret to the start and scrolled to the top, so a jump is observable. */
async function caretToTop(page: Page): Promise<void> {
  await editor(page).press("Control+Home");
  await page.locator(".cm-scroller").evaluate((element) => {
    element.scrollTop = 0;
  });
}

/**
 * The shown example with one bad trigger added to the last step of its first experience, the
 * bad action alone on its line so that "its line" is unambiguous however the pointer resolves.
 */
function withBackInTrigger(exampleText: string): { text: string; experienceName: string } {
  const project = JSON.parse(exampleText);
  const experience = project.experiences[0];
  const lastStep = experience.steps[experience.steps.length - 1];
  lastStep.triggers = [
    ...(lastStep.triggers ?? []),
    { id: "e2e-back", on: { click: "#e2e-back" }, actions: [placeholder] },
  ];
  const text = JSON.stringify(project, null, 2).replace(`"${placeholder}"`, backInTrigger);
  return { text, experienceName: experience.name ?? experience.id };
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(editor(page)).toBeVisible();
});

test("opens on the onboarding tour example with no problems", async ({ page }, testInfo) => {
  await expect(page.getByRole("combobox", { name: "Example" })).toHaveValue("onboarding-tour");
  await expect(editor(page)).toContainText('"experiences"');
  await expect(summary(page)).toHaveText("No problems");
  await page.screenshot({ path: testInfo.outputPath("1-example-no-problems.png") });
});

test("lists a diagnostic under its experience and its line link moves the caret", async ({
  page,
}, testInfo) => {
  const textbox = editor(page);
  const { text, experienceName } = withBackInTrigger(await editorText(page));
  const bad = positionOfText(text, backInTrigger);
  await textbox.fill(text);

  await expect(summary(page)).toHaveText(/^1 error/);
  const group = page.getByRole("region", { name: experienceName });
  const linkName = new RegExp(`^line ${bad.line}:\\d+$`);
  // `has` is resolved inside each list item, so it is built from `page`, not from `group`.
  const item = group
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: linkName }) });
  await expect(item).toHaveCount(1);
  const link = item.getByRole("link", { name: linkName });
  await expect(item).toContainText("Error");
  await expect(item).toContainText("previousOnlyInCta");
  await expect(item).toContainText(/\/experiences\/0\/steps\/\d+\/triggers\/\d+\/actions\/0/);
  await page.screenshot({ path: testInfo.outputPath("2-diagnostic.png") });

  await caretToTop(page);
  await link.click();
  // The lint gutter marks the same line in the editor.
  await expect.poll(() => lintedLines(page)).toEqual([bad.line]);

  await expect(textbox).toBeFocused();
  expect(await caretLine(page)).toBe(bad.line);
  await expect(page.getByRole("status", { name: "Caret position" })).toContainText(
    `Ln ${bad.line},`,
  );
  await expect(page.locator("[data-highlighted-line]")).toHaveAttribute(
    "data-highlighted-line",
    String(bad.line),
  );
  await expect(page.locator(".line-highlight")).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath("3-caret-on-diagnostic-line.png") });
});

test("shows a parse error with its line and column, linked to the editor", async ({
  page,
}, testInfo) => {
  const textbox = editor(page);
  const malformed = '{\n  "version": 1,\n  "experiences": [,]\n}\n';
  // The parser stops at the stray comma: that is where the error must point.
  const comma = positionOfText(malformed, ",]");
  await textbox.fill(malformed);

  await expect(summary(page)).toHaveText("JSON syntax error");
  const parseError = page.getByRole("region", { name: "The text is not valid JSON" });
  await expect(parseError).toContainText(`Line ${comma.line}, column ${comma.column}`);
  await page.screenshot({ path: testInfo.outputPath("4-parse-error.png") });

  await caretToTop(page);
  await parseError.getByRole("link", { name: `line ${comma.line}:${comma.column}` }).click();
  await expect(textbox).toBeFocused();
  expect(await caretLine(page)).toBe(comma.line);
  await expect(page.getByRole("status", { name: "Caret position" })).toContainText(
    `Ln ${comma.line}, Col ${comma.column}`,
  );

  // Fixing the text clears the error again (re-validation as the user types).
  await textbox.fill(malformed.replace("[,]", "[]"));
  await expect(summary(page)).toHaveText("No problems");
});

test("keeps each example's edits when switching examples", async ({ page }) => {
  const picker = page.getByRole("combobox", { name: "Example" });
  const textbox = editor(page);
  const original = await editorText(page);
  const edited = original.replace('"version": 1', '"version": 1 ');
  expect(edited).not.toBe(original);
  await textbox.fill(edited);

  const other = await picker
    .locator("option")
    .evaluateAll(
      (options) =>
        (options as HTMLOptionElement[])
          .map((option) => option.value)
          .find((value) => value !== "onboarding-tour") ?? null,
    );
  test.skip(other === null, "needs a second example");
  await picker.selectOption(other as string);
  await expect.poll(() => editorText(page)).not.toBe(edited);

  await picker.selectOption("onboarding-tour");
  await expect.poll(() => editorText(page)).toBe(edited);
  await expect(picker.locator("option:checked")).toHaveText(/\(edited\)$/);

  // Revert asks first; the dialog's Revert throws the edits away.
  await page.getByRole("button", { name: "Revert changes" }).click();
  await page
    .getByRole("dialog", { name: /^Revert/ })
    .getByRole("button", { name: "Revert" })
    .click();
  await expect.poll(() => editorText(page)).toBe(original);
});
