// The canvas as a workbench (issue 12, "Must show"): a checklist example draws its tasks;
// keyboard only, Tab reaches the canvas, the arrow keys move through its nodes with a
// visible focus ring and Enter previews from a step; dragging a CTA's handle to a step
// creates its goToStep, and undo takes it away from the canvas and the text.
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { canvas } from "./debugger-page.ts";

// The dev server compiles on first load and the machine may be busy: be patient, not flaky.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(180_000);

/** As debugger-page.ts openExample, with more patience for the layout worker's first start
 *  (it is served unbundled; on a loaded machine it took over 20 s). */
async function openExample(page: Page, id: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Example" }).selectOption(id);
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 90_000 });
}

/** A node of the canvas (xyflow's element, the one that takes focus) by its id. */
function node(page: Page, id: string): Locator {
  return canvas(page).locator(`.react-flow__node[data-id="${id}"]`);
}

/** The canvas node that has focus, if any: its id. */
function focusedNodeId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.classList.contains("react-flow__node") ? active.getAttribute("data-id") : null;
  });
}

test("@workbench a checklist example draws its tasks", async ({ page }, testInfo) => {
  await openExample(page, "getting-started-checklist");
  // The session opens on the first flow with steps; the picker draws the checklist.
  await page
    .getByRole("combobox", { name: "Experience", exact: true })
    .selectOption("getting-started");
  await expect(canvas(page)).toHaveAttribute("data-kind", "checklist");
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/);
  const tasks = canvas(page).locator(".task-node");
  await expect(tasks).toHaveCount(5);
  await expect(tasks.first()).toContainText("Create your first project");
  // What the tasks open: the tours they launch, the posts, the page; and the ends.
  await expect(canvas(page).locator(".launched-node")).toHaveCount(2);
  await expect(canvas(page).locator('.opened-node[data-opened="post"]')).toHaveCount(2);
  await expect(canvas(page).locator('.end-node[data-end="completed"]')).toBeVisible();
  await expect(canvas(page).locator('.react-flow__edge[data-id="done"]')).toHaveCount(1);
  // A click on a task selects it.
  await node(page, "task:t-connect-slack").click();
  await expect(canvas(page).locator('.task-node[data-task="t-connect-slack"]')).toHaveAttribute(
    "data-selected",
    "true",
  );
  await page.screenshot({ path: testInfo.outputPath("workbench-checklist-canvas.png") });
  await page.screenshot({ path: "test-results/workbench-checklist-canvas.png" });
});

test("@workbench keyboard only: Tab into the canvas, arrows through its nodes, Enter previews", async ({
  page,
}, testInfo) => {
  await openExample(page, "nps-survey");
  await expect(page.getByTestId("step-on-screen")).toHaveAttribute("data-step", "score");
  // Tab until focus is on a canvas node: the canvas is one tab stop, its first step.
  let focused: string | null = null;
  for (let presses = 0; presses < 80 && focused === null; presses++) {
    await page.keyboard.press("Tab");
    focused = await focusedNodeId(page);
  }
  expect(focused).toBe("score");
  const score = node(page, "score");
  await expect(score).toBeFocused();
  // The focus ring is visible: a solid outline of a few pixels.
  const outline = await score.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe("solid");
  expect(outline.width).toBeGreaterThanOrEqual(2);
  await expect(score).toHaveAccessibleName(/^Step score, nps/);
  await page.screenshot({ path: testInfo.outputPath("workbench-focused-node.png") });
  await page.screenshot({ path: "test-results/workbench-focused-node.png" });

  // ArrowRight: focus moves to a step to the right of the first one.
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => focusedNodeId(page)).not.toBe("score");
  const next = (await focusedNodeId(page)) as string;
  await expect(node(page, next)).toHaveClass(/react-flow__node-step/);
  await expect(node(page, next)).toBeInViewport();
  // Enter previews from that step and selects it.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("step-on-screen")).toHaveAttribute("data-step", next);
  await expect(node(page, next).locator(".step-node")).toHaveAttribute("data-selected", "true");
  await expect(node(page, next)).toBeFocused();

  // From the selected step, Tab goes to its routes; Enter selects one; Shift+Tab comes back.
  await page.keyboard.press("Tab");
  const firstRoute = canvas(page).locator(`.react-flow__edge[data-id^="${next}/"]`).first();
  await expect(firstRoute).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(firstRoute).toHaveClass(/selected/);
  await page.keyboard.press("Shift+Tab");
  await expect(node(page, next)).toBeFocused();

  // ArrowDown or ArrowUp reaches another step of the same column; Space acts as Enter.
  await page.keyboard.press("ArrowDown");
  let other = await focusedNodeId(page);
  if (other === next) {
    await page.keyboard.press("ArrowUp");
    other = await focusedNodeId(page);
  }
  expect(other).not.toBe(next);
  await expect(node(page, other as string)).toHaveClass(/react-flow__node-step/);
  await page.keyboard.press(" ");
  await expect(page.getByTestId("step-on-screen")).toHaveAttribute("data-step", other as string);
  await page.screenshot({ path: testInfo.outputPath("workbench-keyboard-preview.png") });
  await page.screenshot({ path: "test-results/workbench-keyboard-preview.png" });

  // ArrowLeft goes back to the first step; Escape clears the selection.
  await page.keyboard.press("ArrowLeft");
  await expect(score).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(canvas(page).locator("[data-selected]")).toHaveCount(0);
});

