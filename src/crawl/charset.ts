// Decodes HTML bytes to text. Old comune sites still serve ISO-8859-1 / Windows-1252, often
// declared only in a <meta> tag, so the charset comes from (in order) a BOM, the Content-Type
// header, a <meta> in the first 2 KB, else UTF-8 when the bytes are valid UTF-8 and Windows-1252 otherwise.
// Labels are resolved the WHATWG way (TextDecoder); legacy bytes are decoded by iconv-lite because
// Node 20's TextDecoder decodes windows-1252 as Latin-1 (0x80 "€" and the curly quotes are lost).
import iconv from 'iconv-lite';

const META_SCAN_BYTES = 2048;

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  charset: string;
}

/** WHATWG encoding name for a label, or null when the runtime does not know it. */
function encodingFor(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** charset parameter of a Content-Type header value, if any. */
function charsetFromContentType(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match ? encodingFor(match[1]) : null;
}

/** <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> in the first 2 KB. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  // latin1 maps bytes 1:1, so ASCII markup is readable whatever the real encoding is.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SCAN_BYTES)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!direct) continue;
    // A <meta> read as ASCII cannot be UTF-16: the HTML standard takes it as UTF-8 (a header may say UTF-16).
    const encoding = encodingFor(direct[1]);
    return encoding?.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: a body cut by the size cap may end inside a character; that alone is not invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decodes an HTML body; a body cut by the size cap may end mid-character, which the decoder replaces. */
export function decodeHtml(bytes: Uint8Array, contentType: string | undefined): DecodedText {
  const charset =
    charsetFromBom(bytes) ??
    charsetFromContentType(contentType) ??
    charsetFromMeta(bytes) ??
    (isValidUtf8(bytes) ? 'utf-8' : 'windows-1252');
  // NUL is never text: the HTML standard reads it as U+FFFD (or drops it), so no title or snippet carries one.
  return { text: decodeWith(bytes, charset).replace(/\u0000/g, '\uFFFD'), charset };
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  // TextDecoder strips a BOM matching the encoding by default; so does iconv-lite for the UTF-16s.
  if (charset === 'utf-8' || !iconv.encodingExists(charset)) return new TextDecoder(charset).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}
