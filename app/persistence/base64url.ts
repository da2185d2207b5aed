// base64url (RFC 4648 §5, no padding) for bytes, so a share token fits in a URL hash as is.
// Hand-written instead of btoa/atob: those work on "binary strings", cost a copy per byte and
// accept characters ("+", "/", "=") that base64url does not use.

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Character code → 6-bit value, or -1 for a character outside the alphabet. */
const values: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

export function bytesToBase64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    chunk += alphabet[(triple >> 18) & 63] + alphabet[(triple >> 12) & 63];
    if (i + 1 < bytes.length) chunk += alphabet[(triple >> 6) & 63];
    if (i + 2 < bytes.length) chunk += alphabet[triple & 63];
    // Joining chunks keeps string building linear on large projects.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

export class Base64urlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Base64urlError";
  }
}

/** Decodes base64url; throws Base64urlError naming the first bad character and its place. */
export function base64urlToBytes(text: string): Uint8Array {
  if (text.length % 4 === 1) {
    throw new Base64urlError(`a base64url text cannot be ${text.length} characters long`);
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let written = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? values[code] : -1;
    if (value < 0) {
      throw new Base64urlError(`character ${JSON.stringify(text[i])} at ${i + 1} is not base64url`);
    }
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[written++] = (bits >> bitCount) & 0xff;
    }
  }
  return out.subarray(0, written);
}
