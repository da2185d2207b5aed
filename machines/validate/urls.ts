// Unsafe URL schemes are an error everywhere a URL is written (SPEC §2). navigateTo's url is
// its own rule (actions/navigateTo.ts); here: page patterns, URL triggers and booking links.
import { unsafeScheme } from "../actions/url-safety.ts";
import type { Project, Step } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnose } from "./codes.ts";

export function urlDiagnostics(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const experiences = project.experiences;
  for (let e = 0; e < experiences.length; e++) {
    const experience = experiences[e];
    const urls = experience.showOn.urls;
    for (let u = 0; u < urls.length; u++) {
      const scheme = unsafeScheme(urls[u]);
      if (scheme) out.push(unsafeUrl(scheme, `/experiences/${e}/showOn/urls/${u}`));
    }
    for (let s = 0; s < experience.steps.length; s++) stepUrls(experience.steps[s], e, s, out);
  }
  return out;
}

/** URL triggers and the booking link of step `s` of experience `e`. */
function stepUrls(step: Step, e: number, s: number, out: Diagnostic[]): void {
  for (let t = 0; t < step.triggers.length; t++) {
    const on = step.triggers[t].on;
    if (!("url" in on)) continue;
    const scheme = unsafeScheme(on.url);
    if (scheme) out.push(unsafeUrl(scheme, `/experiences/${e}/steps/${s}/triggers/${t}/on/url`));
  }
  if (step.booking) {
    const scheme = unsafeScheme(step.booking.link);
    if (scheme) out.push(unsafeUrl(scheme, `/experiences/${e}/steps/${s}/booking/link`));
  }
}

export function unsafeUrl(scheme: string, pointer: string): Diagnostic {
  return diagnose(
    "unsafeUrl",
    `URLs starting with "${scheme}" are refused; use an http(s) URL or a path such as /settings.`,
    pointer,
  );
}
