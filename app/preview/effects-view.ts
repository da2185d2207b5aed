// Side effects as a user reads them: what happened and its detail as plain text. runJs shows
// the code the project holds for it (never executed); URLs are text, never links.
import type { Action, Effect, Project } from "../../machines/format/index.ts";

export interface EffectView {
  kind: Effect["type"];
  title: string;
  detail: string;
  /** runJs: the code, as text. */
  code?: string[];
}

function runJsCodes(actions: readonly Action[]): string[] {
  return actions.flatMap((a) => (a.type === "runJs" ? [a.code] : []));
}

/** Every runJs code the step (or block) holds: the effect names the step, not the list. */
function runJsCodeOf(project: Project, effect: Extract<Effect, { type: "runJs" }>) {
  if (effect.block) {
    const block = project.resourceCenter.blocks.find((b) => b.id === effect.block);
    return block ? runJsCodes(block.actions) : [];
  }
  const experience = project.experiences.find((e) => e.id === effect.experience);
  const step = experience?.steps.find((s) => s.id === effect.step);
  if (!step) return [];
  const lists = [
    ...step.ctas.map((c) => c.actions),
    ...step.triggers.map((t) => t.actions),
    ...step.conditions.map((c) => c.actions),
    step.fallback ?? [],
    step.closingCross ?? [],
  ];
  return [...new Set(lists.flatMap(runJsCodes))];
}

export function effectView(effect: Effect, project: Project): EffectView {
  switch (effect.type) {
    case "navigateTo":
      return {
        kind: effect.type,
        title: effect.openIn === "newTab" ? "Opened a new tab" : "Navigated (same tab)",
        detail: effect.url,
      };
    case "launchAgent":
      return {
        kind: effect.type,
        title: "Opened the AI agent",
        detail: effect.message ? `“${effect.message}”` : "(no message)",
      };
    case "openPost": {
      const post = project.posts.find((p) => p.id === effect.post);
      return { kind: effect.type, title: "Opened a post", detail: post?.title ?? effect.post };
    }
    case "bookInterview":
      return {
        kind: effect.type,
        title: `Booking (${effect.provider || "no provider"})`,
        detail: effect.link || "(no link)",
      };
    case "runJs": {
      const where = effect.block
        ? `block ${effect.block}`
        : `${effect.experience} / ${effect.step}`;
      return {
        kind: effect.type,
        title: "Run JavaScript (not executed)",
        detail: where,
        code: runJsCodeOf(project, effect),
      };
    }
  }
}
