// The launch graph as a second canvas view (issue 5, item 5): an example's launches, posts
// and navigations as nodes and edges; a launch cycle flagged (every node and edge of its
// group), listed and highlighted on click; an experience node opens its flow, by mouse or by
// keyboard; an edit that keeps the layout keeps the user's zoom; an empty project says so.
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { openExample } from "./debugger-page.ts";

// The dev server compiles on first load and the machine may be busy: be patient, not flaky.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(90_000);

async function showLaunchGraph(page: Page): Promise<Locator> {
  await page.getByRole("tab", { name: "Launch graph" }).click();
  const canvas = page.getByTestId("launch-canvas");
  await expect(canvas).toHaveAttribute("data-layout", /elk|fast/);
  return canvas;
}

async function loadProject(page: Page, project: unknown): Promise<void> {
  await page.evaluate((text) => window.__flowscope?.loadProject(text), JSON.stringify(project));
}

function node(canvas: Locator, id: string): Locator {
  return canvas.locator(`.lg-node[data-node="${id}"]`);
}

test("the resource center's launches, posts and navigations; a node opens its flow", async ({
  page,
}, testInfo) => {
  await openExample(page, "resource-center");
  const canvas = await showLaunchGraph(page);
  // `flowscope graph examples/resource-center.json`: 9 nodes, 4 edges, no cycles.
  await expect(canvas.locator(".lg-node")).toHaveCount(9);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(4);
  await expect(page.getByTestId("cycle-count")).toHaveText("no cycles");
  await expect(node(canvas, "block:b-product-tour")).toHaveAttribute("data-kind", "block");
  await expect(node(canvas, "post:p-sso")).toHaveAttribute("data-kind", "post");
  await expect(node(canvas, "page:/settings/security/sso")).toHaveAttribute("data-kind", "page");
  await expect(node(canvas, "experience:product-tour")).toHaveAttribute("data-kind", "experience");
  for (const label of [
    "launches · actions",
    "opens · actions",
    "launches · cta",
    "navigates to · cta",
  ]) {
    await expect(canvas.locator(".react-flow__edge-text", { hasText: label })).toHaveCount(1);
  }
  await expect(canvas.locator(".react-flow__edge.in-cycle")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("launch-graph-resource-center.png") });

  // An experience node selects it and shows its flow.
  await node(canvas, "experience:timeline-tour").click();
  await expect(page.getByRole("tab", { name: "Flow" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("flow-canvas")).toHaveAttribute("data-experience", "timeline-tour");
});

test("the keyboard opens an experience's flow from its name", async ({ page }) => {
  await openExample(page, "resource-center");
  const canvas = await showLaunchGraph(page);
  const open = node(canvas, "experience:timeline-tour").getByRole("button", {
    name: /^Open the flow of/,
  });
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { name: "Flow" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("flow-canvas")).toHaveAttribute("data-experience", "timeline-tour");
});

/** Tour A launches B, B launches A (a cycle); C launches A from outside it. */
const cyclic = {
  version: 1,
  experiences: [
    ["tour-a", "Tour A", "tour-b"],
    ["tour-b", "Tour B", "tour-a"],
    ["tour-c", "Tour C", "tour-a"],
  ].map(([id, name, target]) => ({
    id,
    name,
    type: "tour",
    status: "live",
    showOn: { trigger: "manual" },
    steps: [
      {
        id: "intro",
        kind: "modal",
        ctas: [
          {
            id: "next",
            label: "Next",
            actions: [{ type: "launchExperience", experience: target }],
          },
        ],
      },
    ],
  })),
};

test("a launch cycle is flagged, listed with its closing edge and highlighted on click", async ({
  page,
}, testInfo) => {
  await openExample(page, "onboarding-tour");
  await loadProject(page, cyclic);
  const canvas = await showLaunchGraph(page);
  await expect(canvas.locator(".lg-node")).toHaveCount(3);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(3);
  const cycles = page.getByTestId("launch-cycle");
  await expect(cycles).toHaveCount(1);
  await expect(cycles).toHaveText(
    "⟲Cycle: “Tour A” → “Tour B” → “Tour A” (closed by “Tour B” launches “Tour A” at intro/cta/next)",
  );
  await expect(page.getByTestId("cycle-count")).toHaveText("1 cycle");
  await expect(canvas.locator(".react-flow__edge.in-cycle")).toHaveCount(2);
  await expect(canvas.locator(".react-flow__edge.is-closing")).toHaveCount(1);
  await expect(node(canvas, "experience:tour-a")).toHaveAttribute("data-in-cycle", "true");
  await expect(node(canvas, "experience:tour-c")).not.toHaveAttribute("data-in-cycle", "true");
  await page.screenshot({ path: testInfo.outputPath("launch-graph-cycle.png") });

  await cycles.click();
  await expect(cycles).toHaveAttribute("aria-pressed", "true");
  await expect(node(canvas, "experience:tour-c")).toHaveAttribute("data-dim", "true");
  await expect(node(canvas, "experience:tour-b")).toHaveAttribute("data-focus", "true");
  await expect(canvas.locator(".react-flow__edge.is-focus")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("launch-graph-cycle-focused.png") });
  await cycles.click();
  await expect(canvas.locator(".lg-node[data-dim]")).toHaveCount(0);
});

