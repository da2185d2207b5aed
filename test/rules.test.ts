// The seed's tables, transcribed here a second time, independently, as the seed prints them
// (`seed/available-actions.txt`: cells in reading order, its own words), checked against the
// data in machines/rules and against what the validator does with each cell.
import { describe, expect, it } from "vitest";
import type { Action, ActionType, ProjectInput } from "../machines/format/schema.ts";
import { type Availability, availability } from "../machines/rules/availability.ts";
import { canFollow } from "../machines/rules/combination.ts";
import { type Context, contexts } from "../machines/rules/contexts.ts";
import { executionOrder, nominalOrder } from "../machines/rules/execution-order.ts";
import { validateDocument } from "../machines/validate/index.ts";

/** The seed's row names, in its order, with our type names. */
const seedRows: [string, ActionType][] = [
  ["Launch Agent", "launchAgent"],
  ["Go to step", "goToStep"],
  ["Dismiss", "dismiss"],
  ["Launch experience", "launchExperience"],
  ["Open Post", "openPost"],
  ["Navigate to", "navigateTo"],
  ["Snooze", "snooze"],
  ["Run JS code", "runJs"],
  ["Book Interview", "bookInterview"],
];

// "Availability by Context": columns CTA, Progress triggers, Survey Conditions, Closing
// cross, Changelog Post CTA, Resource Center Action Blocks, Checklist Tasks, Agent.
const seedAvailability: Record<string, string[]> = {
  "Launch Agent": ["Yes", "Yes", "Yes", "No", "No", "No", "No", "-"],
  "Go to step": ["Yes", "Yes", "Yes (default)", "No", "No", "No", "No", "No"],
  Dismiss: ["Yes", "Yes", "Yes", "Yes (default)", "No", "No", "No", "No"],
  "Launch experience": [
    "Yes",
    "Yes",
    "Yes",
    "No",
    "Yes",
    "Yes",
    "Yes",
    "via Tours or Custom Answers",
  ],
  "Open Post": ["Yes", "Yes", "No", "No", "No", "Yes", "Yes", "via Custom Answers"],
  "Navigate to": [
    "Yes",
    "Yes",
    "Yes",
    "No",
    "Yes",
    "Yes",
    "Yes",
    "via Automated Actions or Custom Answers",
  ],
  Snooze: ["1st step", "1st step", "1st step", "1st step", "No", "No", "No", "No"],
  "Run JS code": ["Yes*", "Yes*", "Yes*", "No", "No", "Yes", "No", "No"],
  "Book Interview": ["Fixed**", "No", "No", "No", "No", "No", "No", "No"],
};

/** The seed's words → our cell values (SPEC §2: "via Tours" is not modelled). */
const meaning: Record<string, Availability> = {
  Yes: "yes",
  "Yes (default)": "default",
  No: "no",
  "-": "no",
  "1st step": "firstStep",
  "Yes*": "needsActivation",
  "Fixed**": "fixed",
  "via Custom Answers": "customAnswersOnly",
  "via Tours or Custom Answers": "customAnswersOnly",
  "via Automated Actions or Custom Answers": "agentBoth",
};

// "Combination Matrix": columns Launch Agent, Go to step, Dismiss, Launch exp., Open Post,
// Navigate to, Run JS, Snooze, Book Interview (note: Run JS before Snooze here).
const seedColumns: ActionType[] = [
  "launchAgent",
  "goToStep",
  "dismiss",
  "launchExperience",
  "openPost",
  "navigateTo",
  "runJs",
  "snooze",
  "bookInterview",
];
const seedCombination: Record<string, string[]> = {
  "Launch Agent": ["-", "Yes", "No", "No", "No", "Yes", "Yes", "Yes", "No"],
  "Go to step": ["No", "-", "No", "No", "No", "Yes", "Yes", "Yes", "No"],
  Dismiss: ["No", "Yes", "-", "No", "No", "Yes", "Yes", "No", "No"],
  "Launch experience": ["No", "Yes", "No", "-", "No", "Yes", "Yes", "Yes", "No"],
  "Open Post": ["No", "Yes", "No", "No", "-", "Yes", "Yes", "Yes", "No"],
  "Navigate to": ["Yes", "Yes", "Yes", "Yes", "Yes", "-", "Yes", "Yes", "No"],
  Snooze: ["Yes", "Yes", "No", "Yes", "Yes", "Yes", "Yes", "-", "No"],
  "Run JS code": ["Yes", "Yes", "Yes", "Yes", "Yes", "Yes", "-", "Yes", "No"],
  "Book Interview": ["No", "Yes", "No", "No", "No", "No", "Yes", "No", "-"],
};

