// The forecast model (SPEC §5 "Model (input)"): strict shape with pointers, ids kept as data,
// checks against the project, the uniform answer mix of steps a model does not name, and the
// committed JSON Schema.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkForecastModel, uniformAnswerShares } from "../machines/forecast/index.ts";
import { forecastModel, type Project, type Step } from "../machines/format/index.ts";
import {
  forecastModelJsonSchema,
  forecastModelJsonSchemaText,
  forecastModelSchemaPath,
} from "../machines/format/write-json-schema.ts";
import { documentProblems, validateDocument, validateText } from "../machines/validate/index.ts";

const root = join(import.meta.dirname, "..");
const nps = validateText(readFileSync(join(root, "examples", "nps-survey.json"), "utf8"))
  .project as Project;

/** SPEC §5's example model, as written there. */
const specExample = {
  seed: 7,
  users: 100000,
  days: 30,
  start: { at: "2026-01-05T09:00:00Z" },
  personas: { "pro-admin": 3, "starter-member": 1 },
  visits: { perDay: 1.5, pages: { "/dashboard": 3, "/billing": 1 } },
  behaviour: {
    "quarterly-nps": {
      score: { answer: { "10": 3, "9": 2, "7": 2, "3": 3 }, close: 1 },
      "thank-you": { "cta.done": 4, "cta.review": 1 },
    },
  },
  default: { cta: 4, close: 1, ignore: 1 },
};

function problemsOf(document: unknown) {
  const parsed = forecastModel.safeParse(document);
  if (parsed.success) return [];
  return documentProblems(forecastModel, document, parsed.error.issues);
}

describe("the forecast model's shape", () => {
  it("reads SPEC §5's example, objects keyed by ids as Maps", () => {
    const model = forecastModel.parse(specExample);
    expect(model.personas?.get("pro-admin")).toBe(3);
    expect(model.visits?.pages.get("/billing")).toBe(1);
    const score = model.behaviour?.get("quarterly-nps")?.get("score");
    expect(score?.answer?.get("10")).toBe(3);
    expect(score?.close).toBe(1);
    expect(checkForecastModel(nps, model)).toEqual([]);
  });

  it("fills in `default` (SPEC §5's example) when the model leaves it out", () => {
    expect(forecastModel.parse({}).default).toEqual({ cta: 4, close: 1, ignore: 1, trigger: 0 });
    expect(forecastModel.parse({ default: { cta: 2 } }).default).toEqual({
      cta: 2,
      close: 1,
      ignore: 1,
      trigger: 0,
    });
  });

  it("refuses unknown keys at their pointer, interactions included", () => {
    const problems = problemsOf({
      usres: 10,
      default: { cat: 1 },
      behaviour: { "quarterly-nps": { score: { clsoe: 1, "cta.": 2, "cta.ok": 1 } } },
    });
    problems.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
    expect(problems).toEqual([
      {
        code: "unknownField",
        pointer: "/behaviour/quarterly-nps/score/clsoe",
        message:
          'unknown interaction "clsoe"; a step\'s interactions are cta.<id>, trigger.<id>, answer, close and ignore',
      },
      {
        code: "unknownField",
        pointer: "/behaviour/quarterly-nps/score/cta.",
        message: expect.stringContaining('unknown interaction "cta."'),
      },
      { code: "unknownField", pointer: "/default/cat", message: expect.stringContaining('"cta"') },
      { code: "unknownField", pointer: "/usres", message: expect.stringContaining('"users"') },
    ]);
  });

  it("refuses negative and non-number weights at their pointer", () => {
    const problems = problemsOf({
      personas: { a: -1 },
      behaviour: { x: { y: { close: "often", answer: { "3": -2 } } } },
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ["invalidValue", "/personas/a"],
      ["wrongType", "/behaviour/x/y/close"],
      ["invalidValue", "/behaviour/x/y/answer/3"],
    ]);
  });

  it("keeps ids as data: a step id `__proto__` is read, a `__proto__` interaction refused", () => {
    const document = JSON.parse(
      '{ "behaviour": { "e": { "__proto__": { "close": 2 } } }, "personas": { "__proto__": 1 } }',
    );
    const model = forecastModel.parse(document);
    expect(model.behaviour?.get("e")?.get("__proto__")?.close).toBe(2);
    expect(model.personas?.get("__proto__")).toBe(1);
    const bad = JSON.parse('{ "behaviour": { "e": { "s": { "__proto__": 1 } } } }');
    expect(problemsOf(bad).map((p) => p.pointer)).toEqual(["/behaviour/e/s/__proto__"]);
  });
});

// ------------------------------------------------------------------ against the project

const survey = (() => {
  const { project } = validateDocument({
    version: 1,
    personas: [{ id: "pro", attributes: {} }],
    experiences: [
      {
        id: "s",
        type: "survey",
        status: "live",
        showOn: { trigger: "manual" },
        steps: [
          { id: "pick", kind: "multiChoice", question: { options: ["A", "B", "C"] } },
          { id: "one", kind: "choice", question: { options: ["A", "B"] } },
          {
            id: "rate",
            kind: "scale",
            question: { min: 1, max: 7 },
            triggers: [{ id: "t", on: { click: "#x" }, actions: [] }],
          },
          {
            id: "msg",
            kind: "message",
            ctas: [{ id: "ok", label: "OK", actions: [{ type: "goToStep", step: "complete" }] }],
          },
        ],
      },
      { id: "list", type: "checklist", status: "live", tasks: [{ id: "t1", label: "T" }] },
    ],
  });
  return project as Project;
})();

