// Every field of the project format carries a description written for a product manager:
// it is what the editor's hover and completion show, and what other editors show from the
// committed JSON Schema. This walks the generated schema and names any field without one.
import { describe, expect, it } from "vitest";
import { projectJsonSchema } from "../machines/format/write-json-schema.ts";

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON pointers of the properties without a description, anywhere in `schema`. */
function undescribed(schema: unknown, at: string, out: string[]): string[] {
  if (Array.isArray(schema)) {
    schema.forEach((item, i) => {
      undescribed(item, `${at}/${i}`, out);
    });
    return out;
  }
  if (!isNode(schema)) return out;
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" && isNode(value)) {
      for (const [name, property] of Object.entries(value)) {
        const place = `${at}/properties/${name}`;
        const text = isNode(property) ? property.description : undefined;
        if (typeof text !== "string" || text.trim() === "") out.push(place);
        undescribed(property, place, out);
      }
    } else {
      undescribed(value, `${at}/${key}`, out);
    }
  }
  return out;
}

describe("the project format's descriptions", () => {
  const schema = projectJsonSchema();

  it("describe every property of the generated JSON Schema, in $defs and alternatives too", () => {
    expect(undescribed(schema, "#", [])).toEqual([]);
  });

  it("are found by the walk when one is missing (the check can fail)", () => {
    const broken = { properties: { a: { description: "A." }, b: { type: "string" } } };
    expect(undescribed(broken, "#", [])).toEqual(["#/properties/b"]);
  });

  it("reach the named definitions: a step's kind and an action's step say what they mean", () => {
    const defs = schema.$defs as Record<string, Node>;
    const step = defs.step.properties as Record<string, Node>;
    expect(step.kind.description).toMatch(/Tour: modal, tooltip/);
    const goToStep = (defs.action.oneOf as Node[]).find(
      (option) => (option.properties as Record<string, Node>).type.const === "goToStep",
    );
    const target = (goToStep?.properties as Record<string, Node> | undefined)?.step;
    expect(target?.description).toMatch(/"next".*"previous".*"complete"/);
  });
});
