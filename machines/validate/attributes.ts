// Stage f: `{name}` placeholders that no persona defines (SPEC §2). Decided here: warned
// whenever no persona of `personas` defines the name, also when the project has no personas
// (then every custom attribute is unknown to the preview); email and username are built in.
import { builtInAttributes, placeholders } from "../actions/attributes.ts";
import type { Project } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnose } from "./codes.ts";
import type { ActionList } from "./places.ts";
import { ruleOf } from "./rules-of.ts";

/** The attribute names some persona defines, built-in ones included. */
export function definedAttributes(project: Project): ReadonlySet<string> {
  const defined = new Set<string>(builtInAttributes);
  for (const persona of project.personas)
    for (const name of Object.keys(persona.attributes)) defined.add(name);
  return defined;
}

/** The undefined `{name}`s in one list's actions, into `out`. */
export function listAttributes(
  defined: ReadonlySet<string>,
  list: ActionList,
  out: Diagnostic[],
): void {
  const actions = list.actions;
  for (let i = 0; i < actions.length; i++) {
    const templates = ruleOf(actions[i]).templates(actions[i]);
    for (let t = 0; t < templates.length; t++) {
      const { field, text } = templates[t];
      // Most texts have no placeholder at all: skip the scan.
      if (!text.includes("{")) continue;
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
  }
}