describe("the forecast model against its project", () => {
  it("accepts what the steps take", () => {
    const model = forecastModel.parse({
      personas: { pro: 1 },
      behaviour: {
        s: {
          pick: { answer: { "A|C": 1, B: 2, "": 1 } },
          one: { answer: { A: 1 } },
          rate: { answer: { "1": 1, "7": 1 }, "trigger.t": 1 },
          msg: { "cta.ok": 1, close: 0 },
        },
      },
    });
    expect(checkForecastModel(survey, model)).toEqual([]);
  });

  it("names every unknown id and every answer a step does not take, with its pointer", () => {
    const model = forecastModel.parse({
      personas: { pr0: 1 },
      behaviour: {
        nope: {},
        list: { t1: { close: 1 } },
        s: {
          pick: { answer: { "A|A": 1, "A|D": 1 } },
          one: { answer: { C: 1 } },
          rate: { answer: { "09": 1, "8": 1 }, "trigger.u": 1 },
          msg: { "cta.okay": 1, answer: { x: 1 } },
          gone: { close: 1 },
        },
      },
    });
    const problems = checkForecastModel(survey, model);
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ["unknownPersona", "/personas/pr0"],
      ["unknownExperience", "/behaviour/nope"],
      ["unknownStep", "/behaviour/list/t1"],
      ["answerNotAllowed", "/behaviour/s/pick/answer/A|A"],
      ["answerNotAllowed", "/behaviour/s/pick/answer/A|D"],
      ["answerNotAllowed", "/behaviour/s/one/answer/C"],
      ["unknownTrigger", "/behaviour/s/rate/trigger.u"],
      // (a JavaScript object lists integer keys first: "8" before "09")
      ["answerNotAllowed", "/behaviour/s/rate/answer/8"],
      ["answerNotAllowed", "/behaviour/s/rate/answer/09"],
      ["unknownCta", "/behaviour/s/msg/cta.okay"],
      ["notAnswerable", "/behaviour/s/msg/answer"],
      ["unknownStep", "/behaviour/s/gone"],
    ]);
    expect(problems[0].message).toContain('did you mean "pro"?');
    expect(problems[2].message).toContain("a checklist has tasks, not steps");
    expect(problems[9].message).toContain('did you mean "ok"?');
  });
});

// ---------------------------------------------------------------- uniform answer mixes

describe("a step the model does not name answers uniformly", () => {
  const shares = (step: Step) =>
    uniformAnswerShares(step).map(({ condition, share }) => [condition?.id ?? "fallback", share]);

  it("nps: 0–10 split by the conditions (the NPS example: 9–10, 0–6, the rest)", () => {
    const score = nps.experiences[0].steps[0];
    // promoters 9, 10 (2 of 11); detractors 0–6 (7 of 11); fallback 7, 8 (2 of 11).
    expect(shares(score)).toEqual([
      ["detractors", 7 / 11],
      ["fallback", 2 / 11],
      ["promoters", 2 / 11],
    ]);
  });

  it("multiChoice: every non-empty set of options, counted through the named ones", () => {
    const step = {
      ...survey.experiences[0].steps[0],
      conditions: [{ id: "hasA", if: { anyOf: ["A"] }, actions: [] }],
    } as Step;
    // 7 non-empty sets of {A, B, C}: 4 hold A, 3 do not.
    expect(shares(step)).toEqual([
      ["fallback", 3 / 7],
      ["hasA", 4 / 7],
    ]);
  });

  it('scale: every integer of min–max; text: the single value ""', () => {
    expect(shares(survey.experiences[0].steps[2])).toEqual([["fallback", 1]]);
    const text = {
      id: "t",
      kind: "text",
      ctas: [],
      triggers: [],
      conditions: [
        { id: "filled", if: { filled: true }, actions: [] },
        { id: "empty", if: { filled: false }, actions: [] },
      ],
    } as unknown as Step;
    expect(shares(text)).toEqual([["empty", 1]]);
  });
});

// ------------------------------------------------------------------------ JSON Schema

describe("the forecast model's JSON Schema", () => {
  it("is committed as generated (npm run schema)", () => {
    const committed = readFileSync(join(root, forecastModelSchemaPath), "utf8");
    expect(committed).toBe(forecastModelJsonSchemaText());
  });

  it("writes objects keyed by ids as objects, and is strict where the model is", () => {
    const schema = forecastModelJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.personas).toMatchObject({
      type: "object",
      additionalProperties: { type: "number", minimum: 0 },
    });
    const behaviour = schema.properties.behaviour as {
      additionalProperties: {
        additionalProperties: {
          properties: Record<string, unknown>;
          propertyNames: { pattern: string };
        };
      };
    };
    const step = behaviour.additionalProperties.additionalProperties;
    expect(Object.keys(step.properties)).toEqual(["close", "ignore", "answer"]);
    const interaction = new RegExp(step.propertyNames.pattern);
    for (const key of ["close", "answer", "cta.next", "trigger.t1"]) {
      expect(interaction.test(key)).toBe(true);
    }
    for (const key of ["clsoe", "cta.", "cta", "__proto__"])
      expect(interaction.test(key)).toBe(false);
  });
});
