import { rangeError, typeError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";
import { NDArray } from "../ndarray.js";
import { PCG64 } from "./pcg64.js";
import { entropyOf, type Seed } from "./seedSequence.js";
import { standardNormal } from "./ziggurat.js";

/** The `size` argument: a length, or a shape. Without it a method returns one JS number. */
export type Size = number | readonly number[];

export interface IntegersOptions {
  /** Include `high` in the range (default false: `[low, high)`). */
  endpoint?: boolean;
  /** Element type of an array result: "int32" (default) or "float64" (exact up to 2**53). */
  dtype?: "int32" | "float64";
}

function checkSize(fn: string, size: Size): number[] {
  const shape = typeof size === "number" ? [size] : Array.isArray(size) ? [...size] : null;
  if (shape === null)
    throw typeError(`${fn}: size must be a number or an array of numbers, got ${typeof size}.`);
  for (const n of shape) {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      throw rangeError(`${fn}: size must hold non-negative integers, got ${JSON.stringify(size)}.`);
    }
  }
  return shape;
}

function checkFinite(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw typeError(`${fn}: ${name} must be a finite number, got ${String(v)}.`);
  }
  return v;
}

/** Fills a new float64 array of `size` from `draw`, or returns one draw when `size` is absent. */
function sample(fn: string, size: Size | undefined, draw: () => number): number | NDArray {
  if (size === undefined || size === null) return draw();
  const shape = checkSize(fn, size);
  let n = 1;
  for (const d of shape) n *= d;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = draw();
  return new NDArray(data, shape);
}

/**
 * numpy's `Generator`: random draws from a PCG64 stream. Make one with {@link defaultRng}.
 * `random`, `uniform` and `integers` return exactly the numbers numpy's
 * `np.random.default_rng(seed)` returns for the same seed and calls; `normal` and
 * `standardNormal` use the same (ziggurat) method with different tables, so they agree with
 * numpy in distribution only.
 */
export class Generator {
  private readonly bits: PCG64;

  /** Seeds a generator; prefer {@link defaultRng}. */
  constructor(seed?: Seed | null) {
    this.bits = new PCG64(entropyOf("defaultRng", seed));
  }

  /**
   * Uniform floats in [0, 1), as `rng.random(size)`: one number, or an array of `size`.
   * @example
   * defaultRng(42).random();  // 0.7739560485559633 (numpy gives the same)
   * defaultRng(42).random(3); // array([0.77395605, 0.43887844, 0.85859792])
   */
  random(): number;
  random(size: Size): NDArray;
  random(size?: Size): number | NDArray {
    return sample("random", size, () => this.bits.nextDouble());
  }

