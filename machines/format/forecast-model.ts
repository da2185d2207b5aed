// The forecast model (SPEC §5 "Model (input)"): who the users are and what they do with each
// step on screen. Strict like scripts and recordings: an unknown key is an error at its
// pointer, never dropped, so a typo such as "clsoe" cannot silently turn into the default.
// Objects keyed by ids (personas, experiences, steps, answer values) are read into Maps:
// ids are data, "__proto__" included (a zod record would drop that key).
import { z } from "zod";

/** A weight: weights need not sum to 1; 0 means "never" (SPEC §5). */
const weight = z.number().min(0);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object keyed by ids, read as a Map of its own keys (in document order). */
function idMap<T extends z.ZodType>(value: T) {
  return z.preprocess(
    (raw) => (isPlainObject(raw) ? new Map(Object.entries(raw)) : raw),
    z.map(z.string(), value, { error: "expected an object" }),
  );
}

/** The interactions a model may name for a step, besides `cta.<id>` and `trigger.<id>`. */
export const namedInteractions = ["close", "ignore", "answer"] as const;

/** `cta.<id>` / `trigger.<id>`: the kind and the id, or undefined for any other key. */
export function interactionRef(key: string): { kind: "cta" | "trigger"; id: string } | undefined {
  for (const kind of ["cta", "trigger"] as const) {
    const prefix = `${kind}.`;
    if (key.startsWith(prefix) && key.length > prefix.length) {
      return { kind, id: key.slice(prefix.length) };
    }
  }
  return undefined;
}

const interactionWords = "cta.<id>, trigger.<id>, answer, close and ignore";

/**
 * What a user does with one step: weights by interaction. Keys other than the named ones
 * and `cta.<id>`/`trigger.<id>` are errors at their own pointer (checked on the raw object,
 * so "__proto__" is caught too); the values are weights, `answer` a weight per answer value.
 */
const stepBehaviour = z.preprocess(
  (raw, payload) => {
    if (!isPlainObject(raw)) return raw;
    for (const key of Object.keys(raw)) {
      if ((namedInteractions as readonly string[]).includes(key)) continue;
      if (interactionRef(key)) continue;
      payload.addIssue({
        code: "custom",
        path: [key],
        message: `unknown interaction ${JSON.stringify(key)}; a step's interactions are ${interactionWords}`,
        params: { code: "unknownField" },
      });
    }
    return raw;
  },
  z
    .object({
      close: weight.optional(),
      ignore: weight.optional(),
      /** Answer value → weight: an integer (nps, scale) as a string, an option, options
       *  joined by `|` (multiChoice), or the text. */
      answer: idMap(weight).optional(),
    })
    .catchall(weight)
    // Editors flag an unknown interaction too (the JSON Schema carries the key pattern).
    .meta({ propertyNames: { pattern: "^(close|ignore|answer|cta\\..+|trigger\\..+)$" } }),
);

/** Decided here (semantics.ts names it): the behaviour of a step the model does not name,
 *  when the model has no `default` — SPEC §5's own example. */
export const defaultStepBehaviour = { cta: 4, close: 1, ignore: 1 } as const;

/**
 * `default`: `cta` shared equally among a step's CTAs, `answer` shared uniformly over the
 * answers it allows, `trigger` equally among its triggers, `close` and `ignore` as given.
 * Decided here: `answer` defaults to the `cta` weight (answering is a survey step's way on, as
 * a CTA is a tour step's), `trigger` to 0 (a trigger is an event of the host page, not of the
 * step: a model says how often it happens by naming it).
 */
const defaultBehaviour = z.strictObject({
  cta: weight.default(defaultStepBehaviour.cta),
  close: weight.default(defaultStepBehaviour.close),
  ignore: weight.default(defaultStepBehaviour.ignore),
  answer: weight.optional(),
  trigger: weight.default(0),
});

/**
 * The model. Monte Carlo fields (seed, users, days, start, personas, visits) are optional
 * here: exact mode reads only `behaviour` and `default`.
 */
export const forecastModel = z.strictObject({
  $schema: z.string().optional(),
  /** Same model + seed → same output, whatever the number of workers. */
  seed: z.int().optional(),
  /** Simulated users (Monte Carlo). */
  users: z.int().min(1).optional(),
  /** Horizon in days, from `start.at`. */
  days: z.int().min(1).optional(),
  start: z.strictObject({ at: z.iso.datetime({ offset: true }) }).optional(),
  /** Weights over the project's personas (by id). */
  personas: idMap(weight).optional(),
  visits: z
    .strictObject({
      /** Sessions per user per day: a Poisson mean. */
      perDay: z.number().min(0),
      /** Each session opens one page, drawn by weight. */
      pages: idMap(weight),
    })
    .optional(),
  /** Experience id → step id → what users do with that step on screen. */
  behaviour: idMap(idMap(stepBehaviour)).optional(),
  default: defaultBehaviour.default({
    ...defaultStepBehaviour,
    trigger: 0,
  }),
});

export type ForecastModel = z.output<typeof forecastModel>;
export type StepBehaviour = z.output<typeof stepBehaviour>;
export type DefaultBehaviour = z.output<typeof defaultBehaviour>;