/** Tours that launch each other: `launches[id]` lists the tours `id`'s CTAs launch. */
function tours(launches: Record<string, string[]>, names: Record<string, string> = {}) {
  return {
    version: 1,
    experiences: Object.entries(launches).map(([id, targets]) => ({
      id,
      name: names[id] ?? id.toUpperCase(),
      type: "tour",
      status: "live",
      showOn: { trigger: "manual" },
      steps: [
        {
          id: "intro",
          kind: "modal",
          ctas: targets.map((target, i) => ({
            id: `go${i}`,
            label: "Go",
            actions: [{ type: "launchExperience", experience: target }],
          })),
        },
      ],
    })),
  };
}

test("every node and edge of a cycle's group is flagged, not only its shortest cycle", async ({
  page,
}) => {
  await openExample(page, "onboarding-tour");
  // a → b → a is the shortest; a → b → c → a runs through the same group.
  await loadProject(page, tours({ a: ["b"], b: ["a", "c"], c: ["a"] }));
  const canvas = await showLaunchGraph(page);
  await expect(page.getByTestId("launch-cycle")).toHaveCount(1);
  await expect(page.getByTestId("launch-cycle")).toContainText("“A” → “B” → “A”");
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(4);
  await expect(canvas.locator(".react-flow__edge.in-cycle")).toHaveCount(4);
  await expect(canvas.locator(".react-flow__edge.is-closing")).toHaveCount(1);
  await expect(node(canvas, "experience:c")).toHaveAttribute("data-in-cycle", "true");
});

test("an edit that keeps the layout keeps the user's zoom", async ({ page }) => {
  await openExample(page, "onboarding-tour");
  const launches = { a: ["b"], b: ["a"], c: ["a"] };
  await loadProject(page, tours(launches));
  const canvas = await showLaunchGraph(page);
  const viewport = canvas.locator(".react-flow__viewport");
  const transform = () => viewport.evaluate((el) => (el as HTMLElement).style.transform);
  await expect(node(canvas, "experience:c")).toBeVisible();
  const framed = await transform();
  await canvas.getByRole("button", { name: "Zoom In" }).click();
  await expect.poll(transform).not.toBe(framed);
  await page.waitForTimeout(400); // the zoom animates
  const zoomed = await transform();
  // Renaming a tour changes the model, not the layout: the view stays where the user put it.
  await loadProject(page, tours(launches, { c: "Tour C renamed" }));
  await expect(node(canvas, "experience:c")).toContainText("Tour C renamed");
  await page.waitForTimeout(400);
  expect(await transform()).toBe(zoomed);
});

test("the agent example's cycle through an answer, a post and a page", async ({
  page,
}, testInfo) => {
  await openExample(page, "agent");
  const canvas = await showLaunchGraph(page);
  await expect(canvas.locator(".lg-node")).toHaveCount(10);
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(7);
  await expect(page.getByTestId("launch-cycle")).toHaveCount(1);
  await expect(page.getByTestId("launch-cycle")).toContainText("closed by");
  await expect(canvas.locator(".react-flow__edge.in-cycle")).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath("launch-graph-agent.png") });
});

test("an empty project has a clear note instead of a graph", async ({ page }) => {
  await openExample(page, "onboarding-tour");
  await loadProject(page, { version: 1, experiences: [] });
  await page.getByRole("tab", { name: "Launch graph" }).click();
  await expect(page.getByTestId("launch-graph-empty")).toContainText("no launch graph to draw");
});
