// Stage e, step level: targets, questions, survey conditions and bookings (SPEC §1 "Step").
import type { Project, Step, StepKind, SurveyTest } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { didYouMean } from "../model/suggest.ts";
import { answerRange } from "../semantics.ts";
import { diagnose } from "./codes.ts";

/** Kinds shown next to an element of the page: they need a CSS selector in `target`. */
export const targetedKinds: readonly StepKind[] = ["tooltip", "badge", "cursor", "hint"];

/** between, equals, lt, gt, anyOf, noneOf, allOf, filled, contains. */
type Operator = KeysOfUnion<SurveyTest>;
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** SPEC §1: the condition operators each answerable step kind takes. */
export const operatorsByKind: Partial<Record<StepKind, readonly Operator[]>> = {
  nps: ["between", "equals", "lt", "gt"],
  scale: ["between", "equals", "lt", "gt"],
  choice: ["anyOf", "noneOf", "allOf"],
  multiChoice: ["anyOf", "noneOf", "allOf"],
  text: ["filled", "contains"],
};

/** "a tooltip", "an nps" (said en-pee-ess), "an answer". */
export function withArticle(word: string, capital = false): string {
  const an = /^(?:[aeiou]|nps)/i.test(word);
  return `${capital ? "A" : "a"}${an ? "n" : ""} ${word}`;
}

export function isAnswerable(kind: StepKind): boolean {
  return operatorsByKind[kind] !== undefined;
}

export function stepDiagnostics(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const experiences = project.experiences;
  for (let e = 0; e < experiences.length; e++) {
    const steps = experiences[e].steps;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      targetDiagnostics(step, e, s, out);
      questionDiagnostics(step, e, s, out);
      conditionDiagnostics(step, e, s, out);
      bookingDiagnostics(step, e, s, out);
    }
  }
  return out;
}

/** Step `s` of experience `e`: built only for a diagnostic (most steps have none). */
function pointerOf(e: number, s: number): string {
  return `/experiences/${e}/steps/${s}`;
}

/** Decided here: a warning, since the simulator never needs the element itself. */
function targetDiagnostics(step: Step, e: number, s: number, out: Diagnostic[]): void {
  if (!targetedKinds.includes(step.kind) || (step.target ?? "").trim() !== "") return;
  out.push(
    diagnose(
      "missingTarget",
      `${withArticle(step.kind, true)} step points at an element of the page: set "target" to its CSS selector (e.g. "#billing-link").`,
      pointerOf(e, s),
    ),
  );
}

function optionsOf(step: Step): readonly string[] | undefined {
  const q = step.question;
  return q && "options" in q ? q.options : undefined;
}

function questionDiagnostics(step: Step, e: number, s: number, out: Diagnostic[]): void {
  const q = step.question;
  if (step.kind === "choice" || step.kind === "multiChoice") {
    if (optionsOf(step)) return;
    out.push(
      diagnose(
        "missingOptions",
        `${withArticle(step.kind, true)} step needs question.options, e.g. { "options": ["A", "B"] }.`,
        q ? `${pointerOf(e, s)}/question` : pointerOf(e, s),
      ),
    );
    return;
  }
  if (step.kind === "nps" || step.kind === "scale") {
    if (q && "options" in q) {
      out.push(
        diagnose(
          "questionNotForKind",
          `${withArticle(step.kind, true)} step takes a number, not options: use { "min", "max" } or remove "options".`,
          `${pointerOf(e, s)}/question/options`,
        ),
      );
      return;
    }
    if (q && "min" in q && q.min >= q.max) {
      out.push(
        diagnose(
          "invalidRange",
          `question.min (${q.min}) must be below question.max (${q.max}).`,
          `${pointerOf(e, s)}/question/min`,
        ),
      );
    }
  }
}

