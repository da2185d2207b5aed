// The committed JSON Schema (schema/project.schema.json) is what the zod schema generates
// today, and it means something: the examples pass it, broken documents do not.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  projectJsonSchema,
  projectJsonSchemaText,
  projectSchemaPath,
} from "../machines/format/write-json-schema.ts";

const root = join(import.meta.dirname, "..");
const committed = readFileSync(join(root, projectSchemaPath), "utf8");

type JsonSchema = Record<string, unknown> | boolean;

/**
 * Just enough of JSON Schema 2020-12 for what zod emits: the first violation's place, or
 * undefined when `value` conforms.
 */
function violation(
  schema: JsonSchema,
  value: unknown,
  defs: Record<string, JsonSchema>,
  at = "",
): string | undefined {
  if (schema === true) return undefined;
  if (schema === false) return `${at}: nothing is allowed here`;
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string")
    return violation(defs[s.$ref.replace("#/$defs/", "")], value, defs, at);
  if (Array.isArray(s.allOf)) {
    for (const part of s.allOf) {
      const found = violation(part, value, defs, at);
      if (found) return found;
    }
  }
  if (Array.isArray(s.anyOf) && !s.anyOf.some((part) => !violation(part, value, defs, at))) {
    return `${at}: matches none of anyOf`;
  }
  if (
    Array.isArray(s.oneOf) &&
    s.oneOf.filter((part) => !violation(part, value, defs, at)).length !== 1
  ) {
    return `${at}: does not match exactly one of oneOf`;
  }
  if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(value))
    return `${at}: not ${JSON.stringify(s.const)}`;
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return `${at}: not in enum`;
  if (typeof s.type === "string" && !hasType(value, s.type)) return `${at}: not a ${s.type}`;
  return (
    numberViolation(s, value, at) ??
    (Array.isArray(value) ? arrayViolation(s, value, defs, at) : undefined) ??
    (isObject(value) ? objectViolation(s, value, defs, at) : undefined)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "array") return Array.isArray(value);
  if (type === "object") return isObject(value);
  if (type === "null") return value === null;
  return typeof value === type;
}

function numberViolation(
  s: Record<string, unknown>,
  value: unknown,
  at: string,
): string | undefined {
  if (typeof value === "string" && typeof s.minLength === "number" && value.length < s.minLength) {
    return `${at}: too short`;
  }
  if (typeof value !== "number") return undefined;
  if (typeof s.minimum === "number" && value < s.minimum) return `${at}: below minimum`;
  if (typeof s.maximum === "number" && value > s.maximum) return `${at}: above maximum`;
  if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum)
    return `${at}: not above minimum`;
  return undefined;
}

function arrayViolation(
  s: Record<string, unknown>,
  value: unknown[],
  defs: Record<string, JsonSchema>,
  at: string,
): string | undefined {
  if (typeof s.minItems === "number" && value.length < s.minItems) return `${at}: too few items`;
  if (typeof s.maxItems === "number" && value.length > s.maxItems) return `${at}: too many items`;
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as JsonSchema[]) : [];
  for (let i = 0; i < value.length; i++) {
    const itemSchema = i < prefix.length ? prefix[i] : (s.items as JsonSchema | undefined);
    const found =
      itemSchema === undefined ? undefined : violation(itemSchema, value[i], defs, `${at}/${i}`);
    if (found) return found;
  }
  return undefined;
}

function objectViolation(
  s: Record<string, unknown>,
  value: Record<string, unknown>,
  defs: Record<string, JsonSchema>,
  at: string,
): string | undefined {
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  for (const key of (s.required ?? []) as string[])
    if (!(key in value)) return `${at}/${key}: missing`;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = Object.hasOwn(properties, key)
      ? properties[key]
      : (s.additionalProperties as JsonSchema | undefined);
    const found =
      childSchema === undefined ? undefined : violation(childSchema, child, defs, `${at}/${key}`);
    if (found) return found;
  }
  return undefined;
}

function check(document: unknown): string | undefined {
  const schema = projectJsonSchema();
  return violation(schema, document, schema.$defs as Record<string, JsonSchema>);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(root, path), "utf8"));
}

describe("schema/project.schema.json", () => {
  it("is what `npm run schema` writes today (run it after changing machines/format/schema.ts)", () => {
    expect(committed).toBe(projectJsonSchemaText());
  });

  it("names itself and the draft it follows", () => {
    const schema = JSON.parse(committed);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/project\.schema\.json$/);
    expect(schema.title).toBe("Flowscope project");
    expect(schema.required).toEqual(["version"]);
  });

  it.each(readdirSync(join(root, "examples")).filter((name) => name.endsWith(".json")))(
    "accepts examples/%s",
    (name) => {
      expect(check(readJson(`examples/${name}`))).toBeUndefined();
    },
  );

  it.each([
    ["missingField", "/experiences/0/status"],
    ["wrongType", "/experiences/0/steps"],
    ["invalidValue", "/experiences/0/type"],
    ["outOfRange", "/experiences/0/steps/0/closingCross/0"],
    ["unknownActionType", "/experiences/0/steps/0/ctas/0/actions/0"],
  ])("refuses examples/invalid/%s.json at %s", (name, place) => {
    const found = check(readJson(`examples/invalid/${name}.json`));
    expect(found).toBeDefined();
    expect(found?.startsWith(place)).toBe(true);
  });

  it("leaves unknown fields to the validator's warning (it does not forbid them)", () => {
    expect(check(readJson("examples/invalid/unknownField.json"))).toBeUndefined();
  });
});
