// The debugger's session store (issue 4): one external store read with useSyncExternalStore.
// It holds the editor text and the last valid project, the persona and start, the live
// Simulation and its moments (one persisted snapshot per script step) for time travel.
// Components select what they need with useSession(selector); actions are plain methods.
import { useSyncExternalStore } from "react";
import type { ExternalInspector } from "../../machines/engine/index.ts";
import { checkText } from "./check-text.ts";
import { defaultSetup, followProject, pickExperience } from "./defaults.ts";
import { previewFromStep } from "./preview-from.ts";
import {
  momentOf,
  momentOfEntry,
  nextMacrotask,
  type Replayed,
  type ReplayJob,
  replaySliceSteps,
  restoreMoment,
  runInSlices,
  runStep,
  startReplay,
  stepsTo,
} from "./runner.ts";
import { initialSessionState, withMoments } from "./state.ts";
import { createEdgeCollector } from "./taken-edges.ts";
import type {
  CheckedText,
  Project,
  Result,
  ScriptStep,
  SessionInput,
  SessionSetup,
  SessionState,
  Simulation,
} from "./types.ts";

export type { SessionState } from "./types.ts";

type Listener = () => void;

type RunOutcome = { ok: true } | { ok: false; message: string };

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: Listener): () => void;
  /** The live simulation at the cursor (null without a valid project). Do not run it directly. */
  getSimulation(): Simulation | null;
  /** The SPEC §4 Result at the cursor (null without a valid project). */
  result(): Result | null;
  /** The editor's text; `documentId` switches document (its cached session comes back). */
  setText(text: string, documentId?: string | null): void;
  /** Opens a document with a saved session (persistence, share link, recordings). */
  openDocument(documentId: string | null, text: string, session?: SessionInput): void;
  /** Validates a pending text now (instead of after the debounce). */
  flush(): void;
  selectExperience(id: string): void;
  /** A new persona or start restarts the session (steps cleared). */
  setSetup(setup: SessionSetup): void;
  /** "Land actions at once", for the open document only (a new document starts with it on). */
  setAutoLand(on: boolean): void;
  /** Runs one script step from the cursor (later moments are dropped). */
  run(step: ScriptStep): RunOutcome;
  /**
   * Replaces persona, start and steps, then replays the steps on the current project. A
   * script of more than `replaySliceSteps` steps replays in slices after this returns
   * (`state.replay` says how far; `replayed()` settles at the end, and a step that cannot be
   * done shows in the notice); `ok` then means the replay has started.
   */
  loadSession(session: SessionInput): RunOutcome;
  /** Settles when the replay under way is over (at once when there is none). */
  replayed(): Promise<RunOutcome>;
  /** The session as saved: setup, the steps up to the cursor, the selected experience. */
  exportSession(): SessionInput;
  restart(): void;
  travelTo(momentIndex: number): void;
  /** Time travel to the moment of a trace entry (index in state.timeline). */
  travelToEntry(entryIndex: number): void;
  previewFrom(experienceId: string, stepId: string): void;
  /** Connects (or with null disconnects) an XState inspector for the runs from now on. */
  setInspector(inspect: ExternalInspector | null): void;
  dismissNotice(): void;
}

export interface SessionStoreOptions {
  /** Quiet time after an edit before validating; 0 validates at once (tests). */
  debounceMs?: number;
  /** Steps a long replay runs between two turns of the page (default `replaySliceSteps`). */
  replaySliceSteps?: number;
  /** Resolves once the page has had a turn (default: a macrotask). */
  yieldToPage?: () => Promise<void>;
}

/** Per document: the session to come back to when it is selected again. */
type SessionCache = Map<string, SessionInput>;

/** The simulation options a document keeps (issue 12: they belong to the document). */
interface SimulationOptions {
  autoLand: boolean;
}

