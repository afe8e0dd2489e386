import type { TypedArray } from "../dtype.js";

// numpy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src, `pairwise_sum`): rows of
// fewer than 8 elements are summed left to right, blocks of up to 128 with 8 interleaved
// accumulators, longer rows are split in two (at a multiple of 8) and the halves summed
// recursively. Error grows as O(log n) instead of O(n), and the order of operations is
// numpy's, so results agree with numpy to the last bit.

const BLOCK = 128;

/** Pairwise sum of `n` elements of `d` from `o` with stride `s`. */
export function pairwiseSum(d: TypedArray, o: number, n: number, s: number): number {
  if (d instanceof Float64Array) {
    if (s !== 1) return sumF64Strided(d, o, n, s);
    return n >= PLAN_MIN ? sumF64Planned(d, o, n) : sumF64(d, o, n);
  }
  return sumStrided(d, o, n, s);
}

// Long contiguous rows: the recursion costs one call per tree node (about n/40 calls), a third
// of the time of a 1e7 sum. A plan lists the leaves of numpy's tree (their lengths) and, after
// each leaf, how many pending left+right additions complete there; one flat loop then sums the
// leaves and combines them on a small stack, in exactly the recursion's order. Plans are cached
// per length (a few bytes per 100 elements).
const PLAN_MIN = 4096;
const PLAN_CACHE = 8;
const plans = new Map<number, { lengths: Uint8Array; pops: Uint8Array }>();
const stack = new Float64Array(64);

function plan(n: number): { lengths: Uint8Array; pops: Uint8Array } {
  let p = plans.get(n);
  if (p !== undefined) return p;
  const lengths: number[] = [];
  const pops: number[] = [];
  const walk = (m: number): void => {
    if (m <= BLOCK) {
      lengths.push(m);
      pops.push(0);
      return;
    }
    let m2 = Math.floor(m / 2);
    m2 -= m2 % 8;
    walk(m2);
    walk(m - m2);
    pops[pops.length - 1]++;
  };
  walk(n);
  p = { lengths: Uint8Array.from(lengths), pops: Uint8Array.from(pops) };
  if (plans.size >= PLAN_CACHE) plans.delete(plans.keys().next().value as number);
  plans.set(n, p);
  return p;
}

