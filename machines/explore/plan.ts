// A manual test plan from the coverage paths (issue 11 item 6; `flowscope paths --export plan`):
// every path as numbered steps a tester follows on staging — "Open /dashboard as Pro admin →
// answer 9 → click Done → expect: survey completed" — as Markdown (a numbered list per path)
// or CSV (RFC 4180, one row per step, for a test-management tool's importer). Pure: the text
// comes in chunks, one per path, so a plan of a long flow is never one string in memory.
import type { Experience, Project } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import { expandCoverage } from "./path-forms.ts";
import { clickLabels, pathWords, stepWords } from "./path-words.ts";
import type { PathsReport } from "./paths.ts";
import type { ScriptSetup } from "./script-setup.ts";

export type PlanFormat = "markdown" | "csv";

/** What a plan reads of a `paths` report. */
export type PlanReport = Pick<
  PathsReport,
  "experience" | "setup" | "unshowable" | "coverage" | "count" | "countDetail" | "edges"
> &
  Partial<Pick<PathsReport, "untakable" | "missed">>;

export interface PlanInput {
  project: Project;
  report: PlanReport;
  /** The project file as the plan names it (e.g. `examples/nps-survey.json`). */
  projectFile: string;
}

/** One coverage path as a tester does it. */
export interface PlanPath {
  /** 1-based. */
  number: number;
  /** "answer 9 → click Done → survey completed" (at most 6 steps written out). */
  title: string;
  /** The actions, in order, each starting with a capital: "Open / as …", "Answer 9", … */
  actions: string[];
  /** What the tester checks at the end: "survey completed". */
  expect: string;
}

