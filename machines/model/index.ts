// The leaf of machines/: facts every layer shares. It imports nothing from machines/.
export * from "./diagnostic.ts";
export * from "./experience.ts";
export * from "./glob.ts";
export * from "./keys.ts";
export * from "./time.ts";
