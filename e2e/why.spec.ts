// "Why not shown?" end to end (issue 5, "Must show"): the snoozable NPS, snoozed from the
// preview, is explained as snoozed with the exact time left (the project's snooze minus the
// simulated time since), which follows the clock; Apply on the wait brings it back on screen.
import { readFileSync } from "node:fs";
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { openExample } from "./debugger-page.ts";

// The dev server compiles on first load and the machine may be busy: be patient, not flaky.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(90_000);

const hourMs = 3_600_000;

/** The snooze of the example's "Remind me tomorrow" CTA, read from the project file. */
function snoozeMs(): number {
  const project = JSON.parse(readFileSync("examples/snoozable-nps.json", "utf8"));
  const step = project.experiences[0].steps[0];
  const cta = step.ctas.find((c: { id: string }) => c.id === "remind-me");
  return cta.actions[0].hours * hourMs;
}

function panel(page: Page): Locator {
  return page.getByTestId("why-panel");
}

async function clockMs(page: Page): Promise<number> {
  return Number(await page.getByTestId("clock").getAttribute("data-ms"));
}

/** "23 h", "23 h 30 min": the panel's words for a whole number of minutes. */
function words(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return [d ? `${d} d` : "", h ? `${h} h` : "", m ? `${m} min` : ""].filter(Boolean).join(" ");
}

test("a snoozed survey is explained with its time left; Apply on the wait brings it back", async ({
  page,
}, testInfo) => {
  const snooze = snoozeMs();
  await openExample(page, "snoozable-nps");
  await expect(page.getByTestId("step-on-screen")).toHaveAttribute("data-step", "score");
  // On screen: one line.
  await expect(panel(page)).toHaveAttribute("data-state", "shown");
  await expect(panel(page).getByTestId("why-verdict")).toHaveText(
    /NPS you can snooze is on screen/,
  );
  await expect(panel(page).getByTestId("why-reason")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("why-on-screen.png") });

  // Snooze it from the preview.
  await page
    .getByTestId("step-on-screen")
    .getByRole("button", { name: "Remind me tomorrow" })
    .click();
  await expect(page.getByTestId("step-on-screen")).toHaveCount(0);
  await expect(panel(page)).toHaveAttribute("data-state", "hidden");
  const snoozed = panel(page).locator('[data-testid="why-reason"][data-code="snoozed"]');
  await expect(snoozed).toContainText("Snoozed");
  const left = snoozed.getByTestId("snooze-left");
  const at = await clockMs(page);
  await expect(left).toHaveAttribute("data-ms", String(snooze - at));
  await expect(left).toHaveText(`${words(snooze - at)} left`);

  // The time left follows the simulated clock: one hour later, one hour less.
  await page.getByRole("button", { name: "+1 h" }).click();
  await expect(page.getByTestId("clock")).toHaveAttribute("data-ms", String(at + hourMs));
  const later = await clockMs(page);
  await expect(left).toHaveAttribute("data-ms", String(snooze - later));
  await expect(left).toHaveText(`${words(snooze - later)} left`);
  await expect(snoozed.getByTestId("why-fix")).toHaveText(
    new RegExp(`wait ${words(snooze - later)}`),
  );
  // The rate limit (1 show in 4 h) is a second reason here.
  await expect(panel(page).locator('[data-code="rateLimited"]')).toBeVisible();
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("why-snoozed.png") });

  // Apply the wait (its name says what it does): the clock reaches the end of the snooze and
  // the survey shows again.
  const wait = `Apply: Advance the clock by ${words(snooze - later)}`;
  await snoozed.getByRole("button", { name: wait, exact: true }).click();
  await expect(page.getByTestId("clock")).toHaveAttribute("data-ms", String(snooze));
  await expect(page.getByTestId("step-on-screen")).toHaveAttribute("data-step", "score");
  await expect(panel(page)).toHaveAttribute("data-state", "shown");
  await page.screenshot({ path: testInfo.outputPath("why-after-apply.png") });
});

test("an attribute fix restarts the session with the changed user", async ({ page }, testInfo) => {
  await openExample(page, "snoozable-nps");
  const project = {
    version: 1,
    experiences: [
      {
        id: "sso-tour",
        name: "SSO tour",
        type: "tour",
        status: "live",
        showOn: { trigger: "auto", urls: ["/settings/*"] },
        audience: [{ attribute: "plan", op: "eq", value: "enterprise" }],
        steps: [{ id: "hello", kind: "modal", title: "<b>Set up SSO</b>" }],
      },
    ],
    personas: [{ id: "pro", attributes: { plan: "pro" } }],
  };
  await page.evaluate((text) => window.__flowscope?.loadProject(text), JSON.stringify(project));
  await page.getByRole("textbox", { name: "Page URL" }).fill("/settings/sso");
  await page.getByRole("textbox", { name: "Page URL" }).press("Enter");
  const audience = panel(page).locator('[data-code="audience"]');
  await expect(audience).toContainText("plan is pro, it must be enterprise");
  const apply = audience.getByRole("button", {
    name: /^Apply & restart: Set plan to enterprise: restarts the session/,
  });
  await expect(apply).toHaveAttribute("title", /restarts the session/);
  await page.screenshot({ path: testInfo.outputPath("why-audience.png") });
  await apply.click();
  // Restarted on the start page (not a settings page): the audience holds, the page does not.
  await expect(audience).toHaveCount(0);
  await expect(panel(page).locator('[data-code="page"]')).toContainText("/settings/*");
  await panel(page)
    .locator('[data-code="page"]')
    .getByRole("button", { name: "Apply: Go to /settings/", exact: true })
    .click();
  await expect(page.getByTestId("step-on-screen")).toHaveAttribute("data-step", "hello");
  // Project text is text, never HTML.
  await expect(page.getByTestId("step-on-screen")).toContainText("<b>Set up SSO</b>");
});
