// What counts as a very large document for the editor (a few thousand steps and more): past
// this, work that re-reads the whole text on each keystroke waits for a pause or a request.

/** Characters; a 10,000-step project is about 4,000,000. */
export const largeDocumentChars = 300_000;