function sumF64Planned(d: Float64Array, o: number, n: number): number {
  const { lengths, pops } = plan(n);
  const count = lengths.length;
  let sp = 0;
  let p = o;
  for (let j = 0; j < count; j++) {
    // Every leaf of a tree over more than 128 elements has 64..128 elements: the 8-accumulator case.
    const end = p + lengths[j];
    let r0 = d[p];
    let r1 = d[p + 1];
    let r2 = d[p + 2];
    let r3 = d[p + 3];
    let r4 = d[p + 4];
    let r5 = d[p + 5];
    let r6 = d[p + 6];
    let r7 = d[p + 7];
    const m = end - ((end - p) % 8);
    let i = p + 8;
    for (; i < m; i += 8) {
      r0 += d[i];
      r1 += d[i + 1];
      r2 += d[i + 2];
      r3 += d[i + 3];
      r4 += d[i + 4];
      r5 += d[i + 5];
      r6 += d[i + 6];
      r7 += d[i + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < end; i++) res += d[i];
    p = end;
    stack[sp++] = res;
    for (let k = pops[j]; k > 0; k--) {
      sp--;
      stack[sp - 1] += stack[sp];
    }
  }
  return stack[0];
}

// The float64 contiguous case is the hot one: a separate function keeps its element access
// monomorphic (V8 specialises it for Float64Array alone) and free of stride multiplications.
function sumF64(d: Float64Array, o: number, n: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) r += d[o + i];
    return r;
  }
  if (n <= BLOCK) {
    let r0 = d[o];
    let r1 = d[o + 1];
    let r2 = d[o + 2];
    let r3 = d[o + 3];
    let r4 = d[o + 4];
    let r5 = d[o + 5];
    let r6 = d[o + 6];
    let r7 = d[o + 7];
    const m = o + n - (n % 8);
    let i = o + 8;
    for (; i < m; i += 8) {
      r0 += d[i];
      r1 += d[i + 1];
      r2 += d[i + 2];
      r3 += d[i + 3];
      r4 += d[i + 4];
      r5 += d[i + 5];
      r6 += d[i + 6];
      r7 += d[i + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    const end = o + n;
    for (; i < end; i++) res += d[i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return sumF64(d, o, n2) + sumF64(d, o + n2, n - n2);
}

function sumF64Strided(d: Float64Array, o: number, n: number, s: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) r += d[o + i * s];
    return r;
  }
  if (n <= BLOCK) {
    let r0 = d[o];
    let r1 = d[o + s];
    let r2 = d[o + 2 * s];
    let r3 = d[o + 3 * s];
    let r4 = d[o + 4 * s];
    let r5 = d[o + 5 * s];
    let r6 = d[o + 6 * s];
    let r7 = d[o + 7 * s];
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const p = o + i * s;
      r0 += d[p];
      r1 += d[p + s];
      r2 += d[p + 2 * s];
      r3 += d[p + 3 * s];
      r4 += d[p + 4 * s];
      r5 += d[p + 5 * s];
      r6 += d[p + 6 * s];
      r7 += d[p + 7 * s];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += d[o + i * s];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return sumF64Strided(d, o, n2, s) + sumF64Strided(d, o + n2 * s, n - n2, s);
}

// Other dtypes (float32, int32, bool) are summed in float64: exact for integers up to 2^53, and
// more accurate than numpy's float32 accumulation. This is the same tree as sumF64Strided, written
// twice on purpose: a copy whose array is typed Float64Array stays monomorphic in V8, so float64
// sums never pay for the other element kinds this one sees.
function sumStrided(d: TypedArray, o: number, n: number, s: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) r += d[o + i * s];
    return r;
  }
  if (n <= BLOCK) {
    let r0 = d[o];
    let r1 = d[o + s];
    let r2 = d[o + 2 * s];
    let r3 = d[o + 3 * s];
    let r4 = d[o + 4 * s];
    let r5 = d[o + 5 * s];
    let r6 = d[o + 6 * s];
    let r7 = d[o + 7 * s];
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const p = o + i * s;
      r0 += d[p];
      r1 += d[p + s];
      r2 += d[p + 2 * s];
      r3 += d[p + 3 * s];
      r4 += d[p + 4 * s];
      r5 += d[p + 5 * s];
      r6 += d[p + 6 * s];
      r7 += d[p + 7 * s];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += d[o + i * s];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return sumStrided(d, o, n2, s) + sumStrided(d, o + n2 * s, n - n2, s);
}

/**
 * Pairwise sum of `(d[i] - mean)^2` over a contiguous float64 row, with exactly the tree (and so
 * the bits) of summing a materialised array of squared deviations: `var` of a whole array then
 * needs no n-element temporary.
 */
export function pairwiseSumSquaredDeviations(
  d: Float64Array,
  o: number,
  n: number,
  mean: number,
): number {
  if (n < PLAN_MIN) return sqDevRec(d, o, n, mean);
  const { lengths, pops } = plan(n);
  const count = lengths.length;
  let sp = 0;
  let p = o;
  for (let j = 0; j < count; j++) {
    const end = p + lengths[j];
    const res = sqDevLeaf(d, p, lengths[j], mean);
    p = end;
    stack[sp++] = res;
    for (let k = pops[j]; k > 0; k--) {
      sp--;
      stack[sp - 1] += stack[sp];
    }
  }
  return stack[0];
}

function sqDevRec(d: Float64Array, o: number, n: number, m: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++) {
      const v = d[o + i] - m;
      r += v * v;
    }
    return r;
  }
  if (n <= BLOCK) return sqDevLeaf(d, o, n, m);
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return sqDevRec(d, o, n2, m) + sqDevRec(d, o + n2, n - n2, m);
}

/** The 8-accumulator block (8 <= n <= 128) on squared deviations. */
function sqDevLeaf(d: Float64Array, o: number, n: number, m: number): number {
  let t = d[o] - m;
  let r0 = t * t;
  t = d[o + 1] - m;
  let r1 = t * t;
  t = d[o + 2] - m;
  let r2 = t * t;
  t = d[o + 3] - m;
  let r3 = t * t;
  t = d[o + 4] - m;
  let r4 = t * t;
  t = d[o + 5] - m;
  let r5 = t * t;
  t = d[o + 6] - m;
  let r6 = t * t;
  t = d[o + 7] - m;
  let r7 = t * t;
  const end = o + n;
  const stop = end - (n % 8);
  let i = o + 8;
  for (; i < stop; i += 8) {
    t = d[i] - m;
    r0 += t * t;
    t = d[i + 1] - m;
    r1 += t * t;
    t = d[i + 2] - m;
    r2 += t * t;
    t = d[i + 3] - m;
    r3 += t * t;
    t = d[i + 4] - m;
    r4 += t * t;
    t = d[i + 5] - m;
    r5 += t * t;
    t = d[i + 6] - m;
    r6 += t * t;
    t = d[i + 7] - m;
    r7 += t * t;
  }
  let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (; i < end; i++) {
    t = d[i] - m;
    res += t * t;
  }
  return res;
}
