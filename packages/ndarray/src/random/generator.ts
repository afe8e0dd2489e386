import { toNDArray } from "../creation.js";
import { rangeError, typeError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";
import { type ArrayLike, NDArray } from "../ndarray.js";
import { PCG64 } from "./pcg64.js";
import { shuffleRows } from "./permute.js";
import { entropyOf, type Seed } from "./seedSequence.js";
import { standardNormal } from "./ziggurat.js";

/** The `size` argument: a length, or a shape. Without it a method returns one JS number. */
export type Size = number | readonly number[];

/** Options of `Generator.choice`. */
export interface ChoiceOptions {
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of each element (default uniform); must sum to 1. */
  p?: ArrayLike;
  /** Without replacement, shuffle the sample (default true); false keeps numpy's cheaper order. */
  shuffle?: boolean;
}

/** Options of `Generator.integers`. */
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
 * @example
 * const rng = random.defaultRng(42);   // or new random.Generator(42)
 * rng.random();                        // 0.7739560485559633, as numpy's default_rng(42).random()
 * rng.integers(0, 10, 3);              // array([6, 4, 4], dtype=int32), as numpy
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

  /**
   * Shuffles `x` in place along its first axis, as `rng.shuffle(x)` (numpy's same draws, so the
   * same order for the same seed). The one Generator method that writes to its argument.
   * @example
   * const a = arange(5);
   * defaultRng(42).shuffle(a); // a is now a permutation of [0, 1, 2, 3, 4]
   */
  shuffle(x: NDArray): void {
    if (!(x instanceof NDArray)) {
      throw typeError(
        "shuffle: x must be an NDArray (it is shuffled in place); for a shuffled copy use permutation(x).",
      );
    }
    if (x.ndim === 0) throw typeError("shuffle: cannot shuffle a 0-d array.");
    shuffleRows(this.bits, x);
  }

  /**
   * A shuffled copy of `x` along its first axis, or of `arange(n)` (as int32) for an integer `n`,
   * as `rng.permutation(x)`; numpy's order for the same seed.
   * @example
   * defaultRng(42).permutation(5);          // array([4, 2, 3, 1, 0], dtype=int32), numpy's order
   * defaultRng(0).permutation([[1, 2], [3, 4]]); // the rows, reordered
   */
  permutation(x: number | ArrayLike): NDArray {
    if (typeof x === "number") {
      if (!Number.isInteger(x) || x < 0)
        throw rangeError(`permutation: n must be a non-negative integer, got ${x}.`);
      const out = new NDArray(
        Int32Array.from({ length: x }, (_, i) => i),
        [x],
      );
      shuffleRows(this.bits, out);
      return out;
    }
    const a = toNDArray("permutation", x).copy();
    if (a.ndim === 0)
      throw typeError("permutation: x must be an integer or an array with at least one axis.");
    shuffleRows(this.bits, a);
    return a;
  }

  /**
   * Random samples from the elements of a 1-D array (or from `arange(a)` for an integer `a`), as
   * `rng.choice(a, size, replace=True, p=None, shuffle=True)`; with replacement by default,
   * weighted by probabilities `p` if given. numpy's samples for the same seed.
   * @example
   * const rng = defaultRng(42);
   * rng.choice(5, 3);                                  // three indices in [0, 5), with replacement
   * rng.choice([10, 20, 30], 2, { replace: false });  // two distinct elements
   * rng.choice(3, 4, { p: [0.1, 0.3, 0.6] });         // weighted
   * rng.choice([1.5, 2.5]);                            // one element, as a number
   */
  choice(a: number | ArrayLike): number;
  choice(a: number | ArrayLike, size: undefined | null, options?: ChoiceOptions): number;
  choice(a: number | ArrayLike, size: Size, options?: ChoiceOptions): NDArray;
  choice(a: number | ArrayLike, size?: Size | null, options?: ChoiceOptions): number | NDArray {
    checkOptions("choice", options, ["replace", "p", "shuffle"]);
    const replace = options?.replace ?? true;
    const shuffle = options?.shuffle ?? true;
    let pool: NDArray | null = null;
    let popSize: number;
    if (typeof a === "number") {
      if (!Number.isInteger(a))
        throw typeError(`choice: a must be an integer or a 1-D array, got ${a}.`);
      popSize = a;
    } else {
      pool = toNDArray("choice", a);
      if (pool.ndim !== 1)
        throw rangeError(`choice: a must be 1-dimensional, got ${pool.ndim} dimensions.`);
      popSize = pool.shape[0];
    }
    const shape = size === undefined || size === null ? [] : checkSize("choice", size);
    let count = 1;
    for (const d of shape) count *= d;
    if (popSize <= 0 && count > 0) {
      throw rangeError(
        typeof a === "number"
          ? "choice: a must be a positive integer unless no samples are taken."
          : "choice: a cannot be empty unless no samples are taken.",
      );
    }
    let p: Float64Array | null = null;
    if (options?.p !== undefined && options.p !== null) {
      const pa = toNDArray("choice", options.p, "float64");
      if (pa.ndim !== 1) throw rangeError("choice: p must be 1-dimensional.");
      if (pa.shape[0] !== popSize)
        throw rangeError(
          `choice: a and p must have the same size (${popSize} and ${pa.shape[0]}).`,
        );
      p = pa.copy().data as Float64Array;
      let total = 0;
      let comp = 0;
      for (const v of p) {
        if (!(v >= 0) || !Number.isFinite(v))
          throw rangeError("choice: probabilities are not non-negative and finite.");
        const y = v - comp;
        const t = total + y;
        comp = t - total - y;
        total = t;
      }
      if (Math.abs(total - 1) > Math.sqrt(Number.EPSILON))
        throw rangeError(`choice: probabilities do not sum to 1 (sum ${total}).`);
    }

    const idx = new Float64Array(count);
    if (replace) {
      if (p) {
        const cdf = cumulative(p);
        for (let i = 0; i < count; i++) idx[i] = searchRight(cdf, this.bits.nextDouble());
      } else {
        const draw = this.boundedDraw(popSize - 1);
        for (let i = 0; i < count; i++) idx[i] = draw();
      }
    } else if (count > popSize) {
      throw rangeError(
        "choice: Cannot take a larger sample than population when replace is false.",
      );
    } else if (p) {
      let nonzero = 0;
      for (const v of p) if (v > 0) nonzero++;
      if (nonzero < count) throw rangeError("choice: Fewer non-zero entries in p than size.");
      let found = 0;
      while (found < count) {
        for (let i = 0; i < found; i++) p[idx[i]] = 0;
        const cdf = cumulative(p);
        const fresh = new Set<number>();
        const draws = count - found;
        const picks: number[] = [];
        for (let i = 0; i < draws; i++) picks.push(searchRight(cdf, this.bits.nextDouble()));
        for (const k of picks) {
          if (!fresh.has(k)) {
            fresh.add(k);
            idx[found++] = k;
          }
        }
      }
    } else if (popSize > 10000 && count > Math.floor(popSize / (shuffle ? 50 : 20))) {
      const all = Float64Array.from({ length: popSize }, (_, i) => i);
      shuffleInt(this.bits, popSize, Math.max(popSize - count, 1), all);
      idx.set(all.subarray(popSize - count));
    } else {
      // Floyd's algorithm with numpy's open-addressing hash set.
      const mask = genMask(Math.floor(1.2 * count));
      const set = new Float64Array(mask + 1).fill(-1);
      for (let j = popSize - count; j < popSize; j++) {
        const val = bounded32(this.bits, j);
        let loc = val & mask;
        while (set[loc] !== -1 && set[loc] !== val) loc = (loc + 1) & mask;
        if (set[loc] === -1) {
          set[loc] = val;
          idx[j - popSize + count] = val;
        } else {
          loc = j & mask;
          while (set[loc] !== -1) loc = (loc + 1) & mask;
          set[loc] = j;
          idx[j - popSize + count] = j;
        }
      }
      if (shuffle) shuffleInt(this.bits, count, 1, idx);
    }

    if (pool === null) {
      if (shape.length === 0) return idx[0];
      return new NDArray(Int32Array.from(idx), shape);
    }
    const src = pool;
    const values = new (src.data.constructor as Float64ArrayConstructor)(count);
    for (let i = 0; i < count; i++) values[i] = src.data[src.offset + idx[i] * src.strides[0]];
    if (shape.length === 0) return values[0];
    return new NDArray(values, shape);
  }

  /** numpy's unbiased draw in [0, range] (Lemire's multiply-and-reject, 32- or 64-bit). */
  private boundedDraw(range: number): () => number {
    const bits = this.bits;
    if (range <= 0xffffffff) return () => bounded32(bits, range);
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

/** numpy's `buffered_bounded_lemire_uint32`: an unbiased integer in [0, range], range < 2**32. */
function bounded32(bits: PCG64, range: number): number {
  if (range === 0) return 0;
  if (range === 0xffffffff) return bits.next32();
  const excl = range + 1;
  for (;;) {
    const x = bits.next32();
    const leftover = Math.imul(x, excl) >>> 0;
    if (leftover >= excl || leftover >= (0xffffffff - range) % excl) {
      // high 32 bits of the 64-bit product x * excl, exactly
      const lowPart = (x & 0xffff) * excl;
      const highPart = (x >>> 16) * excl;
      return Math.floor((highPart + Math.floor(lowPart / 65536)) / 65536);
    }
  }
}

/** `_shuffle_int`: Fisher-Yates over data[first..n) with Lemire draws, as numpy's choice uses. */
function shuffleInt(bits: PCG64, n: number, first: number, data: Float64Array): void {
  for (let i = n - 1; i >= first; i--) {
    const j = bounded32(bits, i);
    const t = data[j];
    data[j] = data[i];
    data[i] = t;
  }
}

/** Smallest all-ones bit mask >= max (numpy's gen_mask). */
function genMask(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/** Running sum normalised by its last value, as `cdf = cumsum(p); cdf /= cdf[-1]`. */
function cumulative(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** `searchsorted(cdf, u, side="right")`: the first index with cdf[i] > u. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
