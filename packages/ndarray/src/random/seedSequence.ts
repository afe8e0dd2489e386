import { rangeError, typeError } from "../errors.js";

// numpy's SeedSequence (O'Neill's seed_seq hashing, as in numpy.random.bit_generator): turns a
// seed of any size into well-mixed 32-bit words. Same seed, same words as numpy.
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** A seed as numpy accepts it: a non-negative integer or a list of them. */
export type Seed = number | readonly number[];

/** The little-endian 32-bit words of a non-negative safe integer (0 gives `[0]`). */
function words(fn: string, n: number): number[] {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw rangeError(
      `${fn}: seed must be a non-negative integer below 2**53 (or a list of them), got ${String(n)}.`,
    );
  }
  const out = [n % 0x100000000];
  for (let rest = Math.floor(n / 0x100000000); rest > 0; rest = Math.floor(rest / 0x100000000)) {
    out.push(rest % 0x100000000);
  }
  return out;
}

/** The entropy words of a seed, or 128 bits from the platform's CSPRNG when there is none. */
export function entropyOf(fn: string, seed: Seed | undefined | null): number[] {
  if (seed === undefined || seed === null) {
    const fresh = new Uint32Array(4);
    globalThis.crypto.getRandomValues(fresh);
    return [...fresh];
  }
  if (typeof seed === "number") return words(fn, seed);
  if (!Array.isArray(seed)) {
    throw typeError(
      `${fn}: seed must be a non-negative integer or an array of them, got ${typeof seed}.`,
    );
  }
  if (seed.length === 0) throw rangeError(`${fn}: seed array must not be empty.`);
  return seed.flatMap((n) => words(fn, n));
}

/** The mixed 4-word pool that numpy's `SeedSequence(entropy).pool` holds. */
export function seedPool(entropy: readonly number[]): Uint32Array {
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = new Uint32Array(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
  }
  return pool;
}

/** `SeedSequence.generate_state(n, uint32)`: `n` 32-bit words drawn from the pool. */
export function generateState(pool: Uint32Array, n: number): Uint32Array {
  let hashConst = INIT_B;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let v = (pool[i % pool.length] ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    out[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return out;
}
