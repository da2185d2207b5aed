// The editor as a product manager meets it (issue 12): completion offers the project's own
// step ids where a Go to step names one and the allowed values of a step's kind; hovering a
// key explains it; Format lays minified JSON out, as one edit that one undo takes back.
import { expect, type Page, test } from "@playwright/test";

const project = `{
  "version": 1,
  "experiences": [
    {
      "id": "trial-expiry",
      "type": "tour",
      "status": "live",
      "steps": [
        {
          "id": "welcome",
          "kind": "modal",
          "ctas": [
            { "id": "go", "label": "Go", "actions": [{ "type": "goToStep", "step": "" }] }
          ]
        },
        { "id": "pick-plan", "kind": "" },
        { "id": "thanks", "kind": "modal" }
      ]
    }
  ]
}`;

// Loading the page and moving the caret by keys take a while on a busy machine.
test.describe.configure({ timeout: 90_000 });

function editor(page: Page) {
  return page.getByRole("textbox", { name: "Project JSON" });
}

/** Opens `text` as a new document and waits until the editor shows it. */
async function openText(page: Page, text: string, firstLine: string): Promise<void> {
  await page.goto("/");
  // The dev server compiles on first load and the machine may be busy: be patient.
  await expect(editor(page)).toBeVisible({ timeout: 20_000 });
  await page.evaluate((t) => window.__flowscope?.loadProject(t, "Editor test"), text);
  await expect(page.locator(".cm-line").first()).toHaveText(firstLine);
}

/**
 * The screen point at character `index` of the first occurrence of `needle` in the editor's
 * rendered lines (a point between two characters: where a click puts the caret).
 */
async function pointIn(
  page: Page,
  needle: string,
  index: number,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ needle, index }) => {
      for (const line of document.querySelectorAll(".cm-content .cm-line")) {
        const at = (line.textContent ?? "").indexOf(needle);
        if (at === -1) continue;
        let left = at + index;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (left <= length) {
            const range = document.createRange();
            range.setStart(node, left);
            range.setEnd(node, left);
            const rect = range.getBoundingClientRect();
            return { x: rect.left, y: rect.top + rect.height / 2 };
          }
          left -= length;
        }
      }
      return null;
    },
    { needle, index },
  );
  expect(point, `"${needle}" should be on screen in the editor`).not.toBeNull();
  return point as { x: number; y: number };
}

/**
 * Puts the caret at character `index` of the first occurrence of `needle` in `text` (the
 * editor's text) with the keyboard, as a user would: CodeMirror scrolls it into view even
 * when the line is wider than the pane.
 */
async function caretAt(page: Page, text: string, needle: string, index: number): Promise<void> {
  const offset = text.indexOf(needle) + index;
  const lines = text.slice(0, offset).split("\n");
  const lineText = text.split("\n")[lines.length - 1];
  const fromEnd = lineText.length - lines[lines.length - 1].length;
  await editor(page).click();
  await editor(page).press("Control+Home");
  for (let i = 1; i < lines.length; i++) await editor(page).press("ArrowDown");
  await editor(page).press("End");
  for (let i = 0; i < fromEnd; i++) await editor(page).press("ArrowLeft");
  const line = page.locator(".cm-lineNumbers .cm-activeLineGutter");
  await expect(line).toHaveText(String(lines.length));
}

async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
}

test("@workbench completion offers the project's own step ids for Go to step, and the step kinds", async ({
  page,
}) => {
  await openText(page, project, "{");
  const completions = page.locator(".cm-tooltip-autocomplete");

  // Between the quotes of "step": "" and ask for completion, as Ctrl+Space does.
  await caretAt(page, project, '"step": ""', '"step": "'.length);
  await editor(page).press("Control+Space");
  await expect(completions).toBeVisible();
  const labels = completions.locator(".cm-completionLabel");
  for (const offered of ["welcome", "pick-plan", "thanks", "next", "previous", "complete"]) {
    await expect(labels.filter({ hasText: new RegExp(`^${offered}$`) })).toHaveCount(1);
  }
  await page.screenshot({ path: "test-results/workbench-editor-completion-steps.png" });

  // Typing filters, Enter writes the id between the quotes.
  await editor(page).pressSequentially("pick");
  await expect(labels.first()).toHaveText("pick-plan");
  await editor(page).press("Enter");
  await expect.poll(() => editorText(page)).toContain('"step": "pick-plan"');

  // The kinds a step may be, each explained.
  const edited = await editorText(page);
  await caretAt(page, edited, '"pick-plan", "kind": ""', '"pick-plan", "kind": "'.length);
  await editor(page).press("Control+Space");
  await expect(labels.filter({ hasText: /^tooltip$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^nps$/ })).toHaveCount(1);
  await expect(page.locator(".cm-completionInfo")).toContainText("What the step is");
  await page.screenshot({ path: "test-results/workbench-editor-completion-kinds.png" });
  await editor(page).pressSequentially("tool");
  await editor(page).press("Enter");
  await expect.poll(() => editorText(page)).toContain('"id": "pick-plan", "kind": "tooltip"');
});

test("@workbench hovering a key shows its description", async ({ page }) => {
  await openText(page, project, "{");
  const key = await pointIn(page, '"kind": "modal"', 3);
  await page.mouse.move(key.x, key.y);
  const card = page.locator(".cm-tooltip-hover .json-hover");
  await expect(card).toBeVisible();
  await expect(card.locator(".json-hover-type")).toHaveText("kind: one of 14 values");
  await expect(card.locator(".json-hover-message")).toContainText(
    "What the step is. Tour: modal, tooltip",
  );
  await page.screenshot({ path: "test-results/workbench-editor-hover.png" });
});

test("@workbench Format lays minified JSON out, and one undo brings the minified text back", async ({
  page,
}) => {
  const valid = project
    .replace('"kind": ""', '"kind": "modal"')
    .replace('"step": ""', '"step": "next"');
  const minified = JSON.stringify(JSON.parse(valid));
  await openText(page, minified, minified);
  await expect(page.locator(".cm-line")).toHaveCount(1);

  await page.getByRole("button", { name: "Format" }).click();
  await expect(page.locator(".cm-line").nth(1)).toHaveText('  "version": 1,');
  const formatted = `${JSON.stringify(JSON.parse(minified), null, 2)}\n`;
  await expect.poll(() => editorText(page)).toBe(formatted);
  await page.screenshot({ path: "test-results/workbench-editor-format.png" });

  // One undo (the document's one history: Format was a single edit) restores the minified text.
  await editor(page).click();
  await editor(page).press("Control+z");
  await expect.poll(() => editorText(page)).toBe(minified);
  await expect(page.locator(".cm-line")).toHaveCount(1);
});

test("Format leaves invalid JSON as it is and says why", async ({ page }) => {
  const broken = '{"version": 1,,}';
  await openText(page, broken, broken);
  await editor(page).click();
  await editor(page).press("Shift+Alt+F");
  await expect(page.locator(".json-editor-note")).toContainText(
    "Not formatted: the text is not valid JSON (line 1, column 15",
  );
  await expect.poll(() => editorText(page)).toBe(broken);
});
