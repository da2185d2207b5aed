// The automatic show check (SPEC §3.1): in `experiences` order, every automatic experience
// whose page matches and that is not on screen is shown, or gets `show.skipped` with every
// reason. It never nests: a check asked for while one runs makes it run again after.

import { experienceById } from "../format/lookup.ts";
import type { Experience, Project } from "../format/schema.ts";
import type { Reason } from "../format/script.ts";
import { isSequential } from "../model/experience.ts";
import { matchesAny } from "../model/glob.ts";
import { sequentialOnScreen, showReasons } from "./eligibility.ts";
import type { PendingLanding, WorldState } from "./types.ts";

export interface ShowHost {
  readonly project: Project;
  readonly world: WorldState;
  pendingLandings(): readonly PendingLanding[];
  /** false once the chain of the script step has stopped (loop.stopped). */
  running(): boolean;
  skipped(experience: Experience, reasons: Reason[]): void;
  /** Shows it automatically (it may be refused by the loop bound). */
  showAuto(experience: Experience): void;
}

export class ShowCheck {
  private checking = false;
  private again = false;

  constructor(private readonly host: ShowHost) {}

  request(): void {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.again = false;
        this.once();
      } while (this.again && this.host.running());
    } finally {
      this.checking = false;
    }
  }

  private once(): void {
    const { project, world } = this.host;
    const reserved = reservedLaunch(project, this.host.pendingLandings());
    let onScreen = sequentialOnScreen(project, world) ?? null;
    for (const experience of project.experiences) {
      if (!this.host.running()) return;
      if (experience.showOn.trigger !== "auto") continue;
      if (!matchesAny(experience.showOn.urls, world.page)) continue;
      if (world.experiences[experience.id].status === "active") continue;
      const reasons = showReasons(experience, project, world, reserved, onScreen);
      if (reasons.length > 0) this.host.skipped(experience, reasons);
      else this.host.showAuto(experience);
      // What a show set off may have ended or shown a flow: look again only then.
      if (reasons.length === 0) onScreen = sequentialOnScreen(project, world) ?? null;
    }
  }
}

/** A pending launch of a tour/survey/banner holds the screen for it (semantics.ts). */
export function reservedLaunch(
  project: Project,
  pending: readonly PendingLanding[],
): string | undefined {
  let first: PendingLanding | undefined;
  for (const landing of pending) {
    if (landing.action.type !== "launchExperience") continue;
    const target = experienceById(project, landing.action.experience);
    if (!target || !isSequential(target)) continue;
    // The earliest fired one (the order they were fired in).
    if (!first || landing.seq < first.seq) first = landing;
  }
  return first?.action.type === "launchExperience" ? first.action.experience : undefined;
}
