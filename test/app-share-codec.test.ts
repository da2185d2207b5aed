// The share link codec: base64url, deflate-raw tokens, the shared-state envelope, and the caps
// on what a link may carry (share-limits.ts), with the 3.9 KB link of 20,000 steps (issue 10).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64urlToBytes, bytesToBase64url } from "../app/persistence/base64url.ts";
import {
  decodeJsonToken,
  decodeSharedState,
  encodeJsonToken,
  encodeSharedState,
  ShareLinkError,
  shareUrl,
  tokenFromHash,
} from "../app/persistence/share-codec.ts";
import {
  jsonNestingDepth,
  maxSharedDepth,
  maxSharedSteps,
} from "../app/persistence/share-limits.ts";

/** What JSON itself keeps of a value (e.g. -0 becomes 0): the round trip's contract. */
const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("base64url", () => {
  it("round-trips any bytes and uses only URL-safe characters", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(Array.from(base64urlToBytes(text))).toEqual(Array.from(bytes));
      }),
    );
  });

  it("agrees with the platform's base64 (minus padding, URL alphabet)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const reference = Buffer.from(bytes).toString("base64url");
        expect(bytesToBase64url(bytes)).toBe(reference);
      }),
    );
  });

  it("names the first character that is not base64url", () => {
    expect(() => base64urlToBytes("abc+")).toThrow(/"\+" at 4/);
    expect(() => base64urlToBytes("abcde")).toThrow(/cannot be 5 characters/);
  });
});

describe("share tokens", () => {
  it("round-trips any JSON value, compressed or not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, compress) => {
        const token = await encodeJsonToken(value, compress);
        expect(token.startsWith(compress ? "v1.d." : "v1.j.")).toBe(true);
        expect(await decodeJsonToken(token)).toEqual(viaJson(value));
      }),
      { numRuns: 200 },
    );
  });

  it("compresses a repetitive project well", async () => {
    const big = {
      experiences: Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, steps: [] })),
    };
    const raw = JSON.stringify(big).length;
    const token = await encodeJsonToken(big);
    expect(token.length).toBeLessThan(raw / 4);
  });

  it("refuses damaged, foreign and oversized tokens with a clear message", async () => {
    const good = await encodeJsonToken({ a: "b".repeat(1000) });
    const cases: [string, RegExp][] = [
      ["", /carries no data/],
      ["v2.d.AAAA", /another version/],
      ["v1.d.ab*cd", /cut or altered/],
      [`${good.slice(0, 12)}`, /damaged|cut/],
      ["v1.j.AP8", /not UTF-8/],
      [`v1.j.${bytesToBase64url(new TextEncoder().encode("{oops"))}`, /not JSON/],
    ];
    for (const [token, message] of cases) {
      await expect(decodeJsonToken(token)).rejects.toThrow(message);
      await expect(decodeJsonToken(token)).rejects.toBeInstanceOf(ShareLinkError);
    }
    // A small token that inflates past the cap is refused, not inflated.
    const bomb = await encodeJsonToken("x".repeat(100_000));
    await expect(decodeJsonToken(bomb, 10_000)).rejects.toThrow(/inflates to more than/);
  });
});

describe("shared state", () => {
  const state = {
    v: 1 as const,
    name: "NPS survey",
    project: '{\n  "version": 1,\n  "experiences": []\n}\n',
    session: {
      user: { id: "u-ana", attributes: { plan: "pro", seats: 3 } },
      personaId: "pro-admin",
      start: { url: "/dashboard", at: "2026-01-05T09:00:00Z" },
      steps: [{ do: "answer" as const, value: 10 }],
      selectedExperience: "quarterly-nps",
    },
  };

  it("round-trips exactly, project text included", async () => {
    const decoded = await decodeSharedState(await encodeSharedState(state));
    expect(decoded).toEqual({ state, leftOut: null });
  });

  it("says where a well-formed token is not a session", async () => {
    const token = await encodeJsonToken({
      ...state,
      session: { ...state.session, steps: [{ do: "fly" }] },
    });
    await expect(decodeSharedState(token)).rejects.toThrow(/\/session\/steps\/0/);
  });

  it("reads the token back from the URL hash it was put in", async () => {
    const token = await encodeSharedState(state);
    const url = new URL(shareUrl("http://127.0.0.1:5173/app?example=nps#old", token));
    expect(url.pathname).toBe("/app");
    expect(url.search).toBe("");
    expect(tokenFromHash(url.hash)).toBe(token);
    expect(tokenFromHash("#other=1")).toBeNull();
  });
});

