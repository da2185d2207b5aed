// What the debugger specs share: opening an example and waiting for its flow on the canvas.
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
