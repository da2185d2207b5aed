import { readFileSync } from "node:fs";
import { project as schema } from "./machines/format/schema.ts";
import { flowGraph } from "./machines/graph/flow-graph.ts";
const p = schema.parse(JSON.parse(readFileSync(process.argv[2], "utf8")));
const t = performance.now();
flowGraph(p, p.experiences[0].id);
console.log("graph", Math.round(performance.now() - t));
