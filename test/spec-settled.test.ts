// Sentences SPEC §3.1–3.2 settled (issue 10 item 13), checked against the engine.
import { describe, expect, it } from "vitest";
import { simulate } from "../machines/engine/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";

const banner = (id: string, url: string) => ({
  id,
  type: "banner",
  status: "live",
  recurrence: { kind: "once" },
  showOn: { trigger: "auto", urls: [url] },
  steps: [
    { id: "b", kind: "banner", ctas: [{ id: "ok", label: "OK", actions: [{ type: "dismiss" }] }] },
  ],
});

describe("SPEC §3.1: the rate limit's window is half-open, (now − hours, now]", () => {
  const project = projectSchema.parse({
    version: 1,
    settings: { rateLimit: { max: 1, hours: 1 } },
    experiences: [banner("first", "/a"), banner("second", "/b")],
  });
  const secondViewsAfter = (hours: number) =>
    simulate(project, {
      start: { url: "/a" },
      steps: [
        { do: "click", cta: "ok" },
        { do: "advance", hours },
        { do: "navigate", url: "/b" },
      ],
    } as never).experiences.second.views;

  it("a show exactly `hours` ago no longer counts", () => {
    expect(secondViewsAfter(1)).toBe(1);
  });

  it("a show less than `hours` ago still counts", () => {
    expect(secondViewsAfter(0.999)).toBe(0);
  });
});

describe("SPEC §3.2: the script's navigate takes effect at once", () => {
  it("changes the page at the instant of the step, with no latency", () => {
    const project = projectSchema.parse({ version: 1, experiences: [banner("b", "/x")] });
    const result = simulate(project, {
      start: { url: "/" },
      steps: [{ do: "navigate", url: "/x" }],
    } as never);
    const changed = result.trace.find((e) => e.type === "page.changed");
    expect(changed?.at).toBe(0);
    expect(result.experiences.b.views).toBe(1);
  });
});
