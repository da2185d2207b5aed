// The share link codec: base64url, deflate-raw tokens, and the shared-state envelope.
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
    expect(decoded).toEqual(state);
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
