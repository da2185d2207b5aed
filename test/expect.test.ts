// The recording matcher: SPEC §4 "Recording" rules, unit by unit, then properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deepEqual,
  formatMismatches,
  matchExpectation,
  matches,
  subsequenceKeys,
} from "../machines/engine/expect.ts";

const result = {
  experiences: {
    nps: { status: "completed", step: null, visited: ["score", "thanks"], views: 1 },
    tour: { status: "idle", step: null, visited: [], views: 0 },
  },
  page: { url: "/dashboard" },
  tabs: ["https://a.example", "https://b.example"],
  effects: [
    { type: "openPost", post: "p1" },
    { type: "navigateTo", url: "/x", openIn: "sameTab" },
  ],
  trace: [
    { at: 0, type: "experience.shown", experience: "nps" },
    { at: 0, type: "step.entered", experience: "nps", step: "score" },
    {
      at: 10,
      type: "show.skipped",
      experience: "tour",
      reasons: [
        { code: "audience", message: "plan is not pro" },
        { code: "recurrence", message: "shown once already" },
      ],
    },
    { at: 20, type: "step.entered", experience: "nps", step: "thanks" },
    { at: 20, type: "experience.completed", experience: "nps" },
  ],
  warnings: [{ code: "missingAttribute", message: "userId is not set" }],
};

describe("matchExpectation: objects", () => {
  it("accepts an empty expectation and any subset of keys", () => {
    expect(matchExpectation({}, result)).toEqual([]);
    expect(matchExpectation({ page: { url: "/dashboard" } }, result)).toEqual([]);
    expect(matchExpectation({ experiences: { nps: { status: "completed" } } }, result)).toEqual([]);
  });

  it("reports a different plain value with its JSON pointer", () => {
    const [mismatch, ...rest] = matchExpectation(
      { experiences: { nps: { status: "dismissed" } } },
      result,
    );
    expect(rest).toEqual([]);
    expect(mismatch.path).toBe("/experiences/nps/status");
    expect(mismatch.expected).toBe("dismissed");
    expect(mismatch.actual).toBe("completed");
  });

  it("reports a key the result lacks as missing", () => {
    const [mismatch] = matchExpectation({ experiences: { ghost: { status: "idle" } } }, result);
    expect(mismatch.path).toBe("/experiences/ghost");
    expect(mismatch.actual).toBeUndefined();
    expect(mismatch.message).toBe("missing");
  });

  it("escapes ~ and / in pointer tokens", () => {
    const [mismatch] = matchExpectation({ "a/b~c": 1 }, { "a/b~c": 2 });
    expect(mismatch.path).toBe("/a~1b~0c");
  });

  it("reports every failing key, not just the first", () => {
    const mismatches = matchExpectation({ page: { url: "/x" }, tabs: ["nope"] }, result);
    expect(mismatches.map((m) => m.path)).toEqual(["/page/url", "/tabs/0"]);
  });

  it("distinguishes null from a missing value and 1 from '1'", () => {
    expect(matches({ a: null }, {})).toBe(false);
    expect(matches({ a: null }, { a: null })).toBe(true);
    expect(matches({ a: 1 }, { a: "1" })).toBe(false);
  });
});