function conditionDiagnostics(step: Step, e: number, s: number, out: Diagnostic[]): void {
  const operators = operatorsByKind[step.kind];
  if (!operators) {
    notAnswerableDiagnostics(step, e, s, out);
    return;
  }
  const conditions = step.conditions;
  for (let c = 0; c < conditions.length; c++) {
    const test = conditions[c].if;
    const operator = Object.keys(test)[0] as Operator;
    // Survey conditions are few: their pointer is built eagerly.
    const where = `${pointerOf(e, s)}/conditions/${c}/if`;
    if (!operators.includes(operator)) {
      out.push(
        diagnose(
          "conditionNotForKind",
          `"${operator}" does not fit ${withArticle(step.kind)} step; use ${operators.join(", ")}.`,
          `${where}/${operator}`,
        ),
      );
      continue;
    }
    testDiagnostics(step, test, operator, where, out);
  }
}

/** message and bookInterview steps (and tour, banner, hint steps) take no answer. */
function notAnswerableDiagnostics(step: Step, e: number, s: number, out: Diagnostic[]): void {
  for (let c = 0; c < step.conditions.length; c++) {
    out.push(
      diagnose(
        "conditionNotForKind",
        `${withArticle(step.kind, true)} step takes no answer, so its conditions never fire: remove them or use an answerable survey step.`,
        `${pointerOf(e, s)}/conditions/${c}`,
      ),
    );
  }
  if (step.fallback) {
    out.push(
      diagnose(
        "conditionNotForKind",
        `${withArticle(step.kind, true)} step takes no answer, so its fallback never fires: remove it and use a CTA.`,
        `${pointerOf(e, s)}/fallback`,
      ),
    );
  }
}

function testDiagnostics(
  step: Step,
  test: SurveyTest,
  operator: Operator,
  where: string,
  out: Diagnostic[],
): void {
  if ("between" in test) {
    const [low, high] = test.between;
    if (low > high) {
      out.push(
        diagnose(
          "invalidRange",
          `between [${low}, ${high}] holds for no answer: write the lower bound first.`,
          `${where}/between`,
        ),
      );
      return;
    }
    boundDiagnostic(step, low, `${where}/between/0`, out);
    boundDiagnostic(step, high, `${where}/between/1`, out);
    return;
  }
  if ("equals" in test || "lt" in test || "gt" in test) {
    const bound = "equals" in test ? test.equals : "lt" in test ? test.lt : test.gt;
    boundDiagnostic(step, bound, `${where}/${operator}`, out);
    return;
  }
  const values =
    "anyOf" in test
      ? test.anyOf
      : "noneOf" in test
        ? test.noneOf
        : "allOf" in test
          ? test.allOf
          : [];
  const options = optionsOf(step) ?? [];
  const known = new Set(options);
  values.forEach((value, i) => {
    if (known.has(value)) return;
    out.push(
      diagnose(
        "unknownOption",
        options.length === 0
          ? `"${value}" is not an option of this step: it has none to pick from yet; add them to its question, e.g. "question": { "options": [${JSON.stringify(value)}, "Other"] }.`
          : `"${value}" is not an option of this step (${didYouMean(value, options, "options")}).`,
        `${where}/${operator}/${i}`,
      ),
    );
  });
}

/**
 * Decided here: a bound outside min..max is a warning (the condition still works for the
 * answers it can meet, or never holds); the message gives the range.
 */
function boundDiagnostic(step: Step, bound: number, pointer: string, out: Diagnostic[]): void {
  const { min, max } = answerRange(step);
  if (bound >= min && bound <= max) return;
  out.push(
    diagnose(
      "valueOutOfRange",
      `${bound} is outside the answers ${withArticle(step.kind)} step takes (${min} to ${max}); use a value in that range.`,
      pointer,
    ),
  );
}

function bookingDiagnostics(step: Step, e: number, s: number, out: Diagnostic[]): void {
  if (step.kind !== "bookInterview" || step.booking) return;
  out.push(
    diagnose(
      "missingBooking",
      'A bookInterview step needs "booking": { "provider": "calendly|googleCalendar|zcal", "link": "https://…" }.',
      pointerOf(e, s),
    ),
  );
}
