// QA to CI without renaming anything (issue 11 item 5): a new document, renamed in the app, is
// played, exported and recorded; both downloads land in one folder, and the exact command the
// recording note shows — copied with its Copy button — replays the recording: it passes, and
// so does the folder's command.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";

const run = promisify(execFile);
const repo = join(import.meta.dirname, "..");

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

function stepOnScreen(page: Page) {
  return page.locator('[data-testid="step-on-screen"]');
}

/** The open documents (the menu is opened first). */
async function documents(page: Page) {
  const button = page.getByTitle("Open documents");
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  return page.getByRole("navigation", { name: "Documents" });
}

/** `npx flowscope <args>` as the note writes it, run by this repository's CLI from `cwd`. */
async function flowscope(command: string, cwd: string) {
  expect(command).toMatch(/^npx flowscope replay [A-Za-z0-9_./-]+$/);
  const args = command.split(" ").slice(2);
  try {
    const { stdout, stderr } = await run("node", [join(repo, "cli", "flowscope.mjs"), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test("a recording of a new, renamed document replays in CI with the command the app shows", async ({
  page,
}, testInfo) => {
  test.slow(); // the app, then the CLI started twice
  const root = await mkdtemp(join(tmpdir(), "flowscope-ci-"));
  const recordings = join(root, "recordings");
  await mkdir(recordings);
  try {
    await page.goto("/");
    await expect(stepOnScreen(page)).toBeVisible({ timeout: 20_000 });

    // A new document, renamed: the field shows the file name the new name gives.
    await page.getByText("Open ▾", { exact: true }).click();
    await page.getByRole("menuitem", { name: "New project" }).click();
    const list = await documents(page);
    await list.getByRole("button", { name: "Rename New project", exact: true }).click();
    const field = list.getByRole("textbox", { name: "New name of New project" });
    await field.fill("Checkout NPS (EU)");
    await expect(list.getByText("checkout-nps-eu.json", { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("1-renaming.png") });
    await field.press("Enter");
    await expect(
      list.getByRole("button", { name: "Checkout NPS (EU)", exact: true }),
    ).toHaveAttribute("aria-current", "page");
    await page.getByTitle("Open documents").click(); // close the menu

    // The session: the template's tour, Next → its last step.
    await expect(stepOnScreen(page)).toHaveAttribute("data-step", "welcome");
    await stepOnScreen(page).getByRole("button", { name: "Next", exact: true }).click();
    await expect(stepOnScreen(page)).toHaveAttribute("data-step", "done");

    // Export the project, then record: both downloads go to recordings/.
    await page.getByText("Export", { exact: true }).click();
    const [exported] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: /^Export project/ }).click(),
    ]);
    expect(exported.suggestedFilename()).toBe("checkout-nps-eu.json");
    await exported.saveAs(join(recordings, exported.suggestedFilename()));

    const [recorded] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Record", exact: true }).click(),
    ]);
    const recordingName = recorded.suggestedFilename();
    expect(recordingName).toMatch(/^checkout-nps-eu\.recording-[\d-]+\.json$/);
    await recorded.saveAs(join(recordings, recordingName));
    const recording = JSON.parse(await readFile(join(recordings, recordingName), "utf8"));
    // The one rule: the recording names the file Export wrote.
    expect(recording.project).toBe(exported.suggestedFilename());
    expect(recording.script.steps).toEqual([expect.objectContaining({ do: "click", cta: "next" })]);

    // The note: where to keep the files, and the command for CI, copied with its button.
    const note = page.getByRole("region", { name: "Recording" });
    await expect(note).toContainText("Recorded 1 step");
    await expect(note).toContainText("checkout-nps-eu.json");
    const fileCommand = `npx flowscope replay recordings/${recordingName}`;
    await expect(note.locator("code", { hasText: fileCommand })).toBeVisible();
    await note.getByRole("button", { name: "Copy the command for this recording" }).click();
    await expect(
      note.getByRole("button", { name: "Copy the command for this recording" }),
    ).toHaveText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(fileCommand);
    await note.screenshot({ path: testInfo.outputPath("2-recording-note.png") });
    await page.screenshot({ path: testInfo.outputPath("3-page-with-note.png") });

    // CI: the copied command, from the folder that holds recordings/, passes…
    const one = await flowscope(copied, root);
    expect(one.stderr).toBe("");
    expect(one.stdout).toContain(`✔ recordings/${recordingName}`);
    expect(one.code).toBe(0);
    // …and so does the folder's (the exported project beside the recording is skipped).
    await note.getByRole("button", { name: "Copy the command for the folder" }).click();
    const folderCommand = await page.evaluate(() => navigator.clipboard.readText());
    expect(folderCommand).toBe("npx flowscope replay recordings");
    const all = await flowscope(folderCommand, root);
    expect(all.stdout).toContain(`✔ recordings/${recordingName}`);
    expect(all.code).toBe(0);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
