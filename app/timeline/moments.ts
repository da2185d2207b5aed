// The timeline's entries grouped by the moment (script step) that recorded it, each headed by
// its script step in words (step-words.ts): labels from the project, human durations.
import { describeScriptStep } from "../../machines/engine/index.ts";
import type { TraceEntry } from "../../machines/format/index.ts";
import type { Moment } from "../session/types.ts";
import { describeStep } from "./step-words.ts";
import type { ProjectWords } from "./words.ts";

export interface MomentGroup {
  moment: number;
  label: string;
  /** [start, end) indices into the timeline. */
  start: number;
  end: number;
}

function momentLabel(
  moments: readonly Moment[],
  index: number,
  words: ProjectWords | null,
): string {
  const { step } = moments[index];
  if (!step) return index === 0 ? "start" : "preview";
  if (!words) return describeScriptStep(step);
  return describeStep(step, words, index > 0 ? moments[index - 1].snapshot.world : null);
}

export function momentGroups(
  moments: readonly Moment[],
  timeline: readonly TraceEntry[],
  words: ProjectWords | null = null,
): MomentGroup[] {
  let start = 0;
  return moments.map((moment, index) => {
    const end = Math.min(moment.traceLength, timeline.length);
    const group = { moment: index, label: momentLabel(moments, index, words), start, end };
    start = end;
    return group;
  });
}
