// A file's bytes → its text, refusing invalid UTF-8. A lenient decoder turns every bad byte
// into U+FFFD, so two different ids would become equal (a false duplicateId) and a typo
// could not be seen: a document that is not UTF-8 is refused, with the place of its first
// bad byte. Byte-order marks are left in the text: the JSON text layer (json-text.ts)
// accepts exactly one, at the start.

export interface Utf8Error {
  message: string;
  /** 0-based offset of the first byte that is not UTF-8. */
  byteOffset: number;
  /** 1-based, as json-text.ts counts them: lines end at "\n", columns in UTF-16 units. */
  line: number;
  column: number;
}

export type Utf8Text = { ok: true; text: string } | { ok: false; error: Utf8Error };

export function decodeUtf8Text(bytes: Uint8Array): Utf8Text {
  try {
    return {
      ok: true,
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
    };
  } catch {
    // The decoder says only that something is wrong; find where.
    return { ok: false, error: describeBadByte(bytes, Math.max(0, firstInvalidByte(bytes))) };
  }
}

function describeBadByte(bytes: Uint8Array, offset: number): Utf8Error {
  // The bytes before it are valid: decode them to count lines and columns.
  const before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let at = before.indexOf("\n"); at !== -1; at = before.indexOf("\n", at + 1)) line++;
  // As in json-text.ts, a leading byte-order mark takes no column.
  const bom = lineStart === 0 && before.startsWith("\uFEFF") ? 1 : 0;
  const hex = bytes[offset].toString(16).toUpperCase().padStart(2, "0");
  return {
    message: `not valid UTF-8: byte 0x${hex} at byte offset ${offset} does not form a character; save the file as UTF-8`,
    byteOffset: offset,
    line,
    column: before.length - lineStart - bom + 1,
  };
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode
 * table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or -1. For a broken
 * sequence, the offset of its lead byte.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trailing: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trailing = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trailing = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // past U+10FFFF
    } else {
      return i;
    }
    for (let k = 1; k <= trailing; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += trailing + 1;
  }
  return -1;
}
