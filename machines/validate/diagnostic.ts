// The validator's findings are the shared model's Diagnostic (machines/model/diagnostic.ts).
export * from "../model/diagnostic.ts";