const defaultOptions: SimulationOptions = { autoLand: initialSessionState().autoLand };

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const debounceMs = options.debounceMs ?? 150;
  let state = initialSessionState();
  let simulation: Simulation | null = null;
  const collector = createEdgeCollector();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cache: SessionCache = new Map();
  const optionsOf = new Map<string, SimulationOptions>();
  const listeners = new Set<Listener>();
  const sliceSteps = options.replaySliceSteps ?? replaySliceSteps;
  /** A script replaying in slices: its whole list of steps, and its job. */
  let replaying: { steps: ScriptStep[]; job: ReplayJob } | null = null;
  let replayDone: Promise<RunOutcome> = Promise.resolve({ ok: true });
  /** An inspector connected during a replay: the simulation is rebuilt for it at the end. */
  let inspectAfterReplay = false;

  const set = (patch: Partial<SessionState>) => {
    state = { ...state, ...patch, revision: state.revision + 1 };
    for (const listener of listeners) listener();
  };

  /** Installs a replay's result as the session's moments (cursor at the end). */
  const adopt = (replayed: Replayed, patch: Partial<SessionState> = {}) => {
    simulation = replayed.simulation;
    const moments = replayed.moments;
    const cursor = moments.length - 1;
    const notice = replayed.failed
      ? {
          kind: "warning" as const,
          message: `The session stopped at ${replayed.failed.message}; later steps were dropped.`,
        }
      : null;
    set({ notice, lastError: null, replayable: true, ...patch, ...withMoments(moments, cursor) });
    followOnScreen();
  };

  /** The canvas shows the experience asked for, else one on screen, else a default. */
  const followOnScreen = () => {
    if (!state.project || !state.world) return;
    const world = state.world;
    const active = Object.keys(world.experiences).filter(
      (id) => world.experiences[id].status === "active",
    );
    const id = pickExperience(state.project, state.experienceId, active);
    if (id !== state.experienceId) set({ experienceId: id });
  };

  const outcomeOf = (replayed: Replayed): RunOutcome =>
    replayed.failed ? { ok: false, message: replayed.failed.message } : { ok: true };

  /**
   * Replays `steps` on `project` and installs the result: at once when they fit in one slice,
   * else a slice at a time, each shown when done (state.replay says how far), so the page
   * keeps answering. Anything that replaces the session meanwhile stops it (stopReplay).
   */
  const replayOnProject = (
    project: Project,
    setup: SessionSetup,
    steps: ScriptStep[],
    patch: Partial<SessionState> = {},
  ): RunOutcome => {
    stopReplay();
    const job = startReplay(project, setup, steps, collector);
    const current = { steps: [...steps], job };
    replaying = current;
    let shown = false;
    const finished = runInSlices(job, {
      sliceSteps,
      yieldToPage: options.yieldToPage ?? nextMacrotask,
      onSlice(at) {
        const progress = { replay: { done: at.done(), total: at.total } };
        adopt(at.sofar(), shown ? progress : { ...patch, ...progress });
        shown = true;
      },
      cancelled: () => replaying !== current,
    });
    if (job.over()) {
      replaying = null;
      const replayed = job.sofar();
      adopt(replayed, { ...patch, replay: null });
      replayDone = Promise.resolve(outcomeOf(replayed));
      return outcomeOf(replayed);
    }
    replayDone = finished.then((over): RunOutcome => {
      if (!over) return { ok: false, message: "The replay stopped: the session changed." };
      replaying = null;
      const replayed = job.sofar();
      adopt(replayed, { replay: null });
      if (inspectAfterReplay) restoreCursor(state.cursor);
      inspectAfterReplay = false;
      return outcomeOf(replayed);
    });
    return { ok: true };
  };

  /**
   * Stops a replay under way where it is: the session keeps the steps replayed so far. With
   * `interrupted`, the user took over (a step, time travel, a preview) and the notice says
   * which steps were dropped; without, a new session or project replaces it.
   */
  function stopReplay(interrupted = false) {
    if (!replaying) return;
    const { job } = replaying;
    replaying = null;
    inspectAfterReplay = false;
    const dropped = job.total - job.done();
    const notice = {
      kind: "warning" as const,
      message: `The session's replay stopped after ${job.done()} of ${job.total} steps because the session changed; the last ${dropped} were dropped.`,
    };
    set(interrupted ? { replay: null, notice } : { replay: null });
  }

  /** A new valid project: the session replays its script on it (edits show at once). */
  const acceptProject = (checked: CheckedText, fresh: boolean) => {
    const project = checked.project as Project;
    const setup =
      fresh || !state.project
        ? defaultSetup(project)
        : followProject(state.setup, state.project, project);
    // An edit during a replay replays the whole script on the new project, not the part done.
    const steps = fresh ? [] : (replaying?.steps ?? stepsTo(state.moments, state.cursor));
    const experienceId = fresh ? null : state.experienceId;
    set({
      project,
      projectText: checked.text,
      projectDiagnostics: checked.diagnostics,
      showingLastValid: false,
      setup,
      experienceId: pickExperience(project, experienceId),
    });
    replayOnProject(project, setup, steps);
  };

  const applyCheck = (checked: CheckedText, fresh: boolean) => {
    if (checked.valid) {
      set({ checked });
      acceptProject(checked, fresh);
      return;
    }
    // Invalid: the canvas and simulation keep the last valid project (issue 4).
    set({ checked, showingLastValid: state.project !== null });
  };

  const validateNow = (fresh = false) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (state.checked?.text === state.text && !fresh) return;
    applyCheck(checkText(state.text), fresh);
  };

  const scheduleCheck = () => {
    if (debounceMs <= 0) {
      validateNow();
      return;
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => validateNow(), debounceMs);
  };

  const rememberSession = () => {
    if (state.documentId !== null && state.project) cache.set(state.documentId, exportSession());
  };

  const exportSession = (): SessionInput => ({
    ...structuredClone(state.setup),
    // During a replay the session is its whole script (what a reload or a share must keep).
    steps: replaying ? [...replaying.steps] : stepsTo(state.moments, state.cursor),
    selectedExperience: state.experienceId,
  });

  const loadSession = (session: SessionInput): RunOutcome => {
    const setup: SessionSetup = {
      user: structuredClone(session.user),
      personaId: session.personaId,
      start: { ...session.start },
    };
    stopReplay();
    set({ setup, experienceId: session.selectedExperience });
    if (!state.project) return { ok: false, message: "No valid project to run the session on." };
    return replayOnProject(state.project, setup, session.steps);
  };

  const openDocument = (documentId: string | null, text: string, session?: SessionInput) => {
    rememberSession();
    stopReplay();
    simulation = null;
    // A document brings its own options back; a new one starts from the defaults.
    const options = (documentId !== null ? optionsOf.get(documentId) : undefined) ?? defaultOptions;
    state = { ...initialSessionState(), inspecting: state.inspecting, autoLand: options.autoLand };
    set({ documentId, text });
    validateNow(true);
    const saved = session ?? (documentId !== null ? cache.get(documentId) : undefined);
    if (saved && state.project) loadSession(saved);
  };

  function restoreCursor(cursor: number) {
    if (!state.project) return;
    simulation = restoreMoment(state.project, state.moments[cursor], collector);
    set({ ...withMoments(state.moments, cursor), lastError: null });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSimulation: () => simulation,
    result: () => simulation?.result() ?? null,
    setText(text, documentId) {
      if (documentId !== undefined && documentId !== state.documentId) {
        openDocument(documentId, text);
        return;
      }
      if (text === state.text) return;
      set({ text });
      scheduleCheck();
    },
    openDocument,
    flush: () => validateNow(),
    selectExperience(id) {
      if (state.project?.experiences.some((e) => e.id === id)) set({ experienceId: id });
    },
    setSetup(setup) {
      stopReplay();
      set({ setup: structuredClone(setup) });
      if (state.project) replayOnProject(state.project, state.setup, []);
    },
    setAutoLand(on) {
      if (state.documentId !== null) optionsOf.set(state.documentId, { autoLand: on });
      set({ autoLand: on });
    },
    run(step) {
      if (!state.project || !simulation) {
        return { ok: false, message: "No valid project to run." };
      }
      stopReplay(true);
      const effective: ScriptStep =
        state.autoLand || step.settle !== undefined ? step : { ...step, settle: false };
      const outcome = runStep(simulation, effective);
      if (!outcome.ok) {
        // Nothing happened: come back to the moment on screen, exactly.
        simulation = restoreMoment(state.project, state.moments[state.cursor], collector);
        set({ lastError: outcome.message });
        return outcome;
      }
      const kept = state.moments.slice(0, state.cursor + 1);
      const moments = [...kept, momentOf(simulation, effective, collector)];
      set({ ...withMoments(moments, moments.length - 1), lastError: null });
      followShown(kept[kept.length - 1].traceLength);
      return outcome;
    },
    loadSession,
    replayed: () => replayDone,
    exportSession,
    restart() {
      stopReplay();
      if (state.project) replayOnProject(state.project, state.setup, []);
    },
    travelTo(index) {
      if (index < 0 || index >= state.moments.length || index === state.cursor) return;
      stopReplay(true);
      restoreCursor(index);
    },
    travelToEntry(entryIndex) {
      const index = momentOfEntry(state.moments, entryIndex);
      if (index === state.cursor) return;
      stopReplay(true);
      restoreCursor(index);
    },
    previewFrom(experienceId, stepId) {
      if (!state.project) return;
      stopReplay(true);
      const outcome = previewFromStep(state.project, state.setup, experienceId, stepId, collector);
      adopt(
        { simulation: outcome.simulation, moments: outcome.moments },
        {
          experienceId,
          replayable: outcome.scripted,
          notice: { kind: outcome.scripted ? "info" : "warning", message: outcome.message },
        },
      );
    },
    setInspector(next) {
      collector.setNext(next ?? undefined);
      set({ inspecting: next !== null });
      // The live simulation is rebuilt from the moment on screen so it reports from now on
      // (at the end of a replay under way, whose simulation it is meanwhile).
      if (replaying) inspectAfterReplay = next !== null;
      else if (state.project && state.moments.length > 0) restoreCursor(state.cursor);
    },
    dismissNotice: () => set({ notice: null }),
  };

  /** After a run: when a flow was shown by it, the canvas follows that flow. */
  function followShown(fromEntry: number) {
    if (!state.project || !state.world) return;
    const shown = state.world.trace
      .slice(fromEntry)
      .filter((entry) => entry.type === "experience.shown" && entry.experience);
    const project = state.project;
    for (const entry of shown.reverse()) {
      const id = entry.experience as string;
      const experience = project.experiences.find((e) => e.id === id);
      if (
        experience &&
        experience.steps.length > 0 &&
        state.world.experiences[id].status === "active"
      ) {
        set({ experienceId: id });
        return;
      }
    }
  }
}

/** The page's session. */
export const sessionStore = createSessionStore();

/** Reads a slice of the session; re-renders only when the selected value changes. */
export function useSession<T>(selector: (state: SessionState) => T, store = sessionStore): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