describe("matchExpectation: subsequence arrays", () => {
  it("accepts elements in order with gaps, each matching as a subset", () => {
    const expectation = {
      trace: [
        { type: "experience.shown", experience: "nps" },
        { type: "step.entered", step: "thanks" },
        { type: "experience.completed" },
      ],
    };
    expect(matchExpectation(expectation, result)).toEqual([]);
  });

  it("rejects the same elements out of order and says where the match was", () => {
    const expectation = {
      trace: [{ type: "experience.completed" }, { type: "experience.shown" }],
    };
    const [mismatch, ...rest] = matchExpectation(expectation, result);
    expect(rest).toEqual([]);
    expect(mismatch.path).toBe("/trace/1");
    expect(mismatch.message).toContain("out of order");
    expect(mismatch.message).toContain("/trace/0");
  });

  it("needs one actual element per expected element (no reuse)", () => {
    expect(matches({ tabs: ["https://a.example", "https://a.example"] }, result)).toBe(false);
    expect(matches({ tabs: ["https://a.example", "https://b.example"] }, result)).toBe(true);
  });

  it("applies to every subsequence key, at any depth (reasons inside a trace entry)", () => {
    expect([...subsequenceKeys].sort()).toEqual([
      "effects",
      "reasons",
      "tabs",
      "trace",
      "warnings",
    ]);
    const nested = { trace: [{ type: "show.skipped", reasons: [{ code: "recurrence" }] }] };
    expect(matches(nested, result)).toBe(true);
    const wrongOrder = {
      trace: [{ type: "show.skipped", reasons: [{ code: "recurrence" }, { code: "audience" }] }],
    };
    expect(matches(wrongOrder, result)).toBe(false);
    expect(matches({ effects: [{ type: "navigateTo", openIn: "sameTab" }] }, result)).toBe(true);
    expect(matches({ warnings: [{ code: "missingAttribute" }] }, result)).toBe(true);
  });

  it("offers the nearest candidates of the same type for an unmatched element", () => {
    const [mismatch] = matchExpectation(
      { trace: [{ type: "step.entered", experience: "nps", step: "nowhere" }] },
      result,
    );
    expect(mismatch.path).toBe("/trace/0");
    expect(mismatch.candidates?.map((c) => c.pointer)).toEqual(["/trace/1", "/trace/3"]);
    expect(mismatch.actual).toEqual([result.trace[1], result.trace[3]]);
  });

  it("goes on after an unmatched element and reports later ones too", () => {
    const mismatches = matchExpectation(
      { tabs: ["https://zzz.example", "https://b.example", "https://yyy.example"] },
      result,
    );
    expect(mismatches.map((m) => m.path)).toEqual(["/tabs/0", "/tabs/2"]);
  });

  it("rejects a non-array where a subsequence is expected", () => {
    const [mismatch] = matchExpectation({ tabs: ["x"] }, { tabs: "x" });
    expect(mismatch.message).toContain("expected an array");
  });
});

describe("matchExpectation: other arrays must be equal", () => {
  it("compares `visited` element by element, order and length included", () => {
    expect(matches({ experiences: { nps: { visited: ["score", "thanks"] } } }, result)).toBe(true);
    expect(matches({ experiences: { nps: { visited: ["score"] } } }, result)).toBe(false);
    expect(matches({ experiences: { nps: { visited: ["thanks", "score"] } } }, result)).toBe(false);
  });

  it("does not subset-match objects inside an ordinary array", () => {
    expect(matches({ list: [{ a: 1 }] }, { list: [{ a: 1, b: 2 }] })).toBe(false);
    expect(matches({ list: [{ a: 1, b: 2 }] }, { list: [{ b: 2, a: 1 }] })).toBe(true);
  });
});

describe("formatMismatches", () => {
  it("prints the path, a - expected line and a + actual line", () => {
    const text = formatMismatches(
      matchExpectation({ experiences: { nps: { status: "dismissed" } } }, result),
    );
    expect(text).toContain("/experiences/nps/status");
    expect(text).toContain('- "dismissed"');
    expect(text).toContain('+ "completed"');
  });

  it("prints (missing) for an absent key and the candidates with their place", () => {
    const text = formatMismatches(
      matchExpectation(
        { page: { title: "x" }, trace: [{ type: "step.entered", step: "nowhere" }] },
        result,
      ),
    );
    expect(text).toContain("+ (missing)");
    expect(text).toContain("(nearest: /trace/1)");
    expect(text).toContain('- {"type":"step.entered","step":"nowhere"}');
  });

  it("prints nothing for no mismatch", () => {
    expect(formatMismatches([])).toBe("");
  });
});

// ----------------------------------------------------------------------------- properties

const leaf = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom("a", "b", "c", "step.entered", "experience.shown"),
  fc.boolean(),
  fc.constant(null),
);
const smallRecord = fc.dictionary(
  fc.constantFrom("type", "experience", "step", "at", "code"),
  leaf,
  {
    maxKeys: 4,
  },
);
const traceEntry = fc.record(
  {
    at: fc.nat(2000),
    type: fc.constantFrom("experience.shown", "step.entered", "show.skipped", "action.fired"),
    experience: fc.constantFrom("nps", "tour"),
    reasons: fc.array(smallRecord, { maxLength: 3 }),
    step: fc.constantFrom("a", "b", "c"),
  },
  { requiredKeys: ["at", "type"] },
);
const experienceResult = fc.record({
  status: fc.constantFrom("idle", "active", "completed", "dismissed", "snoozed"),
  step: fc.option(fc.constantFrom("a", "b")),
  visited: fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 4 }),
  views: fc.nat(3),
  snoozeCount: fc.nat(3),
  tasksDone: fc.array(fc.constantFrom("t1", "t2"), { maxLength: 2 }),
});
const resultLike = fc.record({
  experiences: fc.dictionary(fc.constantFrom("nps", "tour", "banner"), experienceResult),
  page: fc.record({ url: fc.constantFrom("/", "/dashboard", "/a?b=1") }),
  tabs: fc.array(fc.constantFrom("https://a", "https://b"), { maxLength: 3 }),
  effects: fc.array(smallRecord, { maxLength: 4 }),
  trace: fc.array(traceEntry, { maxLength: 8 }),
  warnings: fc.array(smallRecord, { maxLength: 3 }),
});

