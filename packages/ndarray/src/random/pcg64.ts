import { generateState, seedPool } from "./seedSequence.js";

// PCG64 (O'Neill's 128-bit LCG with the XSL-RR output), seeded the way numpy's
// `np.random.PCG64(SeedSequence(seed))` is, so the 64-bit outputs match numpy's stream.
// The 128-bit state lives in eight 16-bit limbs: every limb product is below 2**32 and a
// column sum stays far below 2**53, so float arithmetic is exact and no BigInt is needed.
// The multiplier is 2549297995355413924 * 2**64 + 4865540595714422341 (limbs below).
// State and outputs live in typed arrays: storing uint32 values in object fields would box
// them (V8 heap numbers) on every draw.

const INV16 = 1 / 65536;

export class PCG64 {
  /** Limbs 0-7: the state, 8-15: the increment (least significant first). */
  private readonly st = new Float64Array(16);
  /** The last 64-bit output as [high 32 bits, low 32 bits], then the buffered 32-bit half. */
  readonly out = new Uint32Array(3);
  private hasHalf = false;

  /** Seeds from SeedSequence entropy words, as `PCG64(SeedSequence(entropy))`. */
  constructor(entropy: readonly number[]) {
    const w = generateState(seedPool(entropy), 8);
    // generate_state(4, uint64) read little-endian: seed = (w1:w0) << 64 | (w3:w2), sequence
    // likewise from w4..w7; the increment is (sequence << 1) | 1.
    const seed = limbs(w[1], w[0], w[3], w[2]);
    const seq = limbs(w[5], w[4], w[7], w[6]);
    const st = this.st;
    let carry = 1;
    for (let k = 0; k < 8; k++) {
      const v = seq[k] * 2 + carry;
      st[8 + k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.step();
    carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = st[k] + seed[k] + carry;
      st[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.step();
  }

  /** state = state * MULT + inc (mod 2**128): column sums first, then one carry pass. */
  private step(): void {
    const st = this.st;
    const s0 = st[0];
    const s1 = st[1];
    const s2 = st[2];
    const s3 = st[3];
    const s4 = st[4];
    const s5 = st[5];
    const s6 = st[6];
    const s7 = st[7];
    const a0 = st[8] + s0 * 0xf645;
    const a1 = st[9] + s0 * 0x9fcc + s1 * 0xf645;
    const a2 = st[10] + s0 * 0xdf64 + s1 * 0x9fcc + s2 * 0xf645;
    const a3 = st[11] + s0 * 0x4385 + s1 * 0xdf64 + s2 * 0x9fcc + s3 * 0xf645;
    const a4 = st[12] + s0 * 0x5da4 + s1 * 0x4385 + s2 * 0xdf64 + s3 * 0x9fcc + s4 * 0xf645;
    const a5 =
      st[13] + s0 * 0x1fc6 + s1 * 0x5da4 + s2 * 0x4385 + s3 * 0xdf64 + s4 * 0x9fcc + s5 * 0xf645;
    const a6 =
      st[14] +
      s0 * 0xed05 +
      s1 * 0x1fc6 +
      s2 * 0x5da4 +
      s3 * 0x4385 +
      s4 * 0xdf64 +
      s5 * 0x9fcc +
      s6 * 0xf645;
    const a7 =
      st[15] +
      s0 * 0x2360 +
      s1 * 0xed05 +
      s2 * 0x1fc6 +
      s3 * 0x5da4 +
      s4 * 0x4385 +
      s5 * 0xdf64 +
      s6 * 0x9fcc +
      s7 * 0xf645;
    let c = 0;
    let v = 0;
    v = a0 + c;
    c = Math.floor(v * INV16);
    st[0] = v - c * 65536;
    v = a1 + c;
    c = Math.floor(v * INV16);
    st[1] = v - c * 65536;
    v = a2 + c;
    c = Math.floor(v * INV16);
    st[2] = v - c * 65536;
    v = a3 + c;
    c = Math.floor(v * INV16);
    st[3] = v - c * 65536;
    v = a4 + c;
    c = Math.floor(v * INV16);
    st[4] = v - c * 65536;
    v = a5 + c;
    c = Math.floor(v * INV16);
    st[5] = v - c * 65536;
    v = a6 + c;
    c = Math.floor(v * INV16);
    st[6] = v - c * 65536;
    v = a7 + c;
    c = Math.floor(v * INV16);
    st[7] = v - c * 65536;
  }

  /** Advances and leaves the next 64-bit output in `out[0]` (high) and `out[1]` (low). */
  next64(): void {
    this.step();
    const st = this.st;
    // XSL-RR: rotate (high64 xor low64) right by the top 6 bits of the state.
    const xh = ((st[7] << 16) | st[6]) ^ ((st[3] << 16) | st[2]);
    const xl = ((st[5] << 16) | st[4]) ^ ((st[1] << 16) | st[0]);
    const rot = st[7] >>> 10;
    const out = this.out;
    if (rot === 0) {
      out[0] = xh;
      out[1] = xl;
    } else if (rot < 32) {
      out[0] = (xh >>> rot) | (xl << (32 - rot));
      out[1] = (xl >>> rot) | (xh << (32 - rot));
    } else if (rot === 32) {
      out[0] = xl;
      out[1] = xh;
    } else {
      const r = rot - 32;
      out[0] = (xl >>> r) | (xh << (32 - r));
      out[1] = (xh >>> r) | (xl << (32 - r));
    }
  }

  /** numpy's `next_uint32`: the low half of a 64-bit output, then its high half. */
  next32(): number {
    if (this.hasHalf) {
      this.hasHalf = false;
      return this.out[2];
    }
    this.next64();
    this.hasHalf = true;
    this.out[2] = this.out[0];
    return this.out[1];
  }

  /** numpy's `next_double`: the top 53 bits of a 64-bit output, in [0, 1). */
  nextDouble(): number {
    this.next64();
    return (this.out[0] * 2097152 + (this.out[1] >>> 11)) * 1.1102230246251565e-16;
  }
}

/** Eight 16-bit limbs (least significant first) of hi64:lo64 given as four 32-bit words. */
function limbs(hiHi: number, hiLo: number, loHi: number, loLo: number): number[] {
  return [
    loLo & 0xffff,
    loLo >>> 16,
    loHi & 0xffff,
    loHi >>> 16,
    hiLo & 0xffff,
    hiLo >>> 16,
    hiHi & 0xffff,
    hiHi >>> 16,
  ];
}
