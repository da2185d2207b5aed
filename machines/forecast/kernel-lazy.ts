// What the kernel learns as users run, interned once and shared by every later user: the
// pages users reach (matched once against every URL pattern) and the attribute sets they
// hold (a persona's, then each runJs `simulate.setAttributes` on top). A navigation whose URL
// names an attribute, an audience test and an agent message are computed once per attribute
// set, so runJs that sets attributes stays on the kernel's integer path.
import { resolveWithWarnings } from "../actions/resolve.ts";
import { unsafeScheme } from "../actions/url-safety.ts";
import { conditionHolds } from "../engine/audience.ts";
import type { AudienceCondition, Project } from "../format/schema.ts";
import { matchesAny, matchesPage } from "../model/glob.ts";

/** Pages by number, each matched against every experience's showOn.urls and URL trigger. */
export class PageTable {
  readonly number = new Map<string, number>();
  /** [page * experiences + experience] */
  showsOn = new Uint8Array(0);
  /** [page * triggers + trigger] (click triggers: 0). */
  triggerMatches = new Uint8Array(0);
  private count = 0;

  constructor(
    private readonly showOnUrls: readonly (readonly string[])[],
    private readonly triggerPatterns: readonly string[],
  ) {}

  of(url: string): number {
    const known = this.number.get(url);
    if (known !== undefined) return known;
    const page = this.count++;
    this.number.set(url, page);
    const E = this.showOnUrls.length;
    const T = this.triggerPatterns.length;
    if (this.count * E > this.showsOn.length || this.count * T > this.triggerMatches.length) {
      const grow = (old: Uint8Array, width: number) => {
        const next = new Uint8Array(Math.max(width * 8, old.length * 2));
        next.set(old);
        return next;
      };
      this.showsOn = grow(this.showsOn, E);
      this.triggerMatches = grow(this.triggerMatches, T);
    }
    this.showOnUrls.forEach((urls, e) => {
      this.showsOn[page * E + e] = matchesAny(urls, url) ? 1 : 0;
    });
    this.triggerPatterns.forEach((pattern, t) => {
      this.triggerMatches[page * T + t] = pattern !== "" && matchesPage(pattern, url) ? 1 : 0;
    });
    return page;
  }
}

/** What an action needs of the user's attributes (by action number). */
export interface AttributeReaders {
  /** navigateTo sameTab: its URL (templates read attributes). */
  navigateUrl: (string | undefined)[];
  /** launchAgent: its message. */
  agentMessage: (string | undefined)[];
}

type AttributeTest = Extract<AudienceCondition, { attribute: string }>;

/** Attribute sets by number, with what each one decides. */
export class AttributeStates {
  /** Per attribute set: per experience, its audience's attribute tests hold. */
  readonly audience: Uint8Array[] = [];
  private readonly attributes: Record<string, unknown>[] = [];
  private readonly ids = new Map<string, number>();
  private readonly following = new Map<number, number>();
  private readonly pages: Int32Array[] = [];
  private readonly answers: Int32Array[] = [];
  private readonly automated: Int32Array[] = [];

  constructor(
    private readonly project: Project,
    private readonly tests: readonly (readonly AttributeTest[])[],
    private readonly setters: readonly Record<string, unknown>[],
    private readonly readers: AttributeReaders,
    private readonly pageTable: PageTable,
    private readonly agentList: ReadonlyMap<object, number>,
  ) {}

  /** The number of an attribute set (a copy is kept: callers may go on changing theirs). */
  intern(attributes: Record<string, unknown>): number {
    const key = JSON.stringify(attributes);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.attributes.length;
    this.ids.set(key, id);
    const own = structuredClone(attributes);
    this.attributes.push(own);
    const world = { user: { attributes: own } } as never;
    this.audience.push(
      Uint8Array.from(this.tests, (list) => (list.every((c) => conditionHolds(c, world)) ? 1 : 0)),
    );
    const actions = this.readers.navigateUrl.length;
    this.pages.push(new Int32Array(actions).fill(-2));
    this.answers.push(new Int32Array(actions).fill(-2));
    this.automated.push(new Int32Array(actions).fill(-2));
    return id;
  }

  /** The set after setter `k` (a runJs's setAttributes) lands on set `state`. */
  after(state: number, k: number): number {
    const key = state * this.setters.length + k;
    const known = this.following.get(key);
    if (known !== undefined) return known;
    const next = this.intern(
      Object.assign(structuredClone(this.attributes[state]), structuredClone(this.setters[k])),
    );
    this.following.set(key, next);
    return next;
  }

  /** Where navigateTo action `a` lands for set `state` (-1: a refused URL). */
  page(state: number, a: number): number {
    const cached = this.pages[state][a];
    if (cached !== -2) return cached;
    const url = resolveWithWarnings(
      this.readers.navigateUrl[a] ?? "",
      this.attributes[state],
      "url",
    ).text;
    const page = unsafeScheme(url) ? -1 : this.pageTable.of(url);
    this.pages[state][a] = page;
    return page;
  }

  /** The agent's custom answer list that launchAgent action `a` fires for set `state` (-1: none). */
  agentAnswer(state: number, a: number): number {
    if (this.answers[state][a] === -2) this.readAgent(state, a);
    return this.answers[state][a];
  }

  /** The agent's automated action list it fires (-1: none). */
  agentAutomated(state: number, a: number): number {
    if (this.automated[state][a] === -2) this.readAgent(state, a);
    return this.automated[state][a];
  }

  private readAgent(state: number, a: number): void {
    const message = this.readers.agentMessage[a] ?? "";
    const text = resolveWithWarnings(message, this.attributes[state], "message").text;
    let answer = -1;
    let automated = -1;
    if (text !== "") {
      const lower = text.toLowerCase();
      const { customAnswers, automatedActions } = this.project.agent;
      const custom = customAnswers.find((entry) => lower.includes(entry.match.toLowerCase()));
      const auto = automatedActions.find((entry) => lower.includes(entry.match.toLowerCase()));
      if (custom) answer = this.agentList.get(custom) as number;
      if (auto) automated = this.agentList.get(auto) as number;
    }
    this.answers[state][a] = answer;
    this.automated[state][a] = automated;
  }
}