const sample: Record<ActionType, Action> = {
  launchAgent: { type: "launchAgent", message: "help" },
  goToStep: { type: "goToStep", step: "complete" },
  dismiss: { type: "dismiss" },
  launchExperience: { type: "launchExperience", experience: "other" },
  openPost: { type: "openPost", post: "p-news" },
  navigateTo: { type: "navigateTo", url: "/settings", openIn: "sameTab" },
  snooze: { type: "snooze", hours: 24, maxTimes: 3 },
  runJs: { type: "runJs", code: "track()" },
  bookInterview: { type: "bookInterview" },
};

const availabilityCells = seedRows.flatMap(([name, type]) =>
  contexts.map((context, column) => ({
    name,
    type,
    context,
    word: seedAvailability[name][column],
  })),
);
const combinationCells = seedRows.flatMap(([name, row]) =>
  seedColumns.map((column, c) => ({ name, row, column, word: seedCombination[name][c] })),
);

describe("availability table", () => {
  it("has 72 cells, each as the seed says", () => {
    expect(availabilityCells).toHaveLength(72);
    for (const { type, context, word } of availabilityCells) {
      expect({ type, context, cell: availability[type][context] }).toEqual({
        type,
        context,
        cell: meaning[word],
      });
    }
  });

  it.each(availabilityCells)("the validator follows $name in $context ($word)", (cell) => {
    const { document, pointer } = placeAction(cell.type, cell.context, "customAnswer");
    const codes = diagnosticsAt(document, pointer);
    if (meaning[cell.word] === "no") expect(codes).toContain("notAvailable");
    else expect(codes).toEqual([]);
  });

  it("keeps automated actions to what the seed lists 'via Automated Actions'", () => {
    for (const [, type] of seedRows) {
      const { document, pointer } = placeAction(type, "agent", "automatedAction");
      const refused = diagnosticsAt(document, pointer).includes("notAvailable");
      expect({ type, refused }).toEqual({ type, refused: type !== "navigateTo" });
    }
  });

  it("refuses runJs in a CTA, trigger or condition until settings.runJsEnabled", () => {
    for (const context of ["cta", "trigger", "condition"] as const) {
      const { document, pointer } = placeAction("runJs", context, "customAnswer", false);
      expect(diagnosticsAt(document, pointer)).toEqual(["runJsNeedsActivation"]);
    }
    const block = placeAction("runJs", "block", "customAnswer", false);
    expect(diagnosticsAt(block.document, block.pointer)).toEqual([]);
  });
});

describe("combination matrix", () => {
  it("has 72 cells off the diagonal, each as the seed says", () => {
    const offDiagonal = combinationCells.filter((cell) => cell.row !== cell.column);
    expect(offDiagonal).toHaveLength(72);
    for (const { row, column, word } of offDiagonal) {
      expect({ row, column, allowed: canFollow(row, column) }).toEqual({
        row,
        column,
        allowed: word === "Yes",
      });
    }
  });

  it("refuses the diagonal: the same action twice", () => {
    for (const { row, column, word } of combinationCells.filter((c) => c.row === c.column)) {
      expect(word).toBe("-");
      expect(canFollow(row, column)).toBe(false);
    }
  });

  it.each(combinationCells.filter((c) => c.row !== c.column))(
    "the validator follows $row then $column ($word)",
    ({ row, column, word }) => {
      const document = tourWith([sample[row], sample[column]]);
      const codes = diagnosticsAt(document, "/experiences/0/steps/0/ctas/0/actions/1/type");
      expect(codes.includes("combinationNotAllowed")).toBe(word !== "Yes");
    },
  );
});