/** The editor's whole text (the session store holds what the editor last reported). */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
}

/** A tour small enough to fit the canvas whole at a readable zoom: step "a" has a CTA that
 *  moves nothing yet, step "b" nothing leads to yet. */
const twoSteps = {
  version: 1,
  experiences: [
    {
      id: "tour",
      name: "Two-step tour",
      type: "tour",
      status: "live",
      showOn: { trigger: "auto", urls: ["/*"] },
      steps: [
        {
          id: "a",
          kind: "modal",
          title: "First",
          ctas: [{ id: "later", label: "Later", actions: [] }],
        },
        { id: "b", kind: "modal", title: "Second" },
      ],
    },
  ],
};

/** The actions of step a's "later" CTA, read from the editor's text. */
async function laterActions(page: Page): Promise<unknown[]> {
  const project = JSON.parse(await editorText(page)) as typeof twoSteps;
  return project.experiences[0].steps[0].ctas?.[0].actions ?? [];
}

// connectToStep (app/authoring/connect.ts) writes the goToStep as one "canvas" edit of the text;
// Mod-z outside text fields steps the document's one history back.
test("@workbench dragging a CTA's handle to a step creates its goToStep; undo removes it", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await page.evaluate(
    (text) => window.__flowscope?.loadProject(text, "Two steps"),
    JSON.stringify(twoSteps, null, 2),
  );
  await expect(canvas(page)).toHaveAttribute("data-experience", "tour", { timeout: 90_000 });
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 90_000 });
  const route = canvas(page).locator('.react-flow__edge[data-id="a/cta/later"]');
  await expect(route).toHaveCount(0);
  expect(await laterActions(page)).toEqual([]);

  // Drag the "Later" CTA's dot onto step b: while over it, the card takes the drop.
  const handle = node(page, "a").locator(".route-handle").first();
  const target = node(page, "b");
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("the CTA's handle or step b is not drawn");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await expect(target.locator(".drop-handle")).toHaveClass(/connectingto/);
  await page.mouse.up();

  // The JSON text has the goToStep; the canvas, redrawn from it, the new route.
  await expect.poll(() => laterActions(page)).toEqual([{ type: "goToStep", step: "b" }]);
  await expect(route).toHaveAttribute("aria-label", /^a to b: “Later”/);
  await page.screenshot({ path: testInfo.outputPath("workbench-drag-connect.png") });
  await page.screenshot({ path: "test-results/workbench-drag-connect.png" });

  // Undo, outside any text field: the route is gone from the text and from the canvas.
  await node(page, "a").focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => laterActions(page)).toEqual([]);
  await expect(route).toHaveCount(0);
});

/** Presses Tab until `reached` holds (at most `limit` presses); fails if it never does. */
async function tabUntil(page: Page, reached: () => Promise<boolean>, limit = 200): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await reached()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reached after ${limit} Tab presses`);
}

test("@workbench keyboard only: open the NPS example, answer it, then move through the canvas", async ({
  page,
}) => {
  await page.goto("/");
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 90_000 });
  // Open the example from the Example picker, by keyboard.
  const picker = page.getByRole("combobox", { name: "Example" });
  await tabUntil(page, () => picker.evaluate((element) => element === document.activeElement));
  // A native select moves its choice with the arrow keys: towards the NPS option.
  const [at, target] = await picker.evaluate((element) => {
    const options = [...(element as HTMLSelectElement).options];
    return [
      (element as HTMLSelectElement).selectedIndex,
      options.findIndex((option) => option.value === "nps-survey"),
    ];
  });
  const key = target > at ? "ArrowDown" : "ArrowUp";
  for (let presses = 0; presses < Math.abs(target - at); presses++) await page.keyboard.press(key);
  await expect(picker).toHaveValue("nps-survey");
  await expect(canvas(page)).toHaveAttribute("data-experience", "quarterly-nps", {
    timeout: 90_000,
  });
  await expect(canvas(page)).toHaveAttribute("data-layout", /elk|fast/, { timeout: 90_000 });
  const onScreen = page.getByTestId("step-on-screen");
  await expect(onScreen).toHaveAttribute("data-step", "score");

  // Answer it: Tab to the score 10 and press Enter; focus follows to the next question.
  const ten = onScreen.getByRole("button", { name: "Answer 10", exact: true });
  await tabUntil(page, () => ten.evaluate((element) => element === document.activeElement));
  await page.keyboard.press("Enter");
  await expect(onScreen).not.toHaveAttribute("data-step", "score");
  const answered = await onScreen.getAttribute("data-step");
  await expect
    .poll(() =>
      page.evaluate(
        () => document.activeElement?.closest("[data-testid='step-on-screen']") !== null,
      ),
    )
    .toBe(true);

  // Then the canvas: Tab reaches a node, the arrows move, Enter previews from the node.
  await tabUntil(page, async () => (await focusedNodeId(page)) !== null);
  const first = (await focusedNodeId(page)) as string;
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => focusedNodeId(page)).not.toBe(first);
  const next = (await focusedNodeId(page)) as string;
  await page.keyboard.press("Enter");
  await expect(onScreen).toHaveAttribute("data-step", next);
  expect(answered).not.toBeNull();
});
