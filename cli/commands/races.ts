// `flowscope races <project.json> [--json]` (issue 5, item 2): every action list with more
// than one action, every completion order of its landings, grouped by outcome; the lists
// whose outcome depends on timing are listed with one order per outcome.
import { exploreRaces, type ListRaces, type RacesReport } from "../../machines/explore/index.ts";
import { ExitCode } from "../exit.ts";
import { paint } from "../io.ts";
import { type CommandContext, defineCommand, jsonOption, projectArgument } from "./command.ts";
import { jsonText, wholeNumberOption } from "./explore-shared.ts";
import { loadProject } from "./simulate.ts";

interface RacesOptions {
  json?: boolean;
  maxActions?: string;
}

export const racesCommand = defineCommand<RacesOptions>({
  name: "races",
  description: "find the action lists whose outcome depends on which action lands first",
  argument: projectArgument,
  options: [
    jsonOption("the report"),
    {
      flags: "--max-actions <n>",
      description: "skip lists with more landings than this (default 8)",
    },
  ],
  run: racesFile,
});

async function racesFile(
  file: string,
  options: RacesOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const project = await loadProject(file);
  const report = exploreRaces(project, {
    maxActions: wholeNumberOption(options.maxActions, "--max-actions", 2),
  });
  io.out(options.json ? jsonText(report) : formatRacesHuman(report, io.color));
  return ExitCode.ok;
}

function describeList(list: ListRaces, color: boolean): string[] {
  const lines = [
    paint(color, "yellow", `⚡ ${list.id}`) +
      ` (${list.context}): ${list.landings.join(", ")} — ${list.orders} orders, ${list.outcomes.length} outcomes; differs in ${list.differs.join(", ")}`,
  ];
  list.outcomes.forEach((group, i) => {
    const o = group.outcome;
    const parts = list.differs.map((place) => {
      if (place === "page") return `page ${o.page}`;
      if (place === "effects")
        return `effects ${o.effects.map((e) => e.type).join(", ") || "none"}`;
      if (place === "tabs") return `tabs ${o.tabs.join(", ") || "none"}`;
      const id = place.slice("experiences.".length);
      const state = o.experiences[id];
      return `${id} ${state.status}${state.step ? ` at ${state.step}` : ""}`;
    });
    lines.push(
      `   ${i + 1}. ${group.orders} orders, e.g. ${group.order.join(" → ")}: ${parts.join("; ")}`,
    );
  });
  return lines;
}

function formatRacesHuman(report: RacesReport, color: boolean): string {
  const lines = [
    paint(
      color,
      "bold",
      `${report.checked} action lists with several actions checked: ${report.racy.length} depend on timing`,
    ),
  ];
  for (const list of report.racy) lines.push("", ...describeList(list, color));
  if (report.skipped.length > 0) {
    lines.push("", "skipped:");
    for (const s of report.skipped) lines.push(`   ${s.id}: ${s.reason}`);
  }
  return `${lines.join("\n")}\n`;
}
