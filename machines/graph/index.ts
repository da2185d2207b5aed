// Static views of a project: the flow graph of one experience (read off its compiled
// machine) and the launch graph between experiences, posts, blocks and the agent.
export { type AnswerClass, answerClasses, testText } from "../compile/answer-classes.ts";
export { waysOut } from "../compile/routes.ts";
export {
  type ChecklistEdge,
  type ChecklistEdgeKind,
  type ChecklistGraph,
  type ChecklistNode,
  type ChecklistOrder,
  checklistGraph,
  taskNodeId,
} from "./checklist-graph.ts";
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
  stepNodeId,
  type ViaKind,
} from "./flow-graph.ts";
export {
  type LaunchCycle,
  type LaunchEdge,
  type LaunchEdgeKind,
  type LaunchGraph,
  type LaunchNode,
  type LaunchNodeKind,
  launchGraph,
} from "./launch-graph.ts";
export { postOrder } from "./post-order.ts";
