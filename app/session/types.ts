// The session store's state (issue 4): one document's text, the last valid project, the
// persona and start, and the simulation as a list of moments (one per script step) for
// time travel. Every field is replaced, never mutated, so selectors can compare by identity.
import type { Simulation, SimulationSnapshot, WorldState } from "../../machines/engine/index.ts";
import type { Project, Result, ScriptStep, TraceEntry } from "../../machines/format/index.ts";
import type { Diagnostic } from "../../machines/model/index.ts";
import type { ParseError } from "../../machines/validate/index.ts";
import type { TakenEdge } from "./taken-edges.ts";

export type { Project, Result, ScriptStep, Simulation };

/** The validator's verdict on one text. */
export interface CheckedText {
  text: string;
  diagnostics: Diagnostic[];
  parseError?: ParseError;
  /** Set when the validator itself threw (a bug must not take the page down). */
  internalError?: string;
  /** Parsed with the right shape (defaults filled); absent when it is not. */
  project?: Project;
  /** True when there is a project and no diagnostic is an error. */
  valid: boolean;
}

/** Who the simulated user is and where and when the session starts (SPEC §4 script). */
export interface SessionSetup {
  user: { id: string; attributes: Record<string, unknown> };
  /** The persona preset the user was picked from, if any (display only). */
  personaId: string | null;
  start: { url: string; at: string };
}

/** A session as saved, shared or recorded (same shape as app/persistence's SavedSession). */
export interface SessionInput extends SessionSetup {
  steps: ScriptStep[];
  selectedExperience: string | null;
}

/** The simulation after one script step (index 0: the start, before any step). */
export interface Moment {
  /** The script step that led here; null for the start. */
  step: ScriptStep | null;
  snapshot: SimulationSnapshot;
  /** world.trace.length at this moment: entries [prev.traceLength, traceLength) are its own. */
  traceLength: number;
  /** Flow-graph edges the step took (interactions fired), in order. */
  taken: TakenEdge[];
}

/** Steps replayed so far of a script that replays in slices. */
export interface ReplayProgress {
  done: number;
  total: number;
}

/** Why the session is what it is when it was not built by clicking (shown as a notice). */
interface SessionNotice {
  kind: "info" | "warning";
  message: string;
}

export interface SessionState {
  documentId: string | null;
  /** The editor's text (may be invalid). */
  text: string;
  /** The verdict on `text` (null until first checked). */
  checked: CheckedText | null;
  /** The last valid project: what the canvas, preview and simulation use. */
  project: Project | null;
  /** The text `project` came from, and its diagnostics (warnings only). */
  projectText: string | null;
  projectDiagnostics: Diagnostic[];
  /** The text differs from the project's and is not valid: the UI says "last valid flow". */
  showingLastValid: boolean;
  /** The experience drawn on the canvas. */
  experienceId: string | null;
  setup: SessionSetup;
  /** When true each script step lands every pending action (SPEC §4 default settle). */
  autoLand: boolean;
  /** Every moment recorded; moments[cursor] is on screen; later ones are a "redo" future. */
  moments: Moment[];
  cursor: number;
  /** The world at the cursor (a clone: read-only). */
  world: WorldState | null;
  /** The whole trace of the last moment (the timeline greys entries after the cursor). */
  timeline: TraceEntry[];
  /** The last script step that could not be done, or a crash of the engine. */
  lastError: string | null;
  notice: SessionNotice | null;
  /** False after a forced preview: the moments do not come from a script (QA should warn). */
  replayable: boolean;
  /** A long script replaying in slices (a share link's, a saved session's): how far it is. */
  replay: ReplayProgress | null;
  /** True once a Stately inspector is connected (runs are inspected from then on). */
  inspecting: boolean;
  /** Bumped at every change (cheap key for effects). */
  revision: number;
}
