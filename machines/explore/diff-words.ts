// Routes of a flow in words a product manager reads, for `diff` (issue 11, item 3): what takes
// a route ("answers 9–10 on “How likely…”") and where it leads ("complete the survey"), so a
// reroute reads "answers 9–10 on “Score” now complete the survey instead of going to
// “Thank you”".
import type { Action, ExperienceType, Project } from "../format/schema.ts";
import type { FlowEdge, FlowGraph } from "../graph/flow-graph.ts";
import type { LaunchEdge, LaunchGraph } from "../graph/launch-graph.ts";

/** A verb phrase in its three forms: "go to X", "goes to X", "going to X". */
export interface Phrase {
  base: string;
  third: string;
  ing: string;
}

function phrase(verb: [string, string, string], rest: string): Phrase {
  const tail = rest ? ` ${rest}` : "";
  return { base: `${verb[0]}${tail}`, third: `${verb[1]}${tail}`, ing: `${verb[2]}${tail}` };
}

export function quoted(text: string): string {
  return `“${text}”`;
}

/** The name a step goes by in a sentence (its name when it has one, else its id). */
export function stepWords(graph: FlowGraph, key: string): string {
  const node = graph.nodes.find((n) => n.id === key);
  if (node?.kind === "step") return quoted(node.step.name ?? node.step.id);
  return quoted(key);
}

function experienceName(project: Project, id: string): string {
  const experience = project.experiences.find((e) => e.id === id);
  return quoted(experience?.name ?? id);
}

/** Where a route leads, as a stable key: a node id, or "back" / "stays". */
export function destinationKey(edge: FlowEdge): string {
  if (edge.stays) return "stays";
  if (edge.back) return "back";
  return edge.to;
}

/** Where a route leads, in words. */
export function destinationWords(
  edge: FlowEdge,
  graph: FlowGraph,
  project: Project,
  type: ExperienceType,
): Phrase {
  const key = destinationKey(edge);
  switch (key) {
    case "stays":
      return phrase(["stay", "stays", "staying"], "on the step");
    case "back":
      return phrase(["go", "goes", "going"], "back");
    case "completed":
      return phrase(["complete", "completes", "completing"], `the ${type}`);
    case "dismissed":
      return phrase(["dismiss", "dismisses", "dismissing"], `the ${type}`);
    case "snoozed":
      return phrase(["snooze", "snoozes", "snoozing"], `the ${type}`);
  }
  if (key.startsWith("launched:")) {
    return phrase(
      ["launch", "launches", "launching"],
      experienceName(project, key.slice("launched:".length)),
    );
  }
  return phrase(["go", "goes", "going"], `to ${stepWords(graph, key)}`);
}

/** What takes a route, in words, and whether it reads as a plural subject. */
export interface Cause {
  text: string;
  plural: boolean;
}

/** What sets a trigger off: "clicking #save", "visiting /settings/*". */
function triggerWords(via: FlowEdge["via"]): string {
  const on = via.on;
  if (on && "click" in on) return `clicking ${on.click}`;
  if (on && "url" in on) return `visiting ${on.url}`;
  return via.label;
}

/** What takes `edge`; with `was` (the same edge in the old version) when that changed. */
export function causeWords(edge: FlowEdge, graph: FlowGraph, was?: FlowEdge): Cause {
  const on = ` on ${stepWords(graph, edge.from)}`;
  const via = edge.via;
  const old = was?.via.label;
  switch (via.kind) {
    case "cta":
      return { text: `${quoted(via.label)}${on}`, plural: false };
    case "condition":
      return {
        text: `answers ${via.label}${old !== undefined ? ` (was ${old})` : ""}${on}`,
        plural: true,
      };
    case "fallback":
      if (via.label === "any other") {
        const wasText = old !== undefined ? ` (was other answers: ${old})` : "";
        return { text: `any other answer${wasText}${on}`, plural: false };
      }
      return {
        text: `other answers (${via.label}${old !== undefined ? `, was ${old}` : ""})${on}`,
        plural: true,
      };
    case "cross":
      return { text: `closing ${stepWords(graph, edge.from)} (×)`, plural: false };
    case "trigger": {
      const wasText = was ? ` (was ${triggerWords(was.via)})` : "";
      return { text: `${triggerWords(via)}${wasText}${on}`, plural: false };
    }
  }
}

export function verbOf(cause: Cause, destination: Phrase): string {
  return cause.plural ? destination.base : destination.third;
}

/** One action in a few words: "goToStep complete", "navigateTo /x (new tab)". */
export function actionWords(action: Action): string {
  switch (action.type) {
    case "goToStep":
      return `goToStep ${action.step}`;
    case "launchExperience":
      return `launchExperience ${action.experience}`;
    case "openPost":
      return `openPost ${action.post}`;
    case "navigateTo":
      return `navigateTo ${action.url}${action.openIn === "newTab" ? " (new tab)" : ""}`;
    case "snooze":
      return `snooze ${action.hours} h (at most ${action.maxTimes}×)`;
    case "launchAgent":
      return action.message ? `launchAgent “${action.message}”` : "launchAgent";
    default:
      return action.type;
  }
}

export function actionListWords(actions: readonly Action[]): string {
  return actions.length === 0 ? "nothing" : actions.map(actionWords).join(", ");
}

const launchVerbs: Record<LaunchEdge["kind"], string> = {
  launch: "launches",
  openPost: "opens",
  navigate: "navigates to",
  shows: "shows",
  asks: "asks",
};

function launchNodeWords(graph: LaunchGraph, id: string): string {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return id;
  if (node.kind === "page") return `page ${node.label}`;
  if (node.kind === "experience") return quoted(node.label);
  return `${node.kind} ${quoted(node.label)}`;
}

/** "“Saved views tour” launches “Saved views announcement” (share-view/cta/finish)". */
export function launchEdgeWords(edge: LaunchEdge, graph: LaunchGraph): string {
  const from = launchNodeWords(graph, edge.from);
  const to = launchNodeWords(graph, edge.to);
  return `${from} ${launchVerbs[edge.kind]} ${to} (${edge.where})`;
}

/** "“A” → “B” → “A”". */
export function cycleWords(nodes: readonly string[], graph: LaunchGraph): string {
  return nodes.map((id) => launchNodeWords(graph, id)).join(" → ");
}