/** The words of the experience: its name and type. */
function nameOf(experience: Experience): string {
  return experience.name ?? experience.id;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value of an attribute as a tester types it: strings bare, the rest as JSON. */
function valueWords(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** "Admin on the Pro plan" (a persona), "a user with plan = pro", or "any user". */
export function userWords(project: Project, user: ScriptSetup["user"]): string {
  const persona = project.personas.find((p) => p.id === user.id);
  if (persona) return persona.name ?? persona.id;
  const pairs = Object.entries(user.attributes).map(([k, v]) => `${k} = ${valueWords(v)}`);
  return pairs.length === 0 ? "any user" : `a user with ${pairs.join(", ")}`;
}

/** The first action of every path: the page and the user ("Open /dashboard as Pro admin"). */
export function openWords(project: Project, setup: ScriptSetup): string {
  return `Open ${setup.start.url} as ${userWords(project, setup.user)}`;
}

/** Where a path ends, as the tester checks it: "survey completed", "tour stays on “Done”". */
export function endExpectation(project: Project, experience: Experience, end: string): string {
  const type = experience.type;
  if (end === "completed" || end === "dismissed" || end === "snoozed") return `${type} ${end}`;
  if (end.startsWith("launched:")) {
    const id = end.slice("launched:".length);
    const target = project.experiences.find((e) => e.id === id);
    return `${type} closes and ${target ? nameOf(target) : id} is launched`;
  }
  const step = experience.steps.find((s) => s.id === end);
  return `${type} stays on step ${step?.name ?? end}`;
}

/** The launch words: the experience's name, and its id when that differs (the SDK takes it). */
function launchLabel(experience: Experience): string {
  const name = nameOf(experience);
  return name === experience.id ? name : `${name} (${experience.id})`;
}

/** Coverage path `index` of the report as a tester does it. */
export function planPath(input: PlanInput, experience: Experience, index: number): PlanPath {
  const { project, report } = input;
  const path = expandCoverage(report.coverage, index);
  const labels = clickLabels(path, experience);
  const actions = [openWords(project, report.setup)];
  path.steps.forEach((step: ScriptStep, i) => {
    const label = step.do === "launch" ? launchLabel(experience) : labels[i];
    actions.push(capitalized(stepWords(step, label)));
  });
  const expect = endExpectation(project, experience, path.end);
  return {
    number: index + 1,
    title: `${pathWords(path, experience, 6)} → ${expect}`,
    actions,
    expect,
  };
}

// ------------------------------------------------------------------------------- Markdown

/**
 * Text that Markdown shows as written, inside a line: the characters that make emphasis,
 * code, links, HTML, entities, tables, strikethrough or a heading's closing `#`s escaped,
 * line breaks and tabs made spaces. (A plan's lines start with its own words, never with a
 * label, so line-start markers such as `-` or `1.` need no escape.)
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, " ").replace(/[\\`*_[\]<>&|~#]/g, (c) => `\\${c}`);
}

function countWords(report: PlanReport): string {
  const c = report.count;
  const least = report.countDetail.exact ? "" : "at least ";
  return `${least}${c.total} paths in all (${least}${c.completed} completed, ${c.dismissed} dismissed, ${c.snoozed} snoozed, ${c.launched} launched out)`;
}

function experienceOf(input: PlanInput): Experience {
  const experience = input.project.experiences.find((e) => e.id === input.report.experience);
  if (!experience) throw new Error(`no experience ${JSON.stringify(input.report.experience)}`);
  return experience;
}

/** The plan as Markdown, in chunks: a heading, then one numbered list per coverage path. */
export function* planMarkdown(input: PlanInput): Generator<string> {
  const { report } = input;
  const experience = experienceOf(input);
  const md = markdownText;
  const about = `${capitalized(experience.type)} ${md(experience.id)} of ${md(input.projectFile)}`;
  yield `# Test plan: ${md(nameOf(experience))}\n\n`;
  if (report.unshowable !== undefined) {
    yield `${about}: no path can be tested. ${md(capitalized(report.unshowable))}.\n`;
    return;
  }
  const n = report.coverage.length;
  const untakable = report.untakable ?? [];
  const missed = report.missed ?? [];
  const taken = report.edges - untakable.length - missed.length;
  yield `${about}: ${n} ${n === 1 ? "path takes" : "paths take"} ${taken} of ${report.edges} transitions; ${md(countWords(report))}. Each path starts afresh: a new session, nothing seen yet.\n`;
  for (let i = 0; i < n; i++) {
    const path = planPath(input, experience, i);
    const lines = [`\n## Path ${path.number}: ${md(path.title)}\n\n`];
    for (const [k, action] of path.actions.entries()) lines.push(`${k + 1}. ${md(action)}\n`);
    lines.push(`${path.actions.length + 1}. Expect: ${md(path.expect)}\n`);
    yield lines.join("");
  }
  const left = [
    ...untakable.map((edge) => `no path can take ${edge}`),
    ...missed.map((edge) => `no path found takes ${edge}`),
  ];
  if (left.length > 0) {
    yield `\n## Not covered\n\n${left.map((line) => `- ${md(line)}\n`).join("")}`;
  }
}

// ------------------------------------------------------------------------------------ CSV

/** The CSV's columns: a test's id and title on each of its rows, then one step per row. */
export const planCsvHeader = ["Test", "Title", "Step", "Action", "Expected result"] as const;

/**
 * One field as RFC 4180 writes it: in double quotes (inner ones doubled) when it holds a comma,
 * a quote, a line break, or leading or trailing spaces. A field a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) starts with `'`.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A record: its fields, and CRLF (RFC 4180). */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** "quarterly-nps-01": the test's id, numbered to the width of the plan (at least 2 digits). */
function testId(experience: Experience, number: number, total: number): string {
  const width = Math.max(2, String(total).length);
  return `${experience.id}-${String(number).padStart(width, "0")}`;
}

/**
 * The plan as CSV, in chunks: the header, then per path one row per action, the end to check
 * in the last row's "Expected result". An experience no path can test is one row saying why.
 */
export function* planCsv(input: PlanInput): Generator<string> {
  const { report } = input;
  const experience = experienceOf(input);
  yield csvRow(planCsvHeader);
  const name = nameOf(experience);
  if (report.unshowable !== undefined) {
    const why = `No path can be tested: ${report.unshowable}`;
    yield csvRow([experience.id, `${name}: not testable`, "", why, ""]);
    return;
  }
  const n = report.coverage.length;
  for (let i = 0; i < n; i++) {
    const path = planPath(input, experience, i);
    const id = testId(experience, path.number, n);
    const title = `${name}, path ${path.number}: ${path.title}`;
    const last = path.actions.length - 1;
    yield path.actions
      .map((action, k) => csvRow([id, title, String(k + 1), action, k === last ? path.expect : ""]))
      .join("");
  }
}

/** The plan in the format asked for. */
export function planChunks(format: PlanFormat, input: PlanInput): Generator<string> {
  return format === "csv" ? planCsv(input) : planMarkdown(input);
}
