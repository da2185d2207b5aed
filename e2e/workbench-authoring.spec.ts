// Visual authoring (issue 12): a PM builds a whole project in the side form — no JSON typed,
// only forms, the "New experience" wizard and the action pickers — and it validates, its text
// says what the forms show, and it previews; a checklist task's picker follows the seed's
// rules; undo after a form edit gives the text back exactly.
import { expect, type Locator, type Page, test } from "@playwright/test";

/** The project text (what the editor holds), parsed. */
async function projectJson(page: Page) {
  const text = await page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
  return JSON.parse(text);
}

async function projectText(page: Page): Promise<string> {
  return page.evaluate(() => window.__flowscope?.store.getState().text ?? "");
}

/** The side form, in the left pane's "Edit" tab. */
async function openForm(page: Page): Promise<Locator> {
  await page.getByRole("tab", { name: "Edit", exact: true }).click();
  const form = page.getByRole("region", { name: "Side form" });
  await expect(form).toBeVisible();
  return form;
}

/** A text field of the form: filled, then Enter writes it to the text. */
async function fillField(scope: Locator, label: string, value: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press("Enter");
  await expect(field).toHaveValue(value);
}

/** Adds an experience with the wizard; the form then shows its first step or task. */
async function newExperience(page: Page, form: Locator, template: string, name: string) {
  await form.getByRole("button", { name: "New experience" }).click();
  const dialog = page.getByRole("dialog", { name: "New experience" });
  await dialog.getByRole("radio", { name: new RegExp(`^${template}`) }).check();
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
}

/** Back to the settings and outline of the experience the form was in. */
async function backToExperience(form: Locator): Promise<void> {
  await form.getByRole("button", { name: "‹ Experience settings" }).click();
}

async function openStep(form: Locator, stepId: string): Promise<Locator> {
  await backToExperience(form);
  await form
    .getByRole("region", { name: "Steps" })
    .getByRole("button", { name: new RegExp(`^${stepId} ·`) })
    .click();
  const step = form.getByRole("region", { name: `Step ${stepId}` });
  await expect(step).toBeVisible();
  return step;
}

/** Picks an action in a list's "Add action" picker. */
async function addAction(list: Locator, label: string): Promise<void> {
  await list.getByLabel("Add action", { exact: true }).selectOption({ label });
}

const summary = (page: Page) => page.getByRole("status", { name: "Validation summary" });

test.beforeEach(async ({ page }) => {
  // The whole debugger loads unbundled from the dev server: allow for a busy machine.
  test.setTimeout(180_000);
  await page.goto("/?example=onboarding-tour");
  await expect(summary(page)).toHaveText("No problems", { timeout: 30_000 });
});

