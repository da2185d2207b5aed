// The workbench layout (issue 12, "Must show" — Layout): the canvas takes most of the window on
// a first visit (≥ 40% of 1280×720, ≥ 45% of 1440×900); a pane resized by its separator keeps
// its size after a reload; "Why not shown?" is reachable at 1280×720; tabs move with the arrow
// keys; Escape closes the Share link popup and the Open menu, the focus back on their buttons;
// Revert asks first; focus mode shows the canvas full window with the preview floating.
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { canvas, openExample } from "./debugger-page.ts";

// The dev server compiles on first load and the machine may be busy: be patient, not flaky.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(90_000);

/** The canvas element's share of the window, from its bounding box. */
async function canvasShare(page: Page): Promise<number> {
  const box = await canvas(page).boundingBox();
  const size = page.viewportSize();
  if (!box || !size) throw new Error("no canvas box or viewport");
  return (box.width * box.height) / (size.width * size.height);
}

async function paneWidth(page: Page, id: string): Promise<number> {
  const box = await page.locator(`#${id}`).boundingBox();
  if (!box) throw new Error(`no box for #${id}`);
  return box.width;
}

for (const [width, height, least] of [
  [1280, 720, 0.4],
  [1440, 900, 0.45],
] as const) {
  test(`@workbench at ${width}×${height} the canvas takes ≥ ${least * 100}% of the window on first load`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openExample(page, "nps-survey");
    const share = await canvasShare(page);
    expect(share).toBeGreaterThanOrEqual(least);
    // Every other pane is on screen, or one click away.
    await expect(page.getByRole("textbox", { name: "Project JSON" })).toBeVisible();
    await expect(page.getByTestId("step-on-screen")).toBeVisible();
    await expect(page.getByRole("button", { name: "Expand the timeline" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Expand the explorers" })).toBeVisible();
    await page.screenshot({ path: `test-results/workbench-${width}x${height}.png` });
  });
}

test("@workbench a pane resized by its separator keeps its size after a reload", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openExample(page, "nps-survey");

  // The preview's separator, dragged 90 px to the left: the preview widens.
  const previewBefore = await paneWidth(page, "pane-preview");
  const separator = page.getByRole("separator", { name: "Resize the preview" });
  const box = await separator.boundingBox();
  if (!box) throw new Error("no separator box");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 45, y, { steps: 5 });
  await page.mouse.move(x - 90, y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => paneWidth(page, "pane-preview")).toBeGreaterThan(previewBefore + 60);

  // The project pane's separator, from the keyboard: ArrowRight widens it.
  const projectBefore = await paneWidth(page, "pane-project");
  await page.getByRole("separator", { name: "Resize the project pane" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => paneWidth(page, "pane-project")).toBeGreaterThan(projectBefore + 40);

  // The timeline opened from its folded header.
  await page.getByRole("button", { name: "Expand the timeline" }).click();
  await expect(page.getByRole("button", { name: "Timeline", exact: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const timelineHeight = async () =>
    (await page.locator("#pane-timeline").boundingBox())?.height ?? 0;
  await expect.poll(timelineHeight).toBeGreaterThan(120);

  const preview = await paneWidth(page, "pane-preview");
  const project = await paneWidth(page, "pane-project");
  const timeline = await timelineHeight();
  await page.reload();
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 20_000 });
  // Within 2 px: sizes are saved as shares of the window, rounded.
  const off = (now: () => Promise<number>, was: number) => async () =>
    Math.abs((await now()) - was);
  await expect.poll(off(() => paneWidth(page, "pane-preview"), preview)).toBeLessThanOrEqual(2);
  await expect.poll(off(() => paneWidth(page, "pane-project"), project)).toBeLessThanOrEqual(2);
  await expect.poll(off(timelineHeight, timeline)).toBeLessThanOrEqual(2);
  await expect(page.getByTestId("trace-entry").first()).toBeVisible();
  await page.screenshot({ path: "test-results/workbench-resized-reloaded.png" });
});

test("@workbench at 1280×720 “Why not shown?” is reachable in the preview", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openExample(page, "snoozable-nps");
  await page
    .getByTestId("step-on-screen")
    .getByRole("button", { name: "Remind me tomorrow" })
    .click();
  const why = page.getByRole("region", { name: "Why not shown?" });
  await expect(why).toHaveAttribute("data-state", "hidden");
  await why.getByRole("heading", { name: "Why not shown?" }).scrollIntoViewIfNeeded();
  await expect(why.getByRole("heading", { name: "Why not shown?" })).toBeInViewport();
  const reason = why.getByTestId("why-reason").first();
  await reason.scrollIntoViewIfNeeded();
  await expect(reason).toBeInViewport();
  await page.screenshot({ path: "test-results/workbench-why-1280x720.png" });
});

test("@workbench tabs move with the arrow keys; Escape closes the Share link popup and the Open menu", async ({
  page,
}) => {
  await openExample(page, "nps-survey");

  // The center tabs: one tab in the Tab order, arrows select and move the focus.
  const flow = page.getByRole("tab", { name: "Flow", exact: true });
  const launch = page.getByRole("tab", { name: "Launch graph" });
  const inspector = page.getByRole("tab", { name: "Inspector" });
  await flow.focus();
  await page.keyboard.press("ArrowRight");
  await expect(launch).toBeFocused();
  await expect(launch).toHaveAttribute("aria-selected", "true");
  await expect(launch).toHaveAttribute("tabindex", "0");
  await expect(flow).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("End");
  await expect(inspector).toBeFocused();
  await expect(inspector).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(flow).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(inspector).toBeFocused();
  await page.keyboard.press("Home");
  await expect(flow).toHaveAttribute("aria-selected", "true");

  // The left pane's tabs: Edit and JSON.
  const json = page.getByRole("tab", { name: "JSON" });
  const edit = page.getByRole("tab", { name: "Edit" });
  await expect(json).toHaveAttribute("aria-selected", "true");
  await json.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(edit).toBeFocused();
  await expect(edit).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("textbox", { name: "Project JSON" })).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("textbox", { name: "Project JSON" })).toBeVisible();

  // Share link: a real button; Escape closes its popup and the focus comes back.
  const share = page.getByRole("button", { name: "Share link", exact: true });
  await share.click();
  await expect(share).toHaveAttribute("aria-expanded", "true");
  const popup = page.getByRole("dialog", { name: "Share this session" });
  await expect(popup.getByRole("textbox", { name: "Share link" })).toHaveValue(/#share=/);
  await popup.getByRole("textbox", { name: "Share link" }).focus();
  await page.keyboard.press("Escape");
  await expect(popup).toHaveCount(0);
  await expect(share).toHaveAttribute("aria-expanded", "false");
  await expect(share).toBeFocused();

  // The Open menu from the keyboard: ArrowDown opens on its first item, Escape goes back.
  const open = page.getByRole("button", { name: "Open ▾", exact: true });
  await open.focus();
  await page.keyboard.press("ArrowDown");
  const menu = page.getByRole("menu", { name: "Open" });
  await expect(menu.getByRole("menuitem", { name: "Open file…" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Paste JSON…" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "New project" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute("aria-expanded", "false");
});

test("@workbench Revert asks first: Escape keeps the edits, Revert drops them", async ({
  page,
}) => {
  await openExample(page, "nps-survey");
  const text = () => page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
  const original = await text();
  const editor = page.getByRole("textbox", { name: "Project JSON" });
  await editor.click();
  await editor.press("Control+End");
  await editor.pressSequentially(" ");
  await expect.poll(text).not.toBe(original);
  const edited = await text();

  const revert = page.getByRole("button", { name: "Revert changes" });
  await revert.click();
  const dialog = page.getByRole("dialog", { name: /^Revert/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep my edits" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(revert).toBeFocused();
  expect(await text()).toBe(edited);

  await revert.click();
  await dialog.getByRole("button", { name: "Revert", exact: true }).click();
  await expect.poll(text).toBe(original);
  await expect(revert).toHaveCount(0);
});

test("@workbench focus mode: the canvas full window, the preview floating; remembered; Escape leaves", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openExample(page, "nps-survey");
  await page.getByRole("tab", { name: "Flow", exact: true }).focus();
  await page.keyboard.press("f");
  await expect(page.getByRole("button", { name: "Exit focus" })).toBeVisible();
  await expect.poll(() => canvasShare(page)).toBeGreaterThan(0.85);
  // The preview floats over the canvas, still working.
  await expect(page.getByTestId("step-on-screen")).toBeInViewport();
  // The editor is covered by the canvas, and out of the keyboard's reach.
  const covered = () =>
    page.locator(".cm-content").evaluate((editor) => {
      const box = editor.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return !editor.contains(top) && editor.closest("[inert]") !== null;
    });
  await expect.poll(covered).toBe(true);
  await page.screenshot({ path: "test-results/workbench-focus-1280x720.png" });

  await page.reload();
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Exit focus" })).toBeVisible();
  await page.getByRole("button", { name: "Exit focus" }).focus();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Focus", exact: true })).toBeFocused();
  await expect.poll(() => canvasShare(page)).toBeLessThan(0.7);
  await expect(page.getByRole("textbox", { name: "Project JSON" })).toBeInViewport();
});