/** A link of `steps` (the NPS example's project), made as an attacker would: no cap on the way. */
async function linkCarrying(steps: unknown[], extra: Record<string, unknown> = {}) {
  const state = {
    v: 1,
    name: "bomb",
    project: readFileSync("examples/nps-survey.json", "utf8"),
    session: {
      user: { id: "u", attributes: {} },
      personaId: null,
      start: { url: "/", at: "2026-01-05T09:00:00Z" },
      steps,
      selectedExperience: null,
      ...extra,
    },
  };
  return shareUrl("http://127.0.0.1:5173/", await encodeJsonToken(state));
}

/** `{"a":{"a":…}}` nested `levels` deep, built as text (no recursion anywhere). */
function nestedText(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
}

describe("share link caps", () => {
  it("opens the 3.9 KB link of 20,000 advance steps with its first steps only, and says so", async () => {
    const bomb = await linkCarrying(
      Array.from({ length: 20_000 }, () => ({ do: "advance", hours: 1 })),
    );
    expect(bomb.length).toBeLessThan(4_000);
    const token = tokenFromHash(new URL(bomb).hash) as string;
    const { state, leftOut } = await decodeSharedState(token);
    expect(state.session.steps).toHaveLength(maxSharedSteps);
    expect(state.session.steps[0]).toEqual({ do: "advance", hours: 1 });
    expect(leftOut).toBe(
      "The link carried 20,000 script steps, more than the 1,000 it may carry: the first 1,000 were opened and the last 19,000 left out.",
    );
  });

  it("leaves a script at the cap whole", async () => {
    const steps = Array.from({ length: maxSharedSteps }, () => ({ do: "advance", hours: 1 }));
    const token = tokenFromHash(new URL(await linkCarrying(steps)).hash) as string;
    const { state, leftOut } = await decodeSharedState(token);
    expect(state.session.steps).toHaveLength(maxSharedSteps);
    expect(leftOut).toBeNull();
  });

  it("makes links of the first steps of a longer session", async () => {
    const project = '{"version":1,"experiences":[]}';
    const session = {
      user: { id: "u", attributes: {} },
      start: { url: "/", at: "2026-01-05T09:00:00Z" },
      steps: Array.from({ length: maxSharedSteps + 5 }, () => ({
        do: "advance" as const,
        hours: 1,
      })),
    };
    const token = await encodeSharedState({ v: 1, name: "long", project, session });
    const { state, leftOut } = await decodeSharedState(token);
    expect(state.session.steps).toHaveLength(maxSharedSteps);
    expect(leftOut).toBeNull();
  });

  it("refuses a link nested deeper than the cap, in its session or in its project", async () => {
    const deepAttributes = JSON.parse(nestedText(maxSharedDepth));
    const deepSession = await linkCarrying([], { user: { id: "u", attributes: deepAttributes } });
    await expect(
      decodeSharedState(tokenFromHash(new URL(deepSession).hash) as string),
    ).rejects.toThrow(/This share link cannot be opened: its data nests more than 100 levels deep/);

    const deepProject = await encodeJsonToken({
      v: 1,
      name: "deep",
      project: nestedText(5_000),
      session: {
        user: { id: "u", attributes: {} },
        start: { url: "/", at: "2026-01-05T09:00:00Z" },
        steps: [],
      },
    });
    await expect(decodeSharedState(deepProject)).rejects.toThrow(
      /its project nests more than 100 levels deep/,
    );
  });

  it("refuses a small token that unfolds into 100,000 levels before parsing it", async () => {
    const token = `v1.j.${bytesToBase64url(new TextEncoder().encode("[".repeat(100_000)))}`;
    await expect(decodeJsonToken(token)).rejects.toThrow(/nests more than 100 levels/);
    await expect(
      decodeJsonToken(await encodeJsonToken(JSON.parse(nestedText(50)))),
    ).resolves.toEqual(JSON.parse(nestedText(50)));
  });

  it("measures nesting without recursion, ignoring brackets inside strings", () => {
    expect(jsonNestingDepth("1")).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonNestingDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonNestingDepth('["\\", "\\"[["]')).toBe(1);
    expect(jsonNestingDepth(nestedText(1_000_000))).toBe(1_000_000);
    expect(jsonNestingDepth(nestedText(1_000_000), 100)).toBe(101);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(jsonNestingDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
    );
  });
});

/** The reference: nesting by recursion over the value (small values only). */
function depthOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}
