// Which coverage path is being replayed on the canvas (or was last), and the click that
// starts a replay. A newer click, an edit of the project or leaving the panel cancels it.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CoveragePath, ScriptSetup } from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";
import { sessionStore } from "../session/store.ts";
import { replayPath } from "./path-replay.ts";
import { sessionReplayDriver } from "./session-replay-driver.ts";

export interface ReplayMark {
  experienceId: string;
  index: number;
  state: "replaying" | "replayed" | "failed";
  done: number;
  total: number;
  message?: string;
}

export interface PathReplay {
  mark: ReplayMark | null;
  replay(index: number, path: CoveragePath, setup: ScriptSetup, experienceId: string): void;
}

export function usePathReplay(project: Project | null, onShowCanvas: () => void): PathReplay {
  const [mark, setMark] = useState<ReplayMark | null>(null);
  const stopRef = useRef<(() => void) | null>(null);

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
  }, []);

  // An edit makes the path (and its marks) belong to another project.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the project changes
  useEffect(() => {
    stop();
    setMark(null);
  }, [project, stop]);

  useEffect(() => stop, [stop]);

  const replay = useCallback<PathReplay["replay"]>(
    (index, path, setup, experienceId) => {
      stop();
      const total = path.steps.length;
      let ran = 0;
      setMark({ experienceId, index, state: "replaying", done: 0, total });
      const driver = sessionReplayDriver(sessionStore, onShowCanvas);
      stopRef.current = replayPath(path, setup, experienceId, driver, {
        onStep: (done) => {
          ran = done;
          setMark({ experienceId, index, state: "replaying", done, total });
        },
        onEnd: (outcome) => {
          stopRef.current = null;
          setMark(
            outcome.ok
              ? { experienceId, index, state: "replayed", done: total, total }
              : {
                  experienceId,
                  index,
                  state: "failed",
                  done: ran,
                  total,
                  message: outcome.message,
                },
          );
        },
      });
    },
    [onShowCanvas, stop],
  );

  return { mark, replay };
}
