// The timeline's entries grouped by the moment (script step) that recorded them.
import { describeScriptStep } from "../../machines/engine/index.ts";
import type { TraceEntry } from "../../machines/format/index.ts";
import type { Moment } from "../session/types.ts";

export interface MomentGroup {
  moment: number;
  label: string;
  /** [start, end) indices into the timeline. */
  start: number;
  end: number;
}

function momentLabel(moment: Moment, index: number): string {
  if (index === 0) return moment.step ? describeScriptStep(moment.step) : "start";
  return moment.step ? describeScriptStep(moment.step) : "preview";
}

export function momentGroups(
  moments: readonly Moment[],
  timeline: readonly TraceEntry[],
): MomentGroup[] {
  let start = 0;
  return moments.map((moment, index) => {
    const end = Math.min(moment.traceLength, timeline.length);
    const group = { moment: index, label: momentLabel(moment, index), start, end };
    start = end;
    return group;
  });
}
