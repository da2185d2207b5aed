// Groups diagnostics by the experience their pointer lies in (`/experiences/N/…`), labelled with
// that experience's name and id; everything else (settings, posts, agent…) goes under "Project".
import type { Diagnostic } from "../../machines/model/index.ts";

export interface DiagnosticGroup {
  /** "project" or "experience-N"; stable React key and test hook. */
  key: string;
  title: string;
  /** The experience's id when it has one, shown beside the title. */
  subtitle?: string;
  diagnostics: Diagnostic[];
}

const experiencePointer = /^\/experiences\/(\d+)(?:\/|$)/;

/** Index of the experience a pointer lies in, or null for project-level places. */
function experienceIndexOf(pointer: string): number | null {
  const match = experiencePointer.exec(pointer);
  return match ? Number(match[1]) : null;
}

function textField(value: unknown, field: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === "string" && found.length > 0 ? found : undefined;
}

function experienceGroup(index: number, experiences: readonly unknown[]): DiagnosticGroup {
  const experience = experiences[index];
  const id = textField(experience, "id");
  const name = textField(experience, "name");
  return {
    key: groupKeyOf(index),
    title: name ?? id ?? `Experience ${index + 1}`,
    subtitle: name && id ? id : undefined,
    diagnostics: [],
  };
}

const severityRank = { error: 0, warning: 1 } as const;

/** Errors first, then by place in the text (diagnostics without a place keep their order). */
function byImportance(a: Diagnostic, b: Diagnostic): number {
  const rank = severityRank[a.severity] - severityRank[b.severity];
  if (rank !== 0) return rank;
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

function groupKeyOf(index: number | null): string {
  return index === null ? "project" : `experience-${index}`;
}

/**
 * `experiences` is the document's experiences array, as far as it could be read (it labels the
 * groups, so it may be the raw parsed JSON when the schema rejected the project).
 * Groups come in the order they first appear in `diagnostics`: the validator lists them in
 * document order, so settings come before experiences and posts or the agent after them.
 */
export function groupDiagnostics(
  diagnostics: readonly Diagnostic[],
  experiences: readonly unknown[],
): DiagnosticGroup[] {
  const groups = new Map<string, DiagnosticGroup>();
  for (const diagnostic of diagnostics) {
    const index = experienceIndexOf(diagnostic.pointer);
    const key = groupKeyOf(index);
    let group = groups.get(key);
    if (!group) {
      group =
        index === null
          ? { key, title: "Project", diagnostics: [] }
          : experienceGroup(index, experiences);
      groups.set(key, group);
    }
    group.diagnostics.push(diagnostic);
  }
  for (const group of groups.values()) group.diagnostics.sort(byImportance);
  return [...groups.values()];
}

/** The experiences array of a document, read leniently (labels only; never throws). */
export function experiencesOf(document: unknown): readonly unknown[] {
  if (typeof document !== "object" || document === null) return [];
  const experiences = (document as Record<string, unknown>).experiences;
  return Array.isArray(experiences) ? experiences : [];
}
