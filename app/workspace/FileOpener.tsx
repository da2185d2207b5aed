// Opening files: a project file or an exported session, from the file picker (the "Open file…"
// menu item clicks this hidden input) or dropped anywhere on the page.
import { type Ref, useEffect, useState } from "react";
import { maxImportBytes, readImport } from "../persistence/bundle.ts";
import { readFileText } from "../persistence/download.ts";
import { openText } from "./open-actions.ts";

async function openFile(file: File): Promise<void> {
  const text = await readFileText(file, maxImportBytes);
  const imported = readImport(file.name, text);
  const origin = { kind: "file" as const, fileName: file.name };
  const session = imported.kind === "bundle" ? imported.session : undefined;
  openText(imported.name, imported.project, origin, session);
}

interface FileOpenerProps {
  ref?: Ref<HTMLInputElement>;
  onError(message: string | null): void;
}

export function FileOpener({ ref, onError }: FileOpenerProps) {
  const dragging = useFileDrop(onError);
  return (
    <>
      <input
        ref={ref}
        className="ws-hidden"
        type="file"
        accept=".json,application/json"
        multiple
        aria-label="Project file"
        onChange={async (event) => {
          const input = event.currentTarget;
          const files = Array.from(input.files ?? []);
          input.value = ""; // the same file can be opened again
          await openAll(files, onError);
        }}
      />
      {dragging && (
        <div className="ws-drop-overlay" aria-hidden="true">
          Drop a project or session file to open it
        </div>
      )}
    </>
  );
}

async function openAll(files: readonly File[], onError: (message: string | null) => void) {
  onError(null);
  for (const file of files) {
    await openFile(file).catch((error: unknown) =>
      onError(
        `Cannot open ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
}

/** Files dropped anywhere on the page open as documents; true while a file is dragged over. */
function useFileDrop(onError: (message: string | null) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      void openAll(Array.from(event.dataTransfer?.files ?? []), onError);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [onError]);
  return dragging;
}
