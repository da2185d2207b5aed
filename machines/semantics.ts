// Every choice Flowscope makes where the seed and SPEC are silent or leave a default, in one
// place so it can be changed. README "Semantics" lists the same choices in words.
import type { DefaultBehaviour } from "./format/forecast-model.ts";
import type { Action, Step } from "./format/schema.ts";

/** Seed: the closing cross triggers a Dismiss by default. */
export const defaultClosingCross: readonly Action[] = [{ type: "dismiss" }];

/** Seed: every survey condition starts with a "Go to step: Next step" fallback. */
export const defaultFallback: readonly Action[] = [{ type: "goToStep", step: "next" }];

export function closingCrossOf(step: Step): readonly Action[] {
  return step.closingCross ?? defaultClosingCross;
}

export function fallbackOf(step: Step): readonly Action[] {
  return step.fallback ?? defaultFallback;
}

/** SPEC §3.2: more trigger firings or launches than this in one script step stop the chain. */
export const loopBound = 20;

/** NPS answers are integers 0..10 whatever `question` says (SPEC §1). */
export const npsRange = { min: 0, max: 10 } as const;

/** A scale step without min/max: 1..5 (decided here). */
export const defaultScaleRange = { min: 1, max: 5 } as const;

/** The numeric answers a step takes: NPS 0..10, a scale its min..max (else the default). */
export function answerRange(step: Step): { min: number; max: number } {
  if (step.kind === "nps") return npsRange;
  const q = step.question;
  return q && "min" in q ? { min: q.min, max: q.max } : defaultScaleRange;
}

// Built-in attributes (Jimo Email, Jimo Username) are never "undefined by every persona": the
// list is `builtInAttributes` in actions/attributes.ts (semantics.ts, in layer rules, imports no
// action).

// ------------------------------------------------------------------- engine (SPEC §3)
// Decisions the engine takes where SPEC §3 is silent. The code that applies each one points
// back here.

/**
 * Safety net besides loopBound: more landings than this in one script step stop the chain
 * with loop.stopped too (a cycle that no trigger or launch drives cannot hang the engine).
 */
export const maxLandingsPerStep = 10_000;

/**
 * Engine decisions, in words (README "Semantics" lists the same):
 * - A tour/survey/banner/hint without steps completes as soon as it is shown.
 * - An automatic experience with no `urls` never matches a page, so it is never auto-shown.
 * - loopBound counts trigger firings, launches and automatic re-shows: an experience's first
 *   automatic show in a script step is free, its next ones in that step count (SPEC §3.2).
 * - A pending launch of a tour/survey/banner holds the screen: the show check skips other
 *   sequential flows with flowOnScreen ("launched … is about to show") until it lands; a
 *   blocked or interrupted launch runs the show check again.
 * - A launch lands blocked (flowOnScreen) when its target is already on screen, or when it is
 *   a tour/survey/banner and another one is on screen (launch from a checklist, post, block or
 *   agent dismisses nothing, so nothing makes room).
 * - The script's `launch` (SDK) dismisses the tour/survey/banner on screen when it fires; a
 *   launch from a hint's CTA/trigger dismisses nothing (a hint is not a sequential flow).
 * - launch.interrupted: any page change (a navigateTo landing or the script's `navigate`)
 *   between the launch firing and landing interrupts it, unless the target's urls match.
 * - goToStep `next` is relative to the step on screen when it lands; an unknown step id
 *   warns (unknownStep) and does nothing. Actions of a display that has ended land on nothing.
 * - A snooze at or past maxTimes records `snooze.exhausted` and then dismisses.
 * - Showing an experience clears snoozed-until and the visit history (a new display).
 * - `neq` holds for a missing attribute; `eq`/`contains` fail on it; `exists` means set and
 *   not null. "has snoozed" = snoozed at least once; "has seen" = shown at least once.
 * - Text condition `contains` ignores case (like the agent's `match`).
 * - click/answer/close without `experience` act on the tour/survey/banner on screen, else on
 *   the first hint on screen. `close` on a checklist dismisses it.
 * - A task that is already done cannot be clicked again (script step error).
 * - The task's actions fire, then the task is marked done (`task.done`), then the checklist
 *   completes when every task is done.
 * - After start, the world settles (pending actions land) like after a script step.
 * - Extra trace types: clock.advanced, element.clicked, agent.asked, agent.answered,
 *   agent.automated, post.opened, task.done, attributes.set, snooze.exhausted;
 *   experience.shown carries `via` (auto | launch) and `from`; action.fired/landed of a launch
 *   carry `target`.
 * - A navigateTo whose resolved URL has an unsafe scheme is refused with warning unsafeUrl;
 *   the script's `navigate` to one is a script step error.
 */
