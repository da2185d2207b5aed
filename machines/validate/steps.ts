// Stage e, step level: targets, questions, survey conditions and bookings (SPEC §1 "Step").
import type { Project, Step, StepKind, SurveyTest } from "../format/schema.ts";
import { defaultScaleRange, npsRange } from "../semantics.ts";
import { diagnose } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";

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
  project.experiences.forEach((experience, e) => {
    experience.steps.forEach((step, s) => {
      const at = `/experiences/${e}/steps/${s}`;
      out.push(
        ...targetDiagnostics(step, at),
        ...questionDiagnostics(step, at),
        ...conditionDiagnostics(step, at),
        ...bookingDiagnostics(step, at),
      );
    });
  });
  return out;
}

/** Decided here: a warning, since the simulator never needs the element itself. */
function targetDiagnostics(step: Step, at: string): Diagnostic[] {
  if (!targetedKinds.includes(step.kind) || (step.target ?? "").trim() !== "") return [];
  return [
    diagnose(
      "missingTarget",
      `${withArticle(step.kind, true)} step points at an element of the page: set "target" to its CSS selector (e.g. "#billing-link").`,
      at,
    ),
  ];
}

function rangeOf(step: Step): { min: number; max: number } {
  if (step.kind === "nps") return npsRange;
  const q = step.question;
  return q && "min" in q ? { min: q.min, max: q.max } : defaultScaleRange;
}

function optionsOf(step: Step): readonly string[] | undefined {
  const q = step.question;
  return q && "options" in q ? q.options : undefined;
}

function questionDiagnostics(step: Step, at: string): Diagnostic[] {
  const q = step.question;
  const where = `${at}/question`;
  if (step.kind === "choice" || step.kind === "multiChoice") {
    if (optionsOf(step)) return [];
    return [
      diagnose(
        "missingOptions",
        `${withArticle(step.kind, true)} step needs question.options, e.g. { "options": ["A", "B"] }.`,
        q ? where : at,
      ),
    ];
  }
  if (step.kind === "nps" || step.kind === "scale") {
    if (q && "options" in q) {
      return [
        diagnose(
          "questionNotForKind",
          `${withArticle(step.kind, true)} step takes a number, not options: use { "min", "max" } or remove "options".`,
          `${where}/options`,
        ),
      ];
    }
    if (q && "min" in q && q.min >= q.max) {
      return [
        diagnose(
          "invalidRange",
          `question.min (${q.min}) must be below question.max (${q.max}).`,
          `${where}/min`,
        ),
      ];
    }
  }
  return [];
}

function conditionDiagnostics(step: Step, at: string): Diagnostic[] {
  const operators = operatorsByKind[step.kind];
  if (!operators) return notAnswerableDiagnostics(step, at);
  const out: Diagnostic[] = [];
  step.conditions.forEach((condition, c) => {
    const where = `${at}/conditions/${c}/if`;
    const operator = Object.keys(condition.if)[0] as Operator;
    if (!operators.includes(operator)) {
      out.push(
        diagnose(
          "conditionNotForKind",
          `"${operator}" does not fit ${withArticle(step.kind)} step; use ${operators.join(", ")}.`,
          `${where}/${operator}`,
        ),
      );
      return;
    }
    out.push(...testDiagnostics(step, condition.if, where));
  });
  return out;
}

/** message and bookInterview steps (and tour, banner, hint steps) take no answer. */
function notAnswerableDiagnostics(step: Step, at: string): Diagnostic[] {
  const out: Diagnostic[] = step.conditions.map((_, c) =>
    diagnose(
      "conditionNotForKind",
      `${withArticle(step.kind, true)} step takes no answer, so its conditions never fire: remove them or use an answerable survey step.`,
      `${at}/conditions/${c}`,
    ),
  );
  if (step.fallback) {
    out.push(
      diagnose(
        "conditionNotForKind",
        `${withArticle(step.kind, true)} step takes no answer, so its fallback never fires: remove it and use a CTA.`,
        `${at}/fallback`,
      ),
    );
  }
  return out;
}

function testDiagnostics(step: Step, test: SurveyTest, where: string): Diagnostic[] {
  if ("between" in test) {
    const [low, high] = test.between;
    if (low > high) {
      return [
        diagnose(
          "invalidRange",
          `between [${low}, ${high}] holds for no answer: write the lower bound first.`,
          `${where}/between`,
        ),
      ];
    }
    return boundDiagnostics(step, [low, high], `${where}/between`, true);
  }
  if ("equals" in test) return boundDiagnostics(step, [test.equals], `${where}/equals`, false);
  if ("lt" in test) return boundDiagnostics(step, [test.lt], `${where}/lt`, false);
  if ("gt" in test) return boundDiagnostics(step, [test.gt], `${where}/gt`, false);
  const values =
    "anyOf" in test
      ? test.anyOf
      : "noneOf" in test
        ? test.noneOf
        : "allOf" in test
          ? test.allOf
          : [];
  const key = Object.keys(test)[0];
  const options = optionsOf(step) ?? [];
  const out: Diagnostic[] = [];
  values.forEach((value, i) => {
    if (options.includes(value)) return;
    out.push(
      diagnose(
        "unknownOption",
        `"${value}" is not an option of this step; use one of: ${options.map((o) => `"${o}"`).join(", ")}.`,
        `${where}/${key}/${i}`,
      ),
    );
  });
  return out;
}

/**
 * Decided here: a bound outside min..max is a warning (the condition still works for the
 * answers it can meet, or never holds); the message gives the range.
 */
function boundDiagnostics(
  step: Step,
  bounds: number[],
  where: string,
  indexed: boolean,
): Diagnostic[] {
  const { min, max } = rangeOf(step);
  const out: Diagnostic[] = [];
  bounds.forEach((bound, i) => {
    if (bound >= min && bound <= max) return;
    out.push(
      diagnose(
        "valueOutOfRange",
        `${bound} is outside the answers ${withArticle(step.kind)} step takes (${min} to ${max}); use a value in that range.`,
        indexed ? `${where}/${i}` : where,
      ),
    );
  });
  return out;
}

function bookingDiagnostics(step: Step, at: string): Diagnostic[] {
  if (step.kind !== "bookInterview" || step.booking) return [];
  return [
    diagnose(
      "missingBooking",
      'A bookInterview step needs "booking": { "provider": "calendly|googleCalendar|zcal", "link": "https://…" }.',
      at,
    ),
  ];
}
