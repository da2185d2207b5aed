// `flowscope graph <project.json> [--json]` (issue 5, item 4): the launch graph — who
// launches, opens or navigates to what — with every cycle and the path that closes it.
import { type LaunchGraph, launchGraph } from "../../machines/graph/index.ts";
import { ExitCode } from "../exit.ts";
import { paint } from "../io.ts";
import { type CommandContext, defineCommand, jsonOption, projectArgument } from "./command.ts";
import { jsonText } from "./explore-shared.ts";
import { loadProject } from "./simulate.ts";

interface GraphOptions {
  json?: boolean;
}

export const graphCommand = defineCommand<GraphOptions>({
  name: "graph",
  description: "print the launch graph: launches, posts, navigations and their cycles",
  argument: projectArgument,
  options: [jsonOption("the graph")],
  run: graphFile,
});

async function graphFile(
  file: string,
  options: GraphOptions,
  { io }: CommandContext,
): Promise<ExitCode> {
  const graph = launchGraph(await loadProject(file));
  io.out(options.json ? jsonText(graph) : formatGraphHuman(graph, io.color));
  return ExitCode.ok;
}

const arrows = {
  launch: "launches",
  openPost: "opens",
  navigate: "navigates to",
  shows: "shows",
  asks: "asks",
};

function formatGraphHuman(graph: LaunchGraph, color: boolean): string {
  const lines = [paint(color, "bold", `${graph.nodes.length} nodes, ${graph.edges.length} edges`)];
  for (const edge of graph.edges)
    lines.push(`  ${edge.from} ${arrows[edge.kind]} ${edge.to}  (${edge.where})`);
  if (graph.cycles.length === 0) lines.push("", paint(color, "green", "no cycles"));
  for (const cycle of graph.cycles) {
    lines.push(
      "",
      paint(color, "yellow", `cycle: ${cycle.nodes.join(" → ")}`),
      `  closed by ${cycle.closing}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
