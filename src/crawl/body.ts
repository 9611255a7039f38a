// Reads a response body with Content-Encoding decoded and the size cap applied to the decoded
// bytes, so a small gzip bomb cannot blow past the limit.
import { pipeline, type Readable } from 'node:stream';
import { constants, createBrotliDecompress, createUnzip, type BrotliDecompress, type Unzip } from 'node:zlib';

export interface BodyBytes {
  bytes: Buffer;
  truncated: boolean;
}

export class UnsupportedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`unsupported Content-Encoding "${encoding}"`);
    this.name = 'UnsupportedEncodingError';
  }
}

/** The decompressor for a Content-Encoding value; null for identity. Tolerates streams cut short, as browsers do. */
function decompressorFor(contentEncoding: string): Unzip | BrotliDecompress | null {
  const encoding = contentEncoding.trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return null;
  // createUnzip reads both gzip and zlib-wrapped deflate (what HTTP "deflate" means).
  if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate') {
    return createUnzip({ finishFlush: constants.Z_SYNC_FLUSH });
  }
  if (encoding === 'br') {
    return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
  }
  throw new UnsupportedEncodingError(encoding);
}

/** Reads at most maxBytes decoded bytes; stops the transfer once the cap is reached. */
export async function readBody(body: Readable, contentEncoding: string, maxBytes: number): Promise<BodyBytes> {
  const decompressor = decompressorFor(contentEncoding);
  // Stopping early destroys the streams; that is not an error worth an 'error' event.
  body.on('error', () => {});
  const stream: Readable = decompressor ? pipeline(body, decompressor, () => {}) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const room = maxBytes - size;
    if (chunk.length > room) {
      if (room > 0) chunks.push(chunk.subarray(0, room));
      size += Math.max(room, 0);
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  if (truncated) body.destroy();
  return { bytes: Buffer.concat(chunks, size), truncated };
}