describe("nominal execution order", () => {
  it("is the seed's seven, with snooze after dismiss and launchAgent after openPost", () => {
    const seedOrder = [
      "goToStep",
      "launchExperience",
      "dismiss",
      "bookInterview",
      "openPost",
      "runJs",
      "navigateTo",
    ];
    expect(executionOrder.filter((t) => seedOrder.includes(t))).toEqual(seedOrder);
    expect(executionOrder.indexOf("snooze")).toBe(executionOrder.indexOf("dismiss") + 1);
    expect(executionOrder.indexOf("launchAgent")).toBe(executionOrder.indexOf("openPost") + 1);
    expect(new Set(executionOrder).size).toBe(9);
  });

  it("sorts a list stably into that order", () => {
    const types: ActionType[] = ["navigateTo", "runJs", "goToStep", "launchAgent", "dismiss"];
    expect(nominalOrder(types).map((i) => types[i])).toEqual([
      "goToStep",
      "dismiss",
      "launchAgent",
      "runJs",
      "navigateTo",
    ]);
  });
});

// ---------------------------------------------------------------------------- helpers

function diagnosticsAt(document: ProjectInput, pointer: string): string[] {
  const { diagnostics, project } = validateDocument(document);
  expect(project, JSON.stringify(diagnostics)).toBeDefined();
  return diagnostics
    .filter((d) => d.severity === "error" && d.pointer.startsWith(pointer))
    .map((d) => d.code);
}

const otherTour = {
  id: "other",
  type: "tour" as const,
  status: "live" as const,
  steps: [{ id: "o1", kind: "modal" as const }],
};

function tourWith(actions: Action[]): ProjectInput {
  return {
    version: 1,
    settings: { runJsEnabled: true },
    posts: [{ id: "p-news", title: "News" }],
    experiences: [
      {
        id: "tour",
        type: "tour",
        status: "live",
        steps: [{ id: "s1", kind: "modal", ctas: [{ id: "go", label: "Go", actions }] }],
      },
      otherTour,
    ],
  };
}

/**
 * A valid project with `type` alone in a list of `context`, in the place the table's
 * footnotes name (first step of a survey; a bookInterview step's primary CTA).
 */
function placeAction(
  type: ActionType,
  context: Context,
  agentSource: "customAnswer" | "automatedAction",
  runJsEnabled = true,
): { document: ProjectInput; pointer: string } {
  const actions = [sample[type]];
  const step = {
    id: "s1",
    kind: type === "bookInterview" ? ("bookInterview" as const) : ("nps" as const),
    booking: { provider: "calendly" as const, link: "https://calendly.com/acme" },
    ctas: context === "cta" ? [{ id: "primary", label: "Go", actions }] : [],
    triggers: context === "trigger" ? [{ id: "t", on: { click: "#x" }, actions }] : [],
    conditions:
      context === "condition"
        ? [{ id: "c", if: { between: [0, 10] as [number, number] }, actions }]
        : [],
    closingCross: context === "cross" ? actions : undefined,
  };
  const document: ProjectInput = {
    version: 1,
    settings: { runJsEnabled },
    posts: [
      {
        id: "p-news",
        title: "News",
        cta: context === "post" ? { label: "Read", actions } : undefined,
      },
    ],
    resourceCenter: { blocks: context === "block" ? [{ id: "b", label: "Docs", actions }] : [] },
    agent:
      context !== "agent"
        ? {}
        : agentSource === "customAnswer"
          ? { customAnswers: [{ id: "a", match: "x", answer: "y", actions }] }
          : { automatedActions: [{ id: "a", match: "x", actions }] },
    experiences: [
      { id: "survey", type: "survey", status: "live", steps: [step] },
      {
        id: "list",
        type: "checklist",
        status: "live",
        tasks: [{ id: "t1", label: "Do", actions: context === "task" ? actions : [] }],
      },
      otherTour,
    ],
  };
  const pointers: Record<Context, string> = {
    cta: "/experiences/0/steps/0/ctas/0/actions/0",
    trigger: "/experiences/0/steps/0/triggers/0/actions/0",
    condition: "/experiences/0/steps/0/conditions/0/actions/0",
    cross: "/experiences/0/steps/0/closingCross/0",
    post: "/posts/0/cta/actions/0",
    block: "/resourceCenter/blocks/0/actions/0",
    task: "/experiences/1/tasks/0/actions/0",
    agent: `/agent/${agentSource === "customAnswer" ? "customAnswers" : "automatedActions"}/0/actions/0`,
  };
  return { document, pointer: pointers[context] };
}
