// Static views of a project (issue 5): the flow graph of one experience, the same graph as
// an XState machine, and the launch graph between experiences, posts, blocks and the agent.
export { type AnswerClass, answerClasses, testText } from "./answer-classes.ts";
export {
  type EdgeVia,
  type EndId,
  endIds,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  flowGraph,
  isEndNode,
  launchedNodeId,
  type ViaKind,
  waysOut,
} from "./flow-graph.ts";
export {
  edgeEvent,
  type FlowMachineConfig,
  type FlowMachineOptions,
  flowMachine,
  flowMachineConfig,
  flowMachineOfGraph,
} from "./flow-machine.ts";
export {
  type LaunchCycle,
  type LaunchEdge,
  type LaunchEdgeKind,
  type LaunchGraph,
  type LaunchNode,
  type LaunchNodeKind,
  launchGraph,
} from "./launch-graph.ts";
export { type ListTarget, listTarget } from "./list-target.ts";
