// Where a document came from (an example, a file, pasted text, a new project, a share link):
// the document model keeps it, and the file-name rule (file-name.ts) reads it.
import { z } from "zod";

export const documentOrigin = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("example"), exampleId: z.string() }),
  z.object({ kind: z.literal("file"), fileName: z.string() }),
  z.object({ kind: z.literal("paste") }),
  z.object({ kind: z.literal("new") }),
  z.object({ kind: z.literal("share") }),
  z.object({ kind: z.literal("recording") }),
]);
export type DocumentOrigin = z.output<typeof documentOrigin>;
