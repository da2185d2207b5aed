// The "New experience" wizard's templates: a small valid experience of each common kind, to
// be shaped in the form afterwards. Each passes the validator as it is (test/authoring-*).
import { addExperience } from "./experience-edits.ts";
import { freshId, slugOf } from "./fresh-id.ts";
import { projectIds } from "./refs.ts";
import { parseText } from "./text-edits.ts";

export interface Template {
  id: string;
  label: string;
  description: string;
  /** The experience, under the id and name the wizard chose. */
  build(id: string, name: string): Record<string, unknown>;
}

const next = { type: "goToStep", step: "next" };
const complete = { type: "goToStep", step: "complete" };

export const templates: readonly Template[] = [
  {
    id: "onboarding-tour",
    label: "Onboarding tour",
    description: "A welcome modal, a tooltip on a page element, and a last modal.",
    build: (id, name) => ({
      id,
      name,
      type: "tour",
      status: "live",
      showOn: { trigger: "auto", urls: ["/dashboard"] },
      steps: [
        {
          id: "welcome",
          kind: "modal",
          title: "Welcome!",
          body: "Let us show you around.",
          ctas: [{ id: "start", label: "Show me", actions: [next] }],
        },
        {
          id: "highlight",
          kind: "tooltip",
          title: "Start here",
          body: "This is where your work begins.",
          target: "#main-action",
          ctas: [{ id: "next", label: "Next", actions: [next] }],
        },
        {
          id: "done",
          kind: "modal",
          title: "You are all set",
          ctas: [{ id: "finish", label: "Finish", actions: [complete] }],
        },
      ],
    }),
  },
  {
    id: "nps-branches",
    label: "NPS with branches",
    description: "An NPS question: detractors are asked why, everyone is thanked.",
    build: (id, name) => ({
      id,
      name,
      type: "survey",
      status: "live",
      showOn: { trigger: "manual", urls: [] },
      steps: [
        {
          id: "score",
          kind: "nps",
          question: { text: "How likely are you to recommend us?", min: 0, max: 10 },
          conditions: [
            {
              id: "detractors",
              if: { between: [0, 6] },
              actions: [{ type: "goToStep", step: "why" }],
            },
          ],
          fallback: [{ type: "goToStep", step: "thanks" }],
        },
        {
          id: "why",
          kind: "text",
          question: { text: "What should we do better?" },
          fallback: [next],
        },
        {
          id: "thanks",
          kind: "message",
          title: "Thank you!",
          ctas: [{ id: "close", label: "Close", actions: [complete] }],
        },
      ],
    }),
  },
  {
    id: "feature-banner",
    label: "Feature banner",
    description: "A banner at the top of some pages, with one CTA.",
    build: (id, name) => ({
      id,
      name,
      type: "banner",
      status: "live",
      showOn: { trigger: "auto", urls: ["/dashboard"] },
      steps: [
        {
          id: "banner",
          kind: "banner",
          title: "Something new is here",
          ctas: [{ id: "learn-more", label: "Learn more", actions: [complete] }],
        },
      ],
    }),
  },
  {
    id: "checklist",
    label: "Checklist",
    description: "Two tasks to get started.",
    build: (id, name) => ({
      id,
      name,
      type: "checklist",
      status: "live",
      showOn: { trigger: "manual", urls: [] },
      checklist: { order: "any" },
      tasks: [
        {
          id: "task-1",
          label: "Complete your profile",
          actions: [{ type: "navigateTo", url: "/settings/profile", openIn: "sameTab" }],
        },
        {
          id: "task-2",
          label: "Invite a teammate",
          actions: [{ type: "navigateTo", url: "/settings/team", openIn: "sameTab" }],
        },
      ],
    }),
  },
  {
    id: "hint",
    label: "Hint",
    description: "A hint beside a page element.",
    build: (id, name) => ({
      id,
      name,
      type: "hint",
      status: "live",
      showOn: { trigger: "auto", urls: ["/dashboard"] },
      steps: [
        {
          id: "hint",
          kind: "hint",
          body: "Tip: this button does more than it seems.",
          target: "#help",
          ctas: [{ id: "got-it", label: "Got it", actions: [complete] }],
        },
      ],
    }),
  },
];

export function templateById(id: string): Template | undefined {
  return templates.find((template) => template.id === id);
}

/** The id an experience named `name` gets: its slug, unique across the project's ids. */
export function newExperienceId(text: string, name: string, fallback: string): string {
  return freshId(projectIds(parseText(text).root), slugOf(name, fallback));
}

/** Adds an experience made from the template, named `name`, under `id`. */
export function addFromTemplate(
  text: string,
  template: Template,
  name: string,
  id: string,
): string {
  return addExperience(text, template.build(id, name));
}
