// Stage f: `{name}` placeholders that no persona defines (SPEC §2). Decided here: warned
// whenever no persona of `personas` defines the name, also when the project has no personas
// (then every custom attribute is unknown to the preview); email and username are built in.
import { builtInAttributes, placeholders } from "../actions/attributes.ts";
import { withDefinition } from "../actions/registry.ts";
import type { Project } from "../format/schema.ts";
import { diagnose } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";
import type { ActionList } from "./places.ts";

export function attributeDiagnostics(project: Project, lists: readonly ActionList[]): Diagnostic[] {
  const defined = new Set<string>(builtInAttributes);
  for (const persona of project.personas)
    for (const name of Object.keys(persona.attributes)) defined.add(name);
  const out: Diagnostic[] = [];
  for (const list of lists) {
    list.actions.forEach((action, i) => {
      const templates = withDefinition(action, (definition, typed) =>
        definition.rule.templates(typed),
      );
      for (const { field, text } of templates) {
        for (const name of new Set(placeholders(text))) {
          if (defined.has(name)) continue;
          out.push(
            diagnose(
              "undefinedAttribute",
              `No persona defines the attribute "${name}" used here, so it would resolve to an empty string: add it to a persona's attributes or fix the name.`,
              `${list.pointer}/${i}/${field}`,
            ),
          );
        }
      }
    });
  }
  return out;
}
