import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksum, checksumInJs, HASH_WASM } from '../../src/cli/boot.js';

/** The checksum as its doc comment defines it, written plainly: FNV-1a over zero-padded LE words, then the length. */
function reference(buf: Uint8Array): number {
  const padded = Buffer.alloc((buf.length + 3) & ~3);
  padded.set(buf);
  let x = 0x811c9dc5 | 0;
  for (let i = 0; i < padded.length; i += 4) x = Math.imul(x ^ padded.readInt32LE(i), 0x01000193);
  return Math.imul(x ^ buf.length, 0x01000193) >>> 0;
}

/** Signed LEB128, as WebAssembly encodes an i32.const. */
function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}

describe('the code caches\' checksum', () => {
  it('is the WebAssembly module its instructions spell', () => {
    // locals: 0 = $n (the param), 1 = $i, 2 = $x
    const body = [
      [0x01, 0x02, 0x7f], // two i32 locals
      [0x41, ...sleb(0x811c9dc5 | 0), 0x21, 0x02], // $x = FNV offset basis
      [0x02, 0x40, 0x03, 0x40], // block, loop
      [0x20, 0x01, 0x20, 0x00, 0x4f, 0x0d, 0x01], // br_if out when $i >= $n (unsigned)
      [0x20, 0x02, 0x20, 0x01, 0x28, 0x02, 0x00, 0x73, 0x41, ...sleb(0x01000193), 0x6c, 0x21, 0x02], // $x = ($x ^ load32($i)) * prime
      [0x20, 0x01, 0x41, 0x04, 0x6a, 0x21, 0x01], // $i += 4
      [0x0c, 0x00, 0x0b, 0x0b], // br loop; end; end
      [0x20, 0x02, 0x0b], // return $x
    ].flat();
    const section = (id: number, content: number[]) => [id, content.length, ...content];
    const module = [
      [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]), // type: (i32) -> i32
      section(3, [0x01, 0x00]), // one function of that type
      section(5, [0x01, 0x00, 0x00]), // one memory, no minimum or maximum
      section(7, [0x02, 0x01, 0x6d, 0x02, 0x00, 0x01, 0x68, 0x00, 0x00]), // exports "m" (memory), "h" (function)
      section(10, [0x01, body.length, ...body]),
    ].flat();
    expect(Buffer.from(HASH_WASM, 'base64')).toEqual(Buffer.from(module));
  });

  it('is the same in WebAssembly, in JavaScript and as defined, at every length and after a longer input', () => {
    const inputs: Buffer[] = [];
    for (let n = 0; n <= 9; n++) inputs.push(randomBytes(n));
    // Over one 64 KiB page (the memory grows), then short ones: the padding must not be stale bytes.
    inputs.push(Buffer.alloc(200_003, 0xff), Buffer.from([1]), Buffer.from([1, 2, 3, 4, 5]), randomBytes(70_001));
    for (const buf of inputs) {
      const want = reference(buf);
      expect(checksum(buf), `${buf.length} bytes`).toBe(want);
      expect(checksumInJs(buf), `${buf.length} bytes`).toBe(want);
    }
  });

  it('changes with any one damaged byte, and with trailing zero bytes', () => {
    const buf = randomBytes(4099);
    const sum = checksum(buf);
    for (const at of [0, 1, 2, 3, 2048, 4095, 4096, 4098]) {
      const bad = Buffer.from(buf);
      bad[at] = bad[at]! ^ 0x01;
      expect(checksum(bad), `byte ${at}`).not.toBe(sum);
    }
    expect(checksum(Buffer.concat([buf, Buffer.alloc(1)]))).not.toBe(sum);
  });
});