export const engineDecisions = true;

/**
 * Where `replay` looks for a recording's `project` path (when relative): beside the recording
 * file first, then in the current directory (cli/commands/replay.ts follows this order).
 */
export const recordingProjectLookup = ["recordingFolder", "currentDirectory"] as const;

// ---------------------------------------------------------------- validator (SPEC §2)
// Decisions the validator takes where SPEC §2 is silent; the module named in each line
// applies it (machines/validate/…).

/**
 * JSON documents (projects, scripts, recordings) nest objects and arrays at most
 * jsonNestingLimit (256) levels deep; a deeper one is refused as unparseable, with its
 * pointer. Decided in format/json-text.ts, the layer that parses (below this one).
 */
export { jsonNestingLimit } from "./format/json-text.ts";

/** Structural problems (and unknown fields) shown at most, then one "… N more" (index.ts). */
export const diagnosticCap = 200;

/**
 * Validator decisions, in words (README "Semantics" lists the same):
 * - Unknown fields are a warning, unknownField, with the nearest known key (unknown-fields.ts).
 * - A shape error stops validation: semantic rules run only on a well-formed project (index.ts).
 * - An action the availability table refuses gets that one error, not its own rule's too.
 * - Combination: one error per list, at the first action that breaks a rule; a bookInterview
 *   step's primary CTA counts its implied bookInterview first (combination-check.ts).
 * - List warnings are skipped on a list that breaks the matrix; a same-tab navigateTo beside a
 *   rendering action is navigateBesideRender only, not twoViewChanges too (list-warnings.ts).
 * - Ids: steps and tasks share one namespace per experience; CTAs, triggers and conditions
 *   one per step (ids.ts).
 * - Checklist with steps: error; without tasks: warning; tasks on another type: error; a
 *   flow without steps: warning; auto with no urls: warning (experiences.ts).
 * - Targeted kind without target: warning; a condition bound outside min..max: warning;
 *   conditions or a fallback on a step that takes no answer: error (steps.ts).
 * - Reachability follows goToStep next/ids (previous adds none); a way on is goToStep to
 *   next, complete or another step, or launchExperience; unreachable steps are not also
 *   reported as noWayOn (flow.ts).
 * - undefinedAttribute whenever no persona defines the name, even with no personas;
 *   email and username are built in (attributes.ts).
 * - launchLoop: one warning per cycle group, at the launch that starts its shortest cycle.
 */
export const validatorDecisions = true;

// ------------------------------------------------------------- explorers (issue 5)
// Decisions of the static flow graph and the explorers (machines/graph, machines/explore).

/** Answer classes: at most this many options (multiChoice) or `contains` texts are combined. */
export const multiChoiceClassOptionCap = 12;

/**
 * Path counting bound (machines/explore/count.ts): a path enters each step at most this many
 * times. A path is a sequence of transitions that move the flow (a `stays` edge, which moves
 * nothing, is not a transition of a path; coverage still takes it). Acyclic flows are
 * counted exactly whatever the bound; `previous` is resolved from the path's own visit stack.
 * 1 by default: the simple paths of the compiled machine, exactly what xstate/graph's
 * getSimplePaths finds on it (one model, one count); `--revisits N` counts loops too.
 */
export const defaultRevisits = 1;

/**
 * Path counting work budget (memo keys built × their length, plus the exits summed). Past
 * it, the count is redone with one visit per step (simple paths; `reduced: true`, said in the
 * output). A 1,000-step tour with a "Back" on every step is such a flow. Past it again (a
 * 30-step tour where every step leads to every other has about 5 × 10^31 simple paths),
 * counting stops and each count is a lower bound for the asked bound (`exact: false`, "at
 * least" in the output): the paths counted so far, each a real and distinct path. Shortest
 * and coverage paths are unaffected.
 */
