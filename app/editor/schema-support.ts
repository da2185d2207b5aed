// Completion and hover from the project's JSON Schema (the committed schema/project.schema.json,
// generated from the zod schema with a description on every field) and from the document's
// own ids: completion.ts and hover.ts decide what to offer and explain; this hands it to
// CodeMirror. There is no schema linter: the validator's diagnostics are the one source of
// errors. Descriptions are shown as text, never parsed as HTML.
import {
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSection,
  pickedCompletion,
  startCompletion,
} from "@codemirror/autocomplete";
import { jsonLanguage } from "@codemirror/lang-json";
import type { Extension } from "@codemirror/state";
import { type EditorView, hoverTooltip } from "@codemirror/view";
import { type CompletionOption, completeAt } from "./completion.ts";
import { hoverAt } from "./hover.ts";
import { largeDocumentChars } from "./limits.ts";

/** What may be typed while the list stays open and filters: inside quotes, any text but one. */
const quotedWord = /^[^"\\]*$/;
const bareWord = /^[\w$.-]*$/;

/**
 * Completion and hover read the whole document: in a large document completion waits for
 * Ctrl+Space and hover is off, so typing in a 10,000-step project stays instant.
 */
export function schemaSupport(): Extension {
  return [
    jsonLanguage.data.of({ autocomplete: completionSource }),
    hoverTooltip(hoverSource, { hoverTime: 400 }),
  ];
}

function completionSource(context: CompletionContext): CompletionResult | null {
  const { doc } = context.state;
  if (doc.length > largeDocumentChars && !context.explicit) return null;
  const found = completeAt(doc.toString(), context.pos);
  if (!found) return null;
  // Groups keep the order completeAt gives them (CodeMirror would sort them by name).
  const groups = new Map<string, CompletionSection>();
  for (const { group } of found.options) {
    if (group !== undefined && !groups.has(group)) {
      groups.set(group, { name: group, rank: groups.size });
    }
  }
  return {
    from: found.from,
    to: found.to,
    options: found.options.map((option) => toCompletion(option, groups)),
    validFor: found.quoted ? quotedWord : bareWord,
  };
}

const completionTypes = { property: "property", value: "enum", reference: "variable" } as const;

function toCompletion(
  option: CompletionOption,
  groups: ReadonlyMap<string, CompletionSection>,
): Completion {
  return {
    label: option.label,
    detail: option.detail,
    info: option.info,
    type: completionTypes[option.kind],
    section: option.group === undefined ? undefined : groups.get(option.group),
    apply: (view, completion, from, to) => applyOption(view, completion, option, from, to),
  };
}

function applyOption(
  view: EditorView,
  completion: Completion,
  option: CompletionOption,
  from: number,
  to: number,
): void {
  const caret = from + (option.caret ?? option.apply.length);
  view.dispatch({
    changes: { from, to, insert: option.apply },
    selection: { anchor: caret },
    annotations: pickedCompletion.of(completion),
    userEvent: "input.complete",
  });
  // The value just started has choices (a kind, a step id): list them at once.
  if (option.reopen) startCompletion(view);
}

function hoverSource(view: EditorView, pos: number) {
  if (view.state.doc.length > largeDocumentChars) return null;
  const found = hoverAt(view.state.doc.toString(), pos);
  if (!found || (!found.description && !found.title)) return null;
  return {
    pos: found.from,
    end: found.to,
    above: true,
    create: () => ({ dom: hoverCard(found.title, found.description) }),
  };
}

/** The hover card, built from text nodes only (never parsed as HTML). */
function hoverCard(title: string, description: string | undefined): HTMLElement {
  const card = document.createElement("div");
  card.className = "json-hover";
  const type = document.createElement("div");
  type.className = "json-hover-type";
  type.textContent = title;
  card.append(type);
  if (description) {
    const message = document.createElement("div");
    message.className = "json-hover-message";
    message.textContent = description;
    card.append(message);
  }
  return card;
}
