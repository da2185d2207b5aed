// The validator (SPEC §2): text or a parsed document in, diagnostics in document order out.
// Stage a checks the shape (zod) and stops there when it fails, since every later rule needs
// a well-formed project; the later stages are semantic rules, each in its own module.
import { parseJsonText } from "../format/json-text.ts";
import type { Project } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnosticCap } from "../semantics.ts";
import { capped, type Locate, sortByDocumentOrder, withPositions } from "./order.ts";
import { semanticDiagnostics } from "./semantic.ts";
import { checkStructure } from "./structure.ts";
import { unknownFieldDiagnostics } from "./unknown-fields.ts";

export type { Diagnostic, Severity } from "../model/diagnostic.ts";
export { type DocumentProblem, documentProblems } from "./document-issues.ts";
export { stepKindsByType } from "./experiences.ts";
export { operatorsByKind, targetedKinds } from "./steps.ts";

export interface ParseError {
  message: string;
  line: number;
  column: number;
  /** Set when the text is JSON but cannot be taken as it is (nested too deeply). */
  pointer?: string;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** The parsed project with defaults filled in; present when its shape is right. */
  project?: Project;
  /** Set when the text is not JSON (then `diagnostics` is empty). */
  parseError?: ParseError;
}

/** Structural problems shown at most (then one "… N more"); semantic ones are not capped. */
export const structuralLimit = diagnosticCap;

export function validateText(text: string): ValidationResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { message, line, column, pointer } = parsed.error;
    const parseError =
      pointer === undefined ? { message, line, column } : { message, line, column, pointer };
    return { diagnostics: [], parseError };
  }
  return validateDocument(parsed.value, parsed.locate);
}

export function validateDocument(document: unknown, locate?: Locate): ValidationResult {
  const shape = checkStructure(document);
  const unknownFields = unknownFieldDiagnostics(document);
  if (!shape.ok) {
    const structural = [...shape.diagnostics, ...unknownFields];
    const shown = capped(
      sortByDocumentOrder(structural, document),
      structuralLimit,
      "tooManyIssues",
    );
    return { diagnostics: withPositions(shown, locate) };
  }
  const project = shape.project;
  // A document may carry any number of unknown keys: they are capped like structural problems.
  const fields = capped(
    sortByDocumentOrder(unknownFields, document),
    structuralLimit,
    "tooManyUnknownFields",
  );
  const trailer = fields.length > structuralLimit ? fields.pop() : undefined;
  const all = sortByDocumentOrder([...fields, ...semanticDiagnostics(project)], document);
  if (trailer) all.push(trailer);
  return { diagnostics: withPositions(all, locate), project };
}