  /**
   * Uniform floats in [low, high), as `rng.uniform(low, high, size)`.
   * @example
   * defaultRng(0).uniform(-1, 1, [2, 2]).shape; // [2, 2]
   */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size): NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    checkFinite("uniform", "low", low);
    checkFinite("uniform", "high", high);
    const range = high - low;
    if (!Number.isFinite(range))
      throw rangeError(`uniform: high - low overflows (low=${low}, high=${high}).`);
    return sample("uniform", size, () => low + range * this.bits.nextDouble());
  }

  /**
   * Standard normal draws (mean 0, variance 1), as `rng.standard_normal(size)`.
   * @example
   * defaultRng(1).standardNormal(1000); // an array of 1000 N(0, 1) samples
   */
  standardNormal(): number;
  standardNormal(size: Size): NDArray;
  standardNormal(size?: Size): number | NDArray {
    return sample("standardNormal", size, () => standardNormal(this.bits));
  }

  /**
   * Normal draws with mean `loc` and standard deviation `scale`, as `rng.normal(loc, scale, size)`.
   * @example
   * defaultRng(1).normal(10, 2, 5); // five samples of N(10, 2**2)
   */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size): NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    checkFinite("normal", "loc", loc);
    checkFinite("normal", "scale", scale);
    if (scale < 0) throw rangeError(`normal: scale must be non-negative, got ${scale}.`);
    return sample("normal", size, () => loc + scale * standardNormal(this.bits));
  }

  /**
   * Random integers in `[low, high)` (or `[low, high]` with `endpoint: true`), as
   * `rng.integers(low, high, size, endpoint=...)`; with one bound, `[0, low)`. Arrays are
   * int32 unless `dtype: "float64"` (which allows bounds up to 2**53).
   * @example
   * defaultRng(42).integers(0, 10, 5);                       // array([0, 7, 6, 4, 4], dtype=int32)
   * defaultRng(42).integers(1, 6, 3, { endpoint: true });   // three dice rolls
   * defaultRng(42).integers(10);                            // one integer in [0, 10)
   */
  integers(low: number, high?: number | null): number;
  integers(
    low: number,
    high: number | null | undefined,
    size: Size,
    options?: IntegersOptions,
  ): NDArray;
  integers(
    low: number,
    high: number | null | undefined,
    size: undefined,
    options?: IntegersOptions,
  ): number;
  integers(
    low: number,
    high?: number | null,
    size?: Size,
    options?: IntegersOptions,
  ): number | NDArray {
    checkOptions("integers", options, ["endpoint", "dtype"]);
    const endpoint = options?.endpoint ?? false;
    const dtype = options?.dtype ?? "int32";
    if (dtype !== "int32" && dtype !== "float64") {
      throw typeError(
        `integers: dtype must be "int32" or "float64", got ${JSON.stringify(dtype)}.`,
      );
    }
    if (high === undefined || high === null) [low, high] = [0, low];
    for (const [name, v] of [
      ["low", low],
      ["high", high],
    ] as const) {
      if (typeof v !== "number" || !Number.isSafeInteger(v)) {
        throw typeError(
          `integers: ${name} must be an integer below 2**53 in magnitude, got ${String(v)}.`,
        );
      }
    }
    const top = endpoint ? high : high - 1;
    if (top < low)
      throw rangeError(
        `integers: ${endpoint ? "low > high" : "low >= high"} (low=${low}, high=${high}).`,
      );
    if (dtype === "int32" && (low < -2147483648 || top > 2147483647) && size !== undefined) {
      throw rangeError(
        `integers: bounds [${low}, ${top}] do not fit in int32; pass { dtype: "float64" }.`,
      );
    }
    const draw = this.boundedDraw(top - low);
    if (size === undefined || size === null) return low + draw();
    const shape = checkSize("integers", size);
    let n = 1;
    for (const d of shape) n *= d;
    const data = dtype === "int32" ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = low + draw();
    return new NDArray(data, shape);
  }

  /** numpy's unbiased draw in [0, range] (Lemire's multiply-and-reject, 32- or 64-bit). */
  private boundedDraw(range: number): () => number {
    const bits = this.bits;
    if (range === 0) return () => 0;
    if (range === 0xffffffff) return () => bits.next32();
    if (range < 0xffffffff) {
      const excl = range + 1;
      const threshold = (0xffffffff - range) % excl;
      return () => {
        for (;;) {
          const x = bits.next32();
          const leftover = Math.imul(x, excl) >>> 0;
          if (leftover >= excl || leftover >= threshold) {
            // high 32 bits of the 64-bit product x * excl, exactly
            const lowPart = (x & 0xffff) * excl;
            const highPart = (x >>> 16) * excl;
            return Math.floor((highPart + Math.floor(lowPart / 65536)) / 65536);
          }
        }
      };
    }
    const excl = BigInt(range) + 1n;
    const mask = (1n << 64n) - 1n;
    const threshold = (mask - BigInt(range)) % excl;
    return () => {
      for (;;) {
        bits.next64();
        const m = ((BigInt(bits.out[0]) << 32n) | BigInt(bits.out[1])) * excl;
        const leftover = m & mask;
        if (leftover >= excl || leftover >= threshold) return Number(m >> 64n);
      }
    };
  }
}

/**
 * A new {@link Generator}, as `np.random.default_rng(seed)`: the same seed gives the same
 * stream (and, for `random`, `uniform` and `integers`, numpy's numbers). Without a seed it
 * is seeded from the platform's cryptographic random source.
 * @example
 * const rng = random.defaultRng(42);
 * rng.random();              // 0.7739560485559633
 * rng.normal(0, 1, [2, 3]);  // a 2×3 array of N(0, 1) samples
 */
export function defaultRng(seed?: Seed | null): Generator {
  return new Generator(seed);
}
