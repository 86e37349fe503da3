/**
 * Follows where WebSocket frames begin and end in a byte stream (RFC 6455 §5.2) without reading
 * their payload: what the gateway needs to put a frame of its own (a close) between two of the
 * storage's when it relays their bytes as they are.
 */
export class FrameBoundaries {
  /** The current frame's header bytes read so far (at most 14). */
  #header: number[] = [];
  /** Payload bytes of the current frame still to come, once its header is whole. */
  #remaining = 0;

  /** Whether the bytes read so far end exactly at a frame's end. */
  get atBoundary(): boolean {
    return this.#header.length === 0 && this.#remaining === 0;
  }

  /**
   * Reads `chunk`; answers the offset of the first frame end in it (the chunk's length when it
   * ends at one), or -1 when it ends inside a frame.
   */
  read(chunk: Uint8Array): number {
    let first = -1;
    let at = 0;
    while (at < chunk.length) {
      if (this.#remaining > 0) {
        const taken = Math.min(this.#remaining, chunk.length - at);
        this.#remaining -= taken;
        at += taken;
      } else {
        this.#header.push(chunk[at] ?? 0);
        at += 1;
        const length = headerLength(this.#header);
        if (length === undefined || this.#header.length < length) continue;
        this.#remaining = payloadLength(this.#header);
        this.#header = [];
      }
      if (this.atBoundary && first === -1) first = at;
    }
    return first;
  }
}

/** The header's whole length once its first two bytes are known. */
function headerLength(header: number[]): number | undefined {
  const second = header[1];
  if (second === undefined) return undefined;
  const length7 = second & 0x7f;
  const extended = length7 === 126 ? 2 : length7 === 127 ? 8 : 0;
  return 2 + extended + (second & 0x80 ? 4 : 0);
}

function payloadLength(header: number[]): number {
  const length7 = (header[1] ?? 0) & 0x7f;
  if (length7 < 126) return length7;
  const bytes = length7 === 126 ? header.slice(2, 4) : header.slice(2, 10);
  return bytes.reduce((total, byte) => total * 256 + byte, 0);
}

/** A close frame from the server side (unmasked): `code` and a short reason. */
export function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8').subarray(0, 123);
  const frame = Buffer.alloc(4 + text.length);
  frame[0] = 0x88;
  frame[1] = 2 + text.length;
  frame.writeUInt16BE(code, 2);
  text.copy(frame, 4);
  return frame;
}
