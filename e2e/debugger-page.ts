// What the debugger specs share: opening an example and waiting for its flow on the canvas,
// the editor lines that carry a lint marker, answering the step on screen.
import { expect, type Locator, type Page } from "@playwright/test";

export function canvas(page: Page): Locator {
  return page.getByTestId("flow-canvas");
}

/** Opens an example from the picker; resolves once its flow is laid out on the canvas. */
export async function openExample(page: Page, id: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Example" }).selectOption(id);
  // The dev server compiles on first load and the machine may be busy: be patient.
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 20_000 });
}

/**
 * Opens a pane the workbench folds by default to give the canvas room ("the timeline", "the
 * explorers"), with the button its folded header shows.
 */
export async function expandPane(page: Page, pane: "the timeline" | "the explorers") {
  const expand = page.getByRole("button", { name: `Expand ${pane}`, exact: true });
  await expand.click();
  await expect(expand).toHaveCount(0);
}

/** Line numbers that carry a lint marker, matched to the line-number gutter by position. */
export async function lintedLines(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const numbers = [...document.querySelectorAll(".cm-lineNumbers .cm-gutterElement")];
    const markers = [...document.querySelectorAll(".cm-gutter-lint .cm-gutterElement")].filter(
      (element) => element.querySelector(".cm-lint-marker"),
    );
    return markers.map((marker) => {
      const top = marker.getBoundingClientRect().top;
      const row = numbers.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 2);
      return Number(row?.textContent ?? Number.NaN);
    });
  });
}

/** Clicks the answer button of the survey step on screen (NPS "Answer 10"). */
export async function answer(page: Page, value: number): Promise<void> {
  await page
    .getByTestId("step-on-screen")
    .getByRole("button", { name: `Answer ${value}`, exact: true })
    .click();
}
