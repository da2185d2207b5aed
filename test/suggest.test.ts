// "Did you mean …?" (machines/model/suggest.ts): the few closest names, never a whole
// list, at a cost that stays linear in the number of messages (issue 10, item 2).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  closestNames,
  didYouMean,
  editDistance,
  quotedList,
  suggestions,
} from "../machines/model/suggest.ts";

/** Plain Levenshtein, for reference. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "1"), maxLength: 9 });

describe("editDistance", () => {
  it("is Levenshtein's, capped at the limit", () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 1, max: 5 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(levenshtein(a, b), limit));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("closestNames", () => {
  it("orders by distance (case ignored), then by place in the list", () => {
    expect(closestNames("Welcom", ["intro", "welcome", "WELCOME", "welcomes"])).toEqual([
      "welcome",
      "WELCOME",
      "welcomes",
    ]);
    expect(closestNames("stpe", ["step", "stop", "ste"], 2)).toEqual(["ste", "step"]);
    expect(closestNames("x", [])).toEqual([]);
    expect(closestNames("billing", ["onboarding", "nps"])).toEqual([]);
  });

  it("on a long list, finds every name one edit away and none beyond two", () => {
    const names = fc.uniqueArray(word, { minLength: 65, maxLength: 120 });
    fc.assert(
      fc.property(names, word, (known, query) => {
        const found = closestNames(query, known, known.length);
        const lower = query.toLowerCase();
        for (const name of found) expect(levenshtein(lower, name)).toBeLessThanOrEqual(2);
        for (const name of known) {
          if (levenshtein(lower, name) <= 1) expect(found).toContain(name);
        }
        // Closest first.
        const distances = found.map((name) => levenshtein(lower, name));
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});

describe("closestNames on a long list (indexed)", () => {
  const steps = Array.from({ length: 1_000 }, (_, i) => `welcome-step-${i + 1}`);

  it("finds two edits away: two extra characters, one extra and one missing, a swap", () => {
    expect(closestNames("welcome-step-777xy", steps, 1)).toEqual(["welcome-step-777"]);
    expect(closestNames("welcome-sep-777x", steps, 1)).toEqual(["welcome-step-777"]);
    expect(closestNames("welcome-setp-777", steps, 1)).toEqual(["welcome-step-777"]);
    expect(closestNames("WELCOME-STEP-777", steps, 1)).toEqual(["welcome-step-777"]);
  });

  it("agrees with a scan of the whole list for names one edit away, on any characters", () => {
    const anyWord = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.uniqueArray(anyWord, { minLength: 65, maxLength: 90 }),
        anyWord,
        (known, query) => {
          const lower = query.toLowerCase();
          const found = closestNames(query, known, known.length);
          const expected = known.filter((name) => levenshtein(lower, name.toLowerCase()) <= 1);
          for (const name of expected) expect(found).toContain(name);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("suggestions and didYouMean", () => {
  it("spell out a short list, closest first, and name at most three of a long one", () => {
    expect(suggestions("zzz", ["a", "b"])).toEqual(["a", "b"]);
    expect(suggestions("b", ["a", "b"])).toEqual(["b", "a"]);
    const steps = Array.from({ length: 5_000 }, (_, i) => `step-${i + 1}`);
    expect(suggestions("step-12x", steps)).toEqual(["step-12", "step-120", "step-121"]);
    expect(suggestions("zzz", steps)).toEqual([]);
  });

  it("say why there is nothing to suggest, never 'one of: .'", () => {
    expect(didYouMean("x", [], "step ids")).toBe("there are no step ids");
    expect(didYouMean("zzz", ["a", "b", "c", "d"], "options")).toBe(
      "none of the 4 options is close",
    );
    expect(didYouMean("b", ["a", "b"], "posts")).toBe('did you mean "b" or "a"?');
    expect(quotedList(["a", "b", "c"])).toBe('"a", "b" or "c"');
  });

  it("stay fast: 20,000 searches in a list of 20,000 names", () => {
    const steps = Array.from({ length: 20_000 }, (_, i) => `step-${i + 1}`);
    const start = performance.now();
    for (let i = 0; i < steps.length; i++) closestNames(`step-${i + 2}x`, steps);
    // Generous for shared CI machines; the quadratic scan took minutes.
    expect(performance.now() - start).toBeLessThan(8_000);
  });
});
