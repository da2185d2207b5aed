// Completion and hover from the project's JSON Schema (the committed schema/project.schema.json,
// generated from the zod schema), through codemirror-json-schema. Its own schema linter is left
// out: the validator's diagnostics are the one source of errors. (best-effort-json-parser is
// that library's own dependency, imported only to turn its logging off.)
import type { CompletionContext } from "@codemirror/autocomplete";
import { jsonLanguage } from "@codemirror/lang-json";
import type { Extension } from "@codemirror/state";
import { hoverTooltip } from "@codemirror/view";
import { disableErrorLogging } from "best-effort-json-parser";
import { jsonCompletion, jsonSchemaHover, stateExtensions } from "codemirror-json-schema";
import projectSchema from "../../schema/project.schema.json";
import { inlineLocalRefs } from "./inline-refs.ts";
import { largeDocumentChars } from "./limits.ts";

/** The library's schema type (its `json-schema` types are not installed). */
type ProjectSchema = Parameters<typeof stateExtensions>[0];

let editorSchema: ProjectSchema | undefined;

/** The schema as the library can use it (references inlined), built once. */
function schemaForEditor(): ProjectSchema {
  editorSchema ??= inlineLocalRefs(projectSchema) as ProjectSchema;
  return editorSchema;
}

// The library's lenient parser logs every half-typed document to console.error: silence it.
disableErrorLogging();

/**
 * The library re-reads the whole document on every completion and hover: in a large document
 * completion waits for Ctrl+Space and hover is off, so typing in a 10,000-step project stays
 * instant.
 */
export function schemaSupport(): Extension {
  const complete = jsonCompletion();
  const hover = jsonSchemaHover({ formatHover });
  const source = (context: CompletionContext) =>
    context.state.doc.length > largeDocumentChars && !context.explicit ? null : complete(context);
  return [
    stateExtensions(schemaForEditor()),
    jsonLanguage.data.of({ autocomplete: source }),
    hoverTooltip(
      (view, pos, side) =>
        view.state.doc.length > largeDocumentChars ? null : hover(view, pos, side),
      { hoverTime: 400 },
    ),
  ];
}

/** The hover card, built from text nodes only (never parsed as HTML). */
function formatHover(texts: { message: string | null; typeInfo: string }): HTMLElement {
  const card = document.createElement("div");
  card.className = "json-hover";
  if (texts.typeInfo) {
    const type = document.createElement("div");
    type.className = "json-hover-type";
    type.textContent = texts.typeInfo.replaceAll("`", "").trim();
    card.append(type);
  }
  if (texts.message) {
    const message = document.createElement("div");
    message.className = "json-hover-message";
    message.textContent = texts.message;
    card.append(message);
  }
  return card;
}
