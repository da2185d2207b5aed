// Unsafe URL schemes are an error everywhere a URL is written (SPEC §2). navigateTo's url is
// its own rule (actions/navigateTo.ts); here: page patterns, URL triggers and booking links.
import { unsafeScheme } from "../actions/url-safety.ts";
import type { Project } from "../format/schema.ts";
import { diagnose } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";

export function urlDiagnostics(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (url: string, pointer: string) => {
    const scheme = unsafeScheme(url);
    if (scheme) out.push(unsafeUrl(scheme, pointer));
  };
  project.experiences.forEach((experience, e) => {
    const at = `/experiences/${e}`;
    experience.showOn.urls.forEach((url, u) => {
      check(url, `${at}/showOn/urls/${u}`);
    });
    experience.steps.forEach((step, s) => {
      step.triggers.forEach((trigger, t) => {
        if ("url" in trigger.on) check(trigger.on.url, `${at}/steps/${s}/triggers/${t}/on/url`);
      });
      if (step.booking) check(step.booking.link, `${at}/steps/${s}/booking/link`);
    });
  });
  return out;
}

export function unsafeUrl(scheme: string, pointer: string): Diagnostic {
  return diagnose(
    "unsafeUrl",
    `URLs starting with "${scheme}" are refused; use an http(s) URL or a path such as /settings.`,
    pointer,
  );
}
