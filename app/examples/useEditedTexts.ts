// Keeps the user's edits per example in memory, so switching examples never discards work
// (decided: keep edits rather than ask before discarding; "Revert" restores the file's text).
import { useCallback, useState } from "react";
import type { Example } from "./catalog.ts";

export interface EditedTexts {
  textOf(example: Example): string;
  isEdited(example: Example): boolean;
  edit(example: Example, text: string): void;
  revert(example: Example): void;
}

export function useEditedTexts(): EditedTexts {
  const [edits, setEdits] = useState<ReadonlyMap<string, string>>(new Map());

  const edit = useCallback((example: Example, text: string) => {
    setEdits((current) => {
      const next = new Map(current);
      // Typing back the original text means "not edited" again.
      if (text === example.text) next.delete(example.id);
      else next.set(example.id, text);
      return next;
    });
  }, []);

  const revert = useCallback((example: Example) => {
    setEdits((current) => {
      if (!current.has(example.id)) return current;
      const next = new Map(current);
      next.delete(example.id);
      return next;
    });
  }, []);

  return {
    textOf: (example) => edits.get(example.id) ?? example.text,
    isEdited: (example) => edits.has(example.id),
    edit,
    revert,
  };
}
