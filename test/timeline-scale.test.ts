// The human timeline of a long run (found by the fuzz suite): a trace of 150,000 entries was
// measured with Math.max(...spread), which overflows the call stack and exited 70.
import { describe, expect, it } from "vitest";
import { formatTimeline } from "../cli/timeline.ts";
import type { TraceEntry } from "../machines/format/index.ts";

describe("formatTimeline", () => {
  it("prints a 150,000-entry trace", () => {
    const trace: TraceEntry[] = Array.from({ length: 150_000 }, (_, i) => ({
      at: i * 3_600_000,
      type: "clock.advanced",
      ms: 3_600_000,
    }));
    const text = formatTimeline(trace, { color: false });
    expect(text.split("\n").length).toBeGreaterThanOrEqual(150_000);
  });
});
