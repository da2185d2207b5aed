// Persona attributes edited as JSON or as key/value rows. A row's value is read as JSON when
// it parses (true, 42, "x", [..]) and as a plain string otherwise. Parsed as files are
// (format/json-text.ts), so a value nested too deeply never reaches the engine.
import { parseJsonText } from "../../machines/format/index.ts";

export type Attributes = Record<string, unknown>;

export type Parsed = { ok: true; value: Attributes } | { ok: false; message: string };

export function parseAttributesJson(text: string): Parsed {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return { ok: false, message: `${message} (line ${line}, column ${column})` };
  }
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: 'attributes must be a JSON object, e.g. { "plan": "pro" }' };
  }
  return { ok: true, value: value as Attributes };
}

export interface Row {
  key: string;
  value: string;
}

export function rowsOf(attributes: Attributes): Row[] {
  return Object.entries(attributes).map(([key, value]) => ({
    key,
    value: typeof value === "string" ? value : JSON.stringify(value),
  }));
}

export function readValue(text: string): unknown {
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed.value : text;
}

/** Rows back to attributes; blank keys are skipped, a repeated key keeps its last value. */
export function attributesOf(rows: readonly Row[]): Attributes {
  // fromEntries defines own properties: an attribute named "__proto__" stays an attribute
  // (an assignment would set the object's prototype and lose it). Later rows win.
  const entries = rows
    .map((row) => [row.key.trim(), row.value] as const)
    .filter(([key]) => key !== "")
    .map(([key, value]) => [key, readValue(value)] as const);
  return Object.fromEntries(entries);
}
