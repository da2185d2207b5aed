// "Record" (issue 4 item 6): the current session as a SPEC §4 recording, with an `expect` built
// from the current result. The expectation keeps what a reviewer would check by hand: the
// final state of the experiences the session touched, the page, tabs, effects, warnings, and
// the key trace entries as a subsequence; not every action.fired/landed (those make a
// recording break on any harmless reordering).
import type {
  ExperienceResult,
  Recording,
  Result,
  ScriptStep,
  TraceEntry,
} from "../../machines/format/index.ts";

export interface RecordInput {
  /** The recording's `project` (SPEC §4): a path, see workspace/file-name.ts recordingProject. */
  project: string;
  user: { id: string; attributes: Record<string, unknown> };
  start: { url: string; at: string };
  steps: readonly ScriptStep[];
  result: Result;
}

/** Trace types worth pinning in a recording, and the keys kept of each. */
const keyTraceFields: Readonly<Record<string, readonly string[]>> = {
  "experience.shown": ["experience", "via", "from"],
  "step.entered": ["experience", "step"],
  "experience.completed": ["experience"],
  "experience.dismissed": ["experience"],
  "experience.snoozed": ["experience"],
  "launch.blocked": ["experience", "from", "reasons"],
  "launch.interrupted": ["experience", "from", "url"],
  "page.changed": ["url"],
};

export function buildRecording(input: RecordInput): Recording {
  return {
    project: input.project,
    script: {
      user: { id: input.user.id, attributes: { ...input.user.attributes } },
      start: { ...input.start },
      steps: input.steps.map((step) => ({ ...step })),
    },
    expect: buildExpect(input.result),
  };
}

function buildExpect(result: Result): Record<string, unknown> {
  const trace = keyTrace(result.trace);
  const expect: Record<string, unknown> = {
    experiences: touchedExperiences(result, trace),
    page: { url: result.page.url },
  };
  if (result.tabs.length > 0) expect.tabs = [...result.tabs];
  if (result.effects.length > 0) expect.effects = result.effects.map((effect) => ({ ...effect }));
  if (trace.length > 0) expect.trace = trace;
  if (result.warnings.length > 0) expect.warnings = result.warnings.map(({ code }) => ({ code }));
  return expect;
}

/** The key entries, each cut down to its type, time and identifying keys. */
export function keyTrace(trace: readonly TraceEntry[]): Record<string, unknown>[] {
  const kept: Record<string, unknown>[] = [];
  for (const entry of trace) {
    const fields = keyTraceFields[entry.type];
    if (!fields) continue;
    const slim: Record<string, unknown> = { at: entry.at, type: entry.type };
    for (const field of fields) {
      if (entry[field] === undefined) continue;
      slim[field] = field === "reasons" ? reasonCodes(entry[field]) : entry[field];
    }
    kept.push(slim);
  }
  return kept;
}

/** Reasons match as a subsequence of subsets: their codes say why, the wording may change. */
function reasonCodes(reasons: unknown): unknown {
  if (!Array.isArray(reasons)) return reasons;
  return reasons.map((reason) =>
    typeof reason === "object" && reason !== null && "code" in reason
      ? { code: (reason as { code: unknown }).code }
      : reason,
  );
}

/** Experiences that left idle, or that a key trace entry names (e.g. a blocked launch's target). */
function touchedExperiences(
  result: Result,
  trace: readonly Record<string, unknown>[],
): Record<string, Partial<ExperienceResult>> {
  const named = new Set(trace.map((entry) => entry.experience).filter((id) => id !== undefined));
  const touched: Record<string, Partial<ExperienceResult>> = {};
  for (const [id, state] of Object.entries(result.experiences)) {
    if (state.status === "idle" && state.views === 0 && !named.has(id)) continue;
    touched[id] = experienceExpectation(state);
  }
  return touched;
}

function experienceExpectation(state: ExperienceResult): Partial<ExperienceResult> {
  const expectation: Partial<ExperienceResult> = {
    status: state.status,
    step: state.step,
    visited: [...state.visited],
    views: state.views,
    snoozeCount: state.snoozeCount,
  };
  if (state.tasksDone.length > 0) expectation.tasksDone = [...state.tasksDone];
  return expectation;
}
