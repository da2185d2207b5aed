// Download names of a document's forecast: beside its project file, `<stem>.forecast.json`
// (the model, for `flowscope forecast <project> --model`) and `<stem>.forecast.csv`.
import { documentFileName, type NamedDocument } from "../workspace/file-name.ts";

function stem(doc: NamedDocument): string {
  return documentFileName(doc).replace(/\.json$/i, "");
}

export const modelFileName = (doc: NamedDocument) => `${stem(doc)}.forecast.json`;
export const csvFileName = (doc: NamedDocument) => `${stem(doc)}.forecast.csv`;