test("@workbench a PM builds a trial-expiry project without typing JSON, and previews it", async ({
  page,
}) => {
  // An empty document: a new project, its sample tour deleted in the form.
  await page.getByText("Open ▾", { exact: true }).click();
  await page.getByRole("menuitem", { name: "New project" }).click();
  const form = await openForm(page);
  await form.getByRole("button", { name: "Delete experience" }).click();
  await form
    .getByRole("alertdialog", { name: "Delete experience" })
    .getByRole("button", { name: "Delete experience" })
    .click();
  await expect(form).toContainText("No experience yet");
  expect((await projectJson(page)).experiences).toEqual([]);

  // The survey: a choice question branching per answer, then a scale, then Book Interview.
  await newExperience(page, form, "NPS with branches", "Trial survey");
  let step = form.getByRole("region", { name: "Step score" });
  await step.getByLabel("Kind", { exact: true }).selectOption("choice");
  await fillField(step, "Question text", "What held you back?");
  await fillField(step, "Answer 1", "Too expensive");
  await fillField(step, "Answer 2", "Missing a feature");
  await step.getByLabel("New answer", { exact: true }).fill("Just exploring");
  await step.getByRole("button", { name: "Add answer" }).click();
  await step.getByRole("button", { name: "Add a condition per answer" }).click();
  await expect(step.getByRole("button", { name: /^Condition / })).toHaveCount(3);

  step = await openStep(form, "why");
  await step.getByLabel("Kind", { exact: true }).selectOption("scale");
  await fillField(step, "Question text", "How useful was the trial?");
  step = await openStep(form, "thanks");
  await step.getByLabel("Kind", { exact: true }).selectOption("bookInterview");
  await fillField(step, "Title", "Talk to our team?");
  await fillField(step, "Scheduling link", "https://calendly.com/acme/trial-chat");

  // Each answer its own way: a missing feature goes to the call, exploring ends the survey.
  step = await openStep(form, "score");
  await step.getByRole("button", { name: "Condition “missing-a-feature”" }).click();
  let route = form.getByRole("region", { name: "Condition “missing-a-feature”" });
  await route.getByLabel("Go to", { exact: true }).selectOption("thanks");
  await form.getByRole("button", { name: "Step score" }).click();
  await form.getByRole("button", { name: "Condition “just-exploring”" }).click();
  route = form.getByRole("region", { name: "Condition “just-exploring”" });
  await route.getByLabel("Go to", { exact: true }).selectOption("complete");
  await expect(
    route.getByRole("group", { name: "Answers" }).getByLabel("Just exploring", { exact: true }),
  ).toBeChecked();

  // A two-task checklist.
  await newExperience(page, form, "Checklist", "Trial checklist");
  const task = form.getByRole("region", { name: /^Task “/ });
  await fillField(task, "Label", "Add a payment method");
  await fillField(task, "URL", "/billing/payment");

  // The banner: automatic on /billing*, snoozable for 24 h twice, its CTA launches the survey.
  await newExperience(page, form, "Feature banner", "Trial expiry banner");
  step = form.getByRole("region", { name: "Step banner" });
  await fillField(step, "Title", "Your trial ends in 3 days");
  await step.getByRole("button", { name: "CTA “Learn more”" }).click();
  route = form.getByRole("region", { name: "CTA “Learn more”" });
  // The form is named by the CTA's label: renamed, it is found under its new name.
  await route.getByLabel("Label", { exact: true }).fill("Tell us why");
  await route.getByLabel("Label", { exact: true }).press("Enter");
  route = form.getByRole("region", { name: "CTA “Tell us why”" });
  await expect(route.getByLabel("Label", { exact: true })).toHaveValue("Tell us why");
  await route.getByRole("button", { name: "Remove Go to step" }).click();
  await addAction(route, "Launch experience");
  await route.getByLabel("Experience to launch", { exact: true }).selectOption("trial-survey");
  await form.getByRole("button", { name: "Step banner" }).click();
  await form.getByRole("button", { name: "Closing cross" }).click();
  const cross = form.getByRole("region", { name: "Closing cross of step banner" });
  // The seed's default cross dismisses; snooze cannot follow dismiss, so it goes first.
  await expect(
    cross.getByRole("option", { name: /^Snooze — Snooze cannot be added after Dismiss/ }),
  ).toBeDisabled();
  await cross.getByRole("button", { name: "Remove Dismiss" }).click();
  await addAction(cross, "Snooze");
  await fillField(cross, "Snooze for (hours)", "24");
  await fillField(cross, "Up to (times)", "2");
  await backToExperience(form);
  const banner = form.getByRole("region", { name: "Experience trial-expiry-banner" });
  await banner.getByRole("button", { name: "Remove page URL /dashboard" }).click();
  await banner.getByLabel("New page URL", { exact: true }).fill("/billing*");
  await banner.getByRole("button", { name: "Add URL" }).click();
  await expect(banner.getByLabel("Show on", { exact: true })).toHaveValue("auto");

  // The project validates: the JSON tab's report has no error.
  await page.getByRole("tab", { name: "JSON", exact: true }).click();
  await expect(summary(page)).toBeVisible();
  await expect(summary(page)).not.toHaveText(/error/);
  await page.getByRole("tab", { name: "Edit", exact: true }).click();

  // The text says what the forms show.
  const json = await projectJson(page);
  const byId = (id: string) => json.experiences.find((e: { id: string }) => e.id === id);
  const bannerJson = byId("trial-expiry-banner");
  expect(bannerJson.showOn).toEqual({
    trigger: await banner.getByLabel("Show on", { exact: true }).inputValue(),
    urls: [await banner.getByLabel("Page URL 1", { exact: true }).inputValue()],
  });
  expect(bannerJson.showOn.urls).toEqual(["/billing*"]);
  expect(bannerJson.status).toBe(await banner.getByLabel("Status", { exact: true }).inputValue());
  await form
    .getByRole("region", { name: "Steps" })
    .getByRole("button", { name: /^banner ·/ })
    .click();
  step = form.getByRole("region", { name: "Step banner" });
  expect(bannerJson.steps[0].title).toBe(
    await step.getByLabel("Title", { exact: true }).inputValue(),
  );
  await step.getByRole("button", { name: "Closing cross" }).click();
  expect(bannerJson.steps[0].closingCross).toEqual([
    {
      type: "snooze",
      hours: Number(await cross.getByLabel("Snooze for (hours)", { exact: true }).inputValue()),
      maxTimes: Number(await cross.getByLabel("Up to (times)", { exact: true }).inputValue()),
    },
  ]);
  expect(bannerJson.steps[0].closingCross).toEqual([{ type: "snooze", hours: 24, maxTimes: 2 }]);
  await form.getByRole("button", { name: "Step banner" }).click();
  await form.getByRole("button", { name: "CTA “Tell us why”" }).click();
  route = form.getByRole("region", { name: "CTA “Tell us why”" });
  expect(bannerJson.steps[0].ctas[0]).toMatchObject({
    label: await route.getByLabel("Label", { exact: true }).inputValue(),
    actions: [
      {
        type: "launchExperience",
        experience: await route.getByLabel("Experience to launch", { exact: true }).inputValue(),
      },
    ],
  });

  const survey = byId("trial-survey");
  expect(survey.steps.map((s: { kind: string }) => s.kind)).toEqual([
    "choice",
    "scale",
    "bookInterview",
  ]);
  expect(survey.steps[0].question.options).toEqual([
    "Too expensive",
    "Missing a feature",
    "Just exploring",
  ]);
  expect(survey.steps[0].conditions).toEqual([
    {
      id: "too-expensive",
      if: { anyOf: ["Too expensive"] },
      actions: [{ type: "goToStep", step: "next" }],
    },
    {
      id: "missing-a-feature",
      if: { anyOf: ["Missing a feature"] },
      actions: [{ type: "goToStep", step: "thanks" }],
    },
    {
      id: "just-exploring",
      if: { anyOf: ["Just exploring"] },
      actions: [{ type: "goToStep", step: "complete" }],
    },
  ]);
  expect(survey.steps[2].booking).toEqual({
    provider: "calendly",
    link: "https://calendly.com/acme/trial-chat",
  });
  const checklist = byId("trial-checklist");
  expect(checklist.tasks).toHaveLength(2);
  expect(checklist.tasks[0]).toEqual({
    id: "task-1",
    label: "Add a payment method",
    actions: [{ type: "navigateTo", url: "/billing/payment", openIn: "sameTab" }],
  });

  // The form of the survey's first step, and the survey on the canvas.
  await page
    .locator(".top-bar")
    .getByRole("combobox", { name: "Experience" })
    .selectOption("trial-survey");
  await form.getByRole("button", { name: "‹ Experience settings" }).click();
  await form.getByLabel("Experience to edit", { exact: true }).selectOption("trial-survey");
  await form
    .getByRole("region", { name: "Steps" })
    .getByRole("button", { name: /^score ·/ })
    .click();
  await expect(form.getByRole("region", { name: "Step score" })).toBeVisible();
  await form.getByRole("heading", { name: /^Step 1 of 3/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/workbench-authoring-form.png" });
  const canvas = page.getByTestId("flow-canvas");
  await expect(canvas).toHaveAttribute("data-layout", /elk|fast/, { timeout: 20_000 });
  await expect(canvas).toContainText("SCALE", { ignoreCase: true });
  await canvas.getByRole("button", { name: /fit view/i }).click();
  await canvas.screenshot({ path: "test-results/workbench-authoring-canvas.png" });

  // Preview: on /billing the banner shows.
  const address = page.getByRole("textbox", { name: "Page URL" });
  await address.fill("/billing");
  await address.press("Enter");
  const onScreen = page.getByTestId("step-on-screen");
  await expect(onScreen).toHaveAttribute("data-experience", "trial-expiry-banner");
  await expect(onScreen).toContainText("Your trial ends in 3 days");
  await expect(onScreen.getByRole("button", { name: "Tell us why" })).toBeVisible();
  await page.screenshot({ path: "test-results/workbench-authoring-preview.png" });
});

test("@workbench a checklist task's picker offers only the task's actions, refused ones disabled with why", async ({
  page,
}) => {
  await page.getByRole("combobox", { name: "Example" }).selectOption("getting-started-checklist");
  const form = await openForm(page);
  await page
    .locator(".top-bar")
    .getByRole("combobox", { name: "Experience" })
    .selectOption("getting-started");
  await form
    .getByRole("region", { name: "Tasks" })
    .getByRole("button", { name: "Create your first project" })
    .click();
  const task = form.getByRole("region", { name: "Task “Create your first project”" });
  const picker = task.getByLabel("Add action", { exact: true });
  // A checklist task takes Launch experience, Open Post and Navigate to; not Go to step.
  await expect(picker.getByRole("option")).toHaveText([
    "Choose an action…",
    /^Launch experience — /,
    /^Open Post — /,
    "Navigate to",
  ]);
  await expect(picker.getByRole("option", { name: /Go to step|Dismiss|Snooze/ })).toHaveCount(0);
  // Beside its Launch experience, Open Post is refused by the combination matrix: disabled, with why.
  const openPost = picker.getByRole("option", { name: /^Open Post/ });
  await expect(openPost).toBeDisabled();
  await expect(openPost).toHaveText(
    "Open Post — Open Post cannot be added after Launch experience: the seed's combination matrix does not allow it.",
  );
  // The reasons are also written out, for screen readers (a disabled option is often skipped).
  await task.getByText("Why 2 actions are greyed out").click();
  await expect(task.getByRole("list", { name: "Actions not available here" })).toContainText(
    "Open Post: Open Post cannot be added after Launch experience",
  );
  await page.screenshot({ path: "test-results/workbench-authoring-picker.png" });
});

test("@workbench undo after a form edit gives the text back exactly", async ({ page }) => {
  const form = await openForm(page);
  const before = await projectText(page);
  await fillField(form, "Name", "Onboarding, renamed in the form");
  await expect.poll(() => projectText(page)).not.toBe(before);
  const edited = await projectText(page);
  expect(edited).toContain('"name": "Onboarding, renamed in the form"');
  // Outside a text field, Mod-z is the document's undo.
  await form.getByRole("heading", { name: /^Experience/ }).click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => projectText(page)).toBe(before);
  await form.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => projectText(page)).toBe(edited);
  await form.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => projectText(page)).toBe(before);
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(
    JSON.parse(before).experiences[0].name,
  );
});