export const countWorkBudget = 4_000_000;

/** A revisit bound above this counts as this (visit counts are 16-bit keys). */
export const maxRevisits = 50_000;

/** `paths` lists at most this many simple paths unless told otherwise. */
export const defaultSimplePathLimit = 1_000;

/**
 * Simple paths listed hold at most this many transitions in all (a 10,000-step tour's simple
 * paths are 10,000 long each), and the search looks at most at `simplePathWorkBudget` edges
 * (a dense flow has more simple paths than can be listed): past either, `truncated: true`.
 */
export const simplePathEdgeBudget = 100_000;
export const simplePathWorkBudget = 1_000_000;

/**
 * Shortest and coverage paths share prefixes (a tree of script steps, machines/explore/
 * walker.ts). A report writes each path whole while the part's paths hold at most this many
 * script steps in all; past it (a 1,000-step tour's coverage holds ~500,000), each path is
 * written as the path it extends (`from`) and its own steps only, so the report stays linear.
 */
export const wholePathsLimit = 100_000;

/**
 * Coverage walks look for the nearest step with an uncovered transition over at most this
 * many edges; past it, the walk ends and the next one starts at that step's shortest script
 * (no walk searches the whole flow once per path).
 */
export const coverageRouteBudget = 1_024;

/** Races: lists with more actions than this are not permuted (8! = 40,320 orders). */
export const maxRaceActions = 8;

/**
 * Races: each list restores a world holding every experience, so the work is lists ×
 * (experiences + 25, for the list's own replays). Past this budget, the remaining lists are listed as
 * skipped ("not explored: … work budget"), not explored: a project of thousands of
 * experiences gets an answer in seconds. Ordinary projects stay far below it.
 */
export const raceWorkBudget = 150_000;

