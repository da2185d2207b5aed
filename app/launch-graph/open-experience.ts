// How an experience node opens its flow: the view provides it, the node's name button calls it
// (xyflow's keyboard Enter on a node does not call onNodeClick, so the node needs a real button).
import { createContext } from "react";

export const OpenExperience = createContext<(experienceId: string) => void>(() => {});
