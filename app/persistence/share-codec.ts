// The share link (issue 4 item 7): project text, persona and script in the URL hash,
// deflate-raw compressed and base64url encoded, within the caps of share-limits.ts. Token format: `v1.<mode>.<data>` where mode is
// `d` (deflate-raw of UTF-8 JSON) or `j` (UTF-8 JSON, when the browser cannot compress).
import { z } from "zod";
import { Base64urlError, base64urlToBytes, bytesToBase64url } from "./base64url.ts";
import {
  compressBytes,
  compressionAvailable,
  DecompressionError,
  decompressBytes,
} from "./compression.ts";
import { savedSession } from "./session-model.ts";
import {
  capSharedSteps,
  jsonNestingDepth,
  maxInflatedBytes,
  maxSharedDepth,
  maxSharedSteps,
} from "./share-limits.ts";

/** The hash key: `#share=<token>`. */
const shareHashKey = "share";

export const sharedState = z.object({
  v: z.literal(1),
  /** The document's name. */
  name: z.string(),
  /** The project text exactly as written (diagnostics keep their lines). */
  project: z.string(),
  session: savedSession,
});
export type SharedState = z.output<typeof sharedState>;
export type SharedStateInput = z.input<typeof sharedState>;

export class ShareLinkError extends Error {
  constructor(message: string) {
    super(`This share link cannot be opened: ${message}.`);
    this.name = "ShareLinkError";
  }
}

/** Any JSON value → token; compressed unless `compress` is false or unavailable. */
export async function encodeJsonToken(value: unknown, compress = true): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (compress && compressionAvailable()) {
    return `v1.d.${bytesToBase64url(await compressBytes(bytes))}`;
  }
  return `v1.j.${bytesToBase64url(bytes)}`;
}

/**
 * Token → JSON value; throws ShareLinkError saying what is wrong with it, or which cap it
 * passes: `limit` bytes once inflated, `depthLimit` levels of nesting.
 */
export async function decodeJsonToken(
  token: string,
  limit = maxInflatedBytes,
  depthLimit = maxSharedDepth,
): Promise<unknown> {
  const match = /^v1\.([dj])\.([A-Za-z0-9_-]*)$/.exec(token);
  if (!match) throw new ShareLinkError(describeBadToken(token));
  const [, mode, data] = match;
  const bytes = decodeBase64(data);
  const json = mode === "d" ? await inflate(bytes, limit) : bytes;
  if (json.length > limit) throw new ShareLinkError("it is too large");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(json);
  } catch {
    throw new ShareLinkError("its data is not UTF-8 text");
  }
  if (jsonNestingDepth(text, depthLimit) > depthLimit) {
    throw new ShareLinkError(`its data nests more than ${depthLimit} levels deep`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ShareLinkError("its data is not JSON");
  }
}

/** The link's token; a script longer than a link may carry is cut to its first steps. */
export async function encodeSharedState(state: SharedStateInput, compress = true) {
  const parsed = sharedState.parse(state);
  const steps = parsed.session.steps.slice(0, maxSharedSteps);
  return encodeJsonToken({ ...parsed, session: { ...parsed.session, steps } }, compress);
}

/** A link opened: its state within the caps, and what it carried past them (a sentence). */
export interface OpenedLink {
  state: SharedState;
  leftOut: string | null;
}

/** Token → shared state; throws ShareLinkError saying what is wrong or which cap it passes. */
export async function decodeSharedState(token: string): Promise<OpenedLink> {
  const { value, leftOut } = capSharedSteps(await decodeJsonToken(token));
  const parsed = sharedState.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = `/${issue.path.map(String).join("/")}`;
    throw new ShareLinkError(
      `its content is not a Flowscope session (at ${where}: ${issue.message})`,
    );
  }
  if (jsonNestingDepth(parsed.data.project, maxSharedDepth) > maxSharedDepth) {
    throw new ShareLinkError(`its project nests more than ${maxSharedDepth} levels deep`);
  }
  return { state: parsed.data, leftOut };
}

/** The token in a location hash (`#share=…`), or null when the hash carries none. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  return params.get(shareHashKey);
}

/**
 * The page URL with `#share=<token>`: the link carries everything, so the query (such as
 * `?example=`, which would open something else on top) and any old hash are dropped.
 */
export function shareUrl(pageUrl: string, token: string): string {
  const url = new URL(pageUrl);
  url.search = "";
  url.hash = `${shareHashKey}=${token}`;
  return url.toString();
}

function describeBadToken(token: string): string {
  if (token === "") return "it carries no data";
  if (!token.startsWith("v1.")) return "it was made by another version of Flowscope";
  return "its data is cut or altered (unexpected characters)";
}

function decodeBase64(data: string): Uint8Array {
  try {
    return base64urlToBytes(data);
  } catch (thrown) {
    if (thrown instanceof Base64urlError) throw new ShareLinkError(`it is cut (${thrown.message})`);
    throw thrown;
  }
}

async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  try {
    return await decompressBytes(bytes, limit);
  } catch (thrown) {
    if (thrown instanceof DecompressionError) throw new ShareLinkError(thrown.message);
    throw thrown;
  }
}
