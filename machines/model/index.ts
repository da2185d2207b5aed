// The leaf of machines/: facts every layer shares. It imports nothing from machines/.
export * from "./diagnostic.ts";
export * from "./experience.ts";
export * from "./glob.ts";
export * from "./id-index.ts";
export * from "./keys.ts";
export * from "./strongly-connected.ts";
export * from "./suggest.ts";
export * from "./time.ts";