/** A tiny deterministic PRNG, so a shrunk counterexample replays the same pruning. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random expectation the value must satisfy: keys dropped, subsequence elements dropped. */
function subsetOf(value: unknown, random: () => number, key = ""): unknown {
  if (Array.isArray(value)) {
    if (!subsequenceKeys.has(key)) return value;
    return value.filter(() => random() < 0.6).map((element) => subsetOf(element, random));
  }
  if (typeof value === "object" && value !== null) {
    const kept = Object.entries(value).filter(() => random() < 0.7);
    return Object.fromEntries(kept.map(([k, v]) => [k, subsetOf(v, random, k)]));
  }
  return value;
}

/** Every path (list of keys/indices) to a leaf of `value`, whole ordinary arrays counting as leaves. */
function leafPaths(
  value: unknown,
  key = "",
  path: (string | number)[] = [],
): (string | number)[][] {
  if (Array.isArray(value)) {
    if (!subsequenceKeys.has(key)) return [path];
    return value.flatMap((element, index) => leafPaths(element, "", [...path, index]));
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, k, [...path, k]));
  }
  return [path];
}

function withLeaf(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = withLeaf(copy[head], rest, replacement);
  return copy;
}

/** A value that occurs nowhere in any generated result. */
const sentinel = "\u0000changed-leaf";

describe("matchExpectation: properties", () => {
  it("a result matches itself", () => {
    fc.assert(fc.property(resultLike, (value) => matchExpectation(value, value).length === 0));
  });

  it("a result matches every subset/subsequence of itself", () => {
    fc.assert(
      fc.property(resultLike, fc.nat(), (value, seed) => {
        const expectation = subsetOf(value, prng(seed));
        expect(matchExpectation(expectation, value)).toEqual([]);
      }),
    );
  });

  it("a changed leaf in an expectation makes it fail, with the mismatch on that path", () => {
    fc.assert(
      fc.property(resultLike, fc.nat(), fc.nat(), (value, seed, pick) => {
        const expectation = subsetOf(value, prng(seed));
        const paths = leafPaths(expectation).filter((path) => path.length > 0);
        fc.pre(paths.length > 0);
        const path = paths[pick % paths.length];
        const changed = withLeaf(expectation, path, sentinel);
        const mismatches = matchExpectation(changed, value);
        expect(mismatches.length).toBeGreaterThan(0);
        // The reported place is a prefix of the changed path (a subsequence element, or the leaf).
        const pointer = `/${path.join("/")}`;
        expect(mismatches.some((m) => pointer.startsWith(m.path))).toBe(true);
      }),
    );
  });

  it("greedy subsequence search agrees with an exhaustive search", () => {
    const element = fc.dictionary(fc.constantFrom("type", "k"), fc.constantFrom(1, 2), {
      maxKeys: 2,
    });
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 5 }),
        fc.array(element, { maxLength: 7 }),
        (expected, actual) =>
          matches({ trace: expected }, { trace: actual }) === embeds(expected, actual, 0, 0),
      ),
    );
  });

  it("deepEqual ignores key order but nothing else", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value, sortedKeysReversed));
        return deepEqual(value, reordered) && deepEqual(reordered, value);
      }),
    );
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});

/** Exhaustive: can expected[i..] be embedded in actual[j..], each as a key subset? */
function embeds(expected: object[], actual: object[], i: number, j: number): boolean {
  if (i === expected.length) return true;
  for (let k = j; k < actual.length; k++) {
    const fits = Object.entries(expected[i]).every(
      ([key, v]) => (actual[k] as Record<string, unknown>)[key] === v,
    );
    if (fits && embeds(expected, actual, i + 1, k + 1)) return true;
  }
  return false;
}

function sortedKeysReversed(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse());
}
