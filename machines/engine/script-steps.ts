// The script's steps (SPEC §4), each checked first so a step that cannot be done changes
// nothing and throws StepRefused (run() turns it into a ScriptStepError naming the step).
import { unsafeScheme } from "../actions/url-safety.ts";
import { type AnswerValue, matchingCondition, validateAnswer } from "../compile/survey.ts";
import { memberById } from "../format/lookup.ts";
import type { Experience, Step } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import { isAnswerable, isSequential } from "../model/experience.ts";
import { hoursToMs } from "../model/time.ts";
import { StepRefused } from "./errors.ts";
import type { ScriptRuntime } from "./runtime.ts";

export function runScriptStep(sim: ScriptRuntime, step: ScriptStep): void {
  switch (step.do) {
    case "launch":
      launch(sim, step.experience);
      return;
    case "click":
      click(sim, step.cta, step.experience);
      return;
    case "answer":
      answer(sim, step.value, step.experience);
      return;
    case "close":
      close(sim, step.experience);
      return;
    case "navigate":
      navigate(sim, step.url);
      return;
    case "clickElement":
      sim.clickElement(step.selector);
      return;
    case "advance":
      sim.advanceMs(hoursToMs(step.hours));
      return;
    case "task":
      task(sim, step.experience, step.task);
      return;
    case "openPost":
      openPost(sim, step.post);
      return;
    case "clickPostCta":
      clickPostCta(sim, step.post);
      return;
    case "clickBlock":
      clickBlock(sim, step.block);
      return;
    case "askAgent":
      sim.askAgent(step.message);
      return;
  }
}

function launch(sim: ScriptRuntime, experienceId: string): void {
  if (!sim.experience(experienceId)) throw new StepRefused(`no experience "${experienceId}"`);
  // As the SDK would: like a launchExperience action (SPEC §3.2).
  sim.fire([{ type: "launchExperience", experience: experienceId }], { context: "sdk" });
}

/**
 * The experience a click/answer/close acts on: the named one, else the tour/survey/banner on
 * screen, else (decided here, semantics.ts) the first hint on screen.
 */
function onScreen(sim: ScriptRuntime, named: string | undefined): Experience {
  const experiences = sim.project.experiences;
  const active = (e: Experience) => sim.stateOf(e.id).status === "active";
  if (named !== undefined) {
    const experience = sim.experience(named);
    if (!experience) throw new StepRefused(`no experience "${named}"`);
    if (!active(experience)) {
      throw new StepRefused(`"${named}" is not on screen (it is ${sim.stateOf(named).status})`);
    }
    return experience;
  }
  const found =
    experiences.find((e) => isSequential(e) && active(e)) ??
    experiences.find((e) => e.type === "hint" && active(e));
  if (!found) throw new StepRefused("no tour, survey, banner or hint on screen");
  return found;
}

function stepOnScreen(sim: ScriptRuntime, experience: Experience): Step {
  const step = sim.currentStep(experience);
  if (!step) throw new StepRefused(`"${experience.id}" is a checklist: it has no step on screen`);
  return step;
}

function click(sim: ScriptRuntime, ctaId: string, named: string | undefined): void {
  const experience = onScreen(sim, named);
  const step = stepOnScreen(sim, experience);
  if (!memberById(step.ctas, ctaId)) {
    const known = step.ctas.map((c) => `"${c.id}"`).join(", ") || "none";
    throw new StepRefused(
      `no CTA "${ctaId}" on step "${step.id}" of "${experience.id}" (CTAs: ${known})`,
    );
  }
  sim.interact(experience, { context: "cta", step: step.id, id: ctaId });
}

function answer(sim: ScriptRuntime, value: AnswerValue, named: string | undefined): void {
  const experience = onScreen(sim, named);
  const step = stepOnScreen(sim, experience);
  if (!isAnswerable(step)) {
    throw new StepRefused(`step "${step.id}" (${step.kind}) of "${experience.id}" takes no answer`);
  }
  const invalid = validateAnswer(step, value);
  if (invalid) throw new StepRefused(`${invalid} (step "${step.id}" of "${experience.id}")`);
  sim.record({ type: "answer.submitted", experience: experience.id, step: step.id, value });
  const condition = matchingCondition(step.conditions, value);
  sim.interact(
    experience,
    condition
      ? { context: "condition", step: step.id, id: condition.id }
      : { context: "condition", step: step.id, fallback: true },
  );
}

function close(sim: ScriptRuntime, named: string | undefined): void {
  const experience = onScreen(sim, named);
  // Decided here (semantics.ts): a checklist has no closing cross; closing it dismisses it.
  if (experience.type === "checklist") {
    sim.closeChecklist(experience);
    return;
  }
  const step = stepOnScreen(sim, experience);
  sim.interact(experience, { context: "cross", step: step.id });
}

function navigate(sim: ScriptRuntime, url: string): void {
  const scheme = unsafeScheme(url);
  if (scheme) throw new StepRefused(`"${scheme}" URLs are refused`);
  sim.changePage(url);
}

function task(sim: ScriptRuntime, experienceId: string, taskId: string): void {
  const experience = sim.experience(experienceId);
  if (!experience) throw new StepRefused(`no experience "${experienceId}"`);
  if (experience.type !== "checklist")
    throw new StepRefused(`"${experienceId}" is not a checklist`);
  const state = sim.stateOf(experienceId);
  if (state.status !== "active") {
    throw new StepRefused(`checklist "${experienceId}" is not on screen (it is ${state.status})`);
  }
  if (!memberById(experience.tasks, taskId)) {
    throw new StepRefused(`no task "${taskId}" in checklist "${experienceId}"`);
  }
  const done = new Set(state.tasksDone);
  if (done.has(taskId)) throw new StepRefused(`task "${taskId}" is already done`);
  const firstUndone = experience.tasks.find((t) => !done.has(t.id));
  if (experience.checklist.order === "inOrder" && firstUndone?.id !== taskId) {
    throw new StepRefused(
      `checklist "${experienceId}" is in order: only "${firstUndone?.id}" can be clicked now`,
    );
  }
  sim.interact(experience, { context: "task", id: taskId });
}

function findPost(sim: ScriptRuntime, postId: string) {
  const post = memberById(sim.project.posts, postId);
  if (!post) throw new StepRefused(`no post "${postId}"`);
  return post;
}

function openPost(sim: ScriptRuntime, postId: string): void {
  findPost(sim, postId);
  sim.record({ type: "post.opened", post: postId });
}

function clickPostCta(sim: ScriptRuntime, postId: string): void {
  const post = findPost(sim, postId);
  if (!post.cta) throw new StepRefused(`post "${postId}" has no CTA`);
  sim.fire(post.cta.actions, { context: "post", id: postId });
}

function clickBlock(sim: ScriptRuntime, blockId: string): void {
  const block = memberById(sim.project.resourceCenter.blocks, blockId);
  if (!block) throw new StepRefused(`no resource center block "${blockId}"`);
  sim.fire(block.actions, { context: "block", id: blockId });
}
