// Saving a text as a file from the browser: a Blob URL on a temporary link.

export function downloadText(fileName: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled (some browsers read the URL asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file chosen by the user, as text; refuses files larger than `limit` bytes. */
export async function readFileText(file: File, limit: number): Promise<string> {
  if (file.size > limit) {
    throw new Error(
      `${file.name} is ${Math.round(file.size / 1048576)} MB; the limit is ${Math.round(limit / 1048576)} MB`,
    );
  }
  return file.text();
}
