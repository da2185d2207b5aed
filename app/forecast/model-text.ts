// The forecast model as the JSON text the CLI reads with --model (SPEC §5), both ways. The
// panel edits the parsed model (ids are Map keys, so "__proto__" is an id like any other) and
// keeps its text with the document; Object.fromEntries writes own properties, never a
// prototype, so the text round-trips every id.
import {
  type ForecastModel,
  forecastModel,
  parseJsonText,
  type StepBehaviour,
} from "../../machines/format/index.ts";

export type ReadModel = { ok: true; model: ForecastModel } | { ok: false; problems: string[] };

function behaviourJson(behaviour: StepBehaviour): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(behaviour).map(([key, value]) => [
      key,
      value instanceof Map ? Object.fromEntries(value) : value,
    ]),
  );
}

/** The model as the plain JSON value SPEC §5 shows, fields in its order. */
export function modelJson(model: ForecastModel): Record<string, unknown> {
  const out: [string, unknown][] = [];
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out.push([key, value]);
  };
  put("$schema", model.$schema);
  put("seed", model.seed);
  put("users", model.users);
  put("days", model.days);
  put("start", model.start);
  put("personas", model.personas && Object.fromEntries(model.personas));
  put(
    "visits",
    model.visits && { perDay: model.visits.perDay, pages: Object.fromEntries(model.visits.pages) },
  );
  put(
    "behaviour",
    model.behaviour &&
      Object.fromEntries(
        [...model.behaviour].map(([experience, steps]) => [
          experience,
          Object.fromEntries([...steps].map(([step, b]) => [step, behaviourJson(b)])),
        ]),
      ),
  );
  put("default", model.default);
  return Object.fromEntries(out);
}

export function modelText(model: ForecastModel): string {
  return `${JSON.stringify(modelJson(model), null, 2)}\n`;
}

/** Reads a model text; each problem says where it is (JSON pointer and line). */
export function readModelText(text: string): ReadModel {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { ok: false, problems: [`line ${line}, column ${column}: ${message}`] };
  }
  const checked = forecastModel.safeParse(parsed.value);
  if (checked.success) return { ok: true, model: checked.data };
  return {
    ok: false,
    problems: checked.error.issues.map((issue) => {
      const pointer = issue.path
        .map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`)
        .join("");
      const { line } = parsed.locate(pointer);
      return `${pointer || "/"} (line ${line}): ${issue.message}`;
    }),
  };
}