/**
 * Explorer decisions, in words (README "Semantics" lists the same):
 * - Static target of an action list (compile/routes.ts, from the action modules' own fire
 *   and land functions): from a tour/survey/banner a
 *   launchExperience ends the flow as `launched:<target>` (it dismisses the flow when it
 *   fires); otherwise goToStep/dismiss/snooze land in latency order (ties: nominal order)
 *   and the first that ends the flow decides (a goToStep before it only passes through); a
 *   list that moves nothing is a self-loop with `stays: true`. Snooze is `snoozed` even when
 *   maxTimes is exhausted. From a hint, a launch moves nothing (a hint is not a flow).
 * - goToStep previous: the edge has `back: true`, `to` = the step before it in the list when
 *   that step leads to it, else its first forward predecessor; `backTargets` lists them all.
 *   On a step nothing leads to, previous does nothing (a `stays` edge).
 * - Answer classes: nps/scale split exactly at the conditions' bounds (any range size);
 *   multiChoice: subsets of the options the conditions name; text: probed with "", a neutral
 *   word and combinations of the `contains` texts. A class no candidate reaches is left out.
 * - Paths: a path enters each step at most `defaultRevisits` times (`maxRevisits` at most);
 *   `stays` edges are not transitions of a path (coverage takes them). Counting past
 *   `countWorkBudget` falls back to simple paths (revisits 1) and says so (`reduced`); past it
 *   again, counting stops and the counts are lower bounds for the asked bound (`exact:
 *   false`), exit 0, with shortest and coverage paths as usual. Checklists have no paths.
 * - Paths share prefixes (one tree of script steps, explore/walker.ts): a report writes a
 *   part's paths whole up to `wholePathsLimit` script steps in all, else each as the path it
 *   extends (`from`) and its own steps, parts named in `shared` (explore/path-forms.ts). The
 *   CLI's human output lists 50 coverage paths (a long one: first 8 and last 3 steps) and 50
 *   ids per list. Simple paths stop at the limit, `simplePathEdgeBudget` transitions or
 *   `simplePathWorkBudget` edges looked at (`truncated`).
 * - Scripts of explorer paths: a persona whose attributes meet the audience (else attributes
 *   built from it), a start page no URL trigger matches (with a `*` trigger somewhere: one
 *   the first step's triggers do not match), `launch` first; click/answer/close
 *   name the experience. URL triggers are replayed by navigating to the pattern with each
 *   `*` removed (or, when that also matches another URL trigger, replaced by a token); a URL
 *   trigger the page already matches fires by itself, and the path follows the engine.
 * - Coverage is greedy; transitions whose step the first step cannot reach are `untakable`.
 *   A walk's route search looks at `coverageRouteBudget` edges at most; a walk that would
 *   route from the launch to the first step (breadth-first) with an uncovered transition
 *   starts at that step's shortest script instead (the same route, not walked again).
 *   A walk that covers nothing new (a URL trigger left its goal step the moment it showed) is
 *   retried on a route around URL triggers; if that fails too, the goal step's uncovered
 *   transitions are `missed` and the walks go on for the rest (explore/coverage.ts).
 * - Races: the list is fired by the engine (`settle: false`), every order of its pending
 *   landings is searched with a landing model (race-model.ts; what a landing sets off is
 *   applied right after it), and one order per outcome is replayed by the engine with its
 *   landings spaced further apart than any latency; the engine's outcome is reported. An
 *   outcome is the page, the tabs, each experience's status and step, and the effects as a
 *   multiset (their order is timing itself). Lists with more than `maxRaceActions` landings
 *   are skipped and listed.
 * - Why: a manual experience always gets a `page` reason ("launch it"); waits are rounded
 *   up to the minute; a rate-limit wait is until enough shows leave the window; recurrence
 *   once has no user-side fix (the project's recurrence must change).
 * - Launch graph: pages reached by same-tab navigations are nodes (a URL with {attribute}
 *   placeholders is matched as written); edges include user clicks, so a cycle is a loop
 *   that CAN happen; one cycle per strongly connected group, its shortest, with `members`.
 * - Test plan (`paths --export plan`, explore/plan.ts): one test per coverage path, its
 *   actions "Open <start page> as <persona name, or the attributes>", then each script step
 *   in the Paths panel's words (path-words.ts; a click by its CTA's label, the launch by the
 *   experience's name and id), then "Expect: <type> completed|dismissed|snoozed", "<type>
 *   closes and <name> is launched" or "<type> stays on step <name>". Markdown: a numbered
 *   list per path, labels escaped; CSV: RFC 4180 (CRLF, quotes only where needed), columns
 *   Test, Title, Step, Action, Expected result, one row per action, the end in the last row,
 *   and a field a spreadsheet would run as a formula starts with `'`. The file's extension
 *   (.md, .csv, any case) decides; an experience no setup shows gets one entry saying why.
 */
export const explorerDecisions = true;

/**
 * Diff decisions, in words (README "Semantics" lists the same; explore/diff*.ts apply them):
 * - Behaviour is read off the compiled machines (flow-graph edges by edge id), the path
 *   counts, reachability from the first step, the launch graph, the validator's diagnostics
 *   and the rest of the project as data; experiences are matched by id (diff.ts).
 * - Same edge id, other target: a reroute; same target, other answers, trigger or action list
 *   (defaults filled in): a changed route; a CTA label is cosmetic; `previous` leads "back"
 *   (its return steps follow from the other routes) (diff.ts).
 * - Cosmetic: `cosmeticFields` in diff-data.ts (names, titles, bodies, labels, question
 *   texts, a custom answer's text, `$schema`) and the order of CTAs, personas, posts and
 *   blocks; a step reorder that changes no route. Any other field is behaviour (diff-data.ts).
 * - Diagnostics compare by severity, code, id path (indices of id-carrying lists replaced by
 *   the ids) and message, never by line (diff.ts, diff-data.ts idPathOf).
 * - Recordings replay on both versions: pass → fail, fail → pass, or another Result with the
 *   same verdict is a difference (diff-recordings.ts); the CLI picks the folder's recordings
 *   of the compared project (cli/commands/diff.ts).
 */
export const diffDecisions = true;

// -------------------------------------------------------------- forecast (SPEC §5)
// Decisions of the forecast model and exact mode (machines/format/forecast-model.ts,
// machines/forecast/).

/**
 * The behaviour of a step the model does not name when the model has no `default`: SPEC §5's
 * own example, `{ "cta": 4, "close": 1, "ignore": 1 }`. Decided in format/forecast-model.ts
 * (the layer that parses, below this one).
 */
export { defaultStepBehaviour } from "./format/forecast-model.ts";

/** `default.answer` when the model leaves it out: the `cta` weight (answering is a survey
 *  step's way on, as a CTA is a tour step's). `default.trigger` is 0 unless given. */
export function defaultAnswerWeight(behaviour: DefaultBehaviour): number {
  return behaviour.answer ?? behaviour.cta;
}

/** A multiChoice answer in a model: its options joined by this (SPEC §5). */
export const multiChoiceAnswerSeparator = "|";

/**
 * A multiChoice step the model does not name: answers are uniform over every non-empty set of
 * its options, counted through the options its conditions name; past this many named
 * options, exact mode asks for the step's answers in the model instead.
 */
export const uniformMultiChoiceOptionLimit = 20;

/** Exact mode enumerates at most this many (step, visit history) states. */
export const exactStateLimit = 100_000;

/**
 * Exact mode solves each group of states that lead to each other with one dense LU (cubic in
 * its size): past this size it stops and points to Monte Carlo. A 1,500-step tour with a
 * Back on every step is one such group of 1,500 states (about 2 s).
 */
export const exactBlockLimit = 1_500;

/** Monte Carlo: the model's `start.at` when it has none (SPEC §5's own example). */
export const forecastStartAt = "2026-01-05T09:00:00Z";

/** Monte Carlo: the page of a user who opens no session in the horizon (nothing is on it). */
export const forecastNoSessionUrl = "about:blank";

/** Monte Carlo: at most this many interactions in one session (a flow the user could go round
 *  forever with no `ignore` stops there; the step stays on screen till the next session). */
export const maxInteractionsPerSession = 200;

/** Monte Carlo: the id of user `index` (0-based), as its drawn script names it. */
export function forecastUserId(index: number): string {
  return `user-${index}`;
}

/**
 * Forecast decisions, in words (README "Semantics" lists the same):
 * - Model: Monte Carlo fields (seed, users, days, start, personas, visits) are optional; exact
 *   mode reads `behaviour` and `default` only. Unknown keys are errors, interactions included.
 * - A step the model names takes only the interactions it names; one it does not name uses
 *   `default`: `cta` shared equally among its CTAs, `trigger` (0 unless given) among its
 *   triggers, `answer` (the `cta` weight unless given) uniformly over the answers the step
 *   allows, `close` and `ignore` as given.
 * - Uniform answers: nps 0–10 and scale min–max (every integer), choice every option,
 *   multiChoice every non-empty set of options, text the single value "".
 * - Answer keys: nps/scale an integer written plainly ("9", not "09"); multiChoice options
 *   joined by `|`, each at most once, "" for no option ticked; text the text itself.
 * - Exact mode: an interaction that moves nothing (a list with no goToStep, dismiss, snooze or
 *   launch; `previous` with nothing to return to) is left out and the rest renormalised (the
 *   user does something else next). A step where nothing is left to take ends the display as
 *   `open` (it stays on screen), an end exact mode reports beside SPEC's four. When a user
 *   could go round steps forever with no way out of positive weight, exact mode exits 1.
 * - The visit history is kept in a state only while a `previous` of positive weight can
 *   still be reached; a kept history holding a step twice (a jump back beside a `previous`)
 *   means infinite states: exit 1. Limits: exactStateLimit, exactBlockLimit.
 * - `--json` adds `method` (dynamicProgramming | markovChain) and `states` per experience.
 * - Monte Carlo: users by persona weight (none given: the project's personas alike), Poisson
 *   sessions per day at whole minutes drawn uniformly, one page each by weight; a user's
 *   script starts at their first session and ends with their last; between sessions they
 *   stay on their last page; with no session they start on forecastNoSessionUrl. In a
 *   session the user acts on the first experience on screen with a step (experiences order)
 *   not ignored this session; ignore waits for the next session; at most
 *   maxInteractionsPerSession interactions. Each user draws from its own stream (seed, index).
 */
export const forecastDecisions = true;
