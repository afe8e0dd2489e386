// numpy's np.argsort(a) (kind "quicksort") for float64 on x86-64 with AVX-512, reproduced tie
// for tie. numpy hands the sort to x86-simd-sort's avx512_argsort, which is not stable: arrays of
// up to 256 values go through a bitonic network over 8-lane vectors, and equal values end up in
// the order that network leaves them. scipy's Nelder-Mead sorts its vertices with np.argsort every
// iteration, so on problems with tied vertex values (the alternating-start Rosenbrock) the whole
// run depends on this order. Above 256 values, or with a NaN (numpy then uses std::sort), the
// order of ties falls back to a stable sort.

import { argsort } from "@nabla/ndarray";

const LANES = 8;
const MAX_N = 256;
const keys = new Float64Array(MAX_N);
const idx = new Int32Array(MAX_N);
const tk = new Float64Array(LANES);
const ti = new Int32Array(LANES);

/**
 * One cmp_merge step on the vector at `base`: lane i meets lane i ^ `x` and keeps the max when
 * bit i of `mask` is set, the min otherwise. A lane keeps its own index unless the other key wins
 * strictly (x86-simd-sort compares the merged key with its own for equality).
 */
function cmpMerge(base: number, x: number, mask: number): void {
  for (let i = 0; i < LANES; i++) {
    const a = keys[base + i];
    const j = base + (i ^ x);
    const b = keys[j];
    const takeOther = (mask >> i) & 1 ? b > a : b < a;
    tk[i] = takeOther ? b : a;
    ti[i] = takeOther ? idx[j] : idx[base + i];
  }
  for (let i = 0; i < LANES; i++) {
    keys[base + i] = tk[i];
    idx[base + i] = ti[i];
  }
}

/** sort_reg_8lanes: the 8-lane bitonic sorting network. */
function sortVec(base: number): void {
  cmpMerge(base, 1, 0xaa);
  cmpMerge(base, 3, 0xcc);
  cmpMerge(base, 1, 0xaa);
  cmpMerge(base, 7, 0xf0);
  cmpMerge(base, 2, 0xcc);
  cmpMerge(base, 1, 0xaa);
}

/** bitonic_merge_reg_8lanes: the half cleaners of a bitonic vector. */
function mergeVec(base: number): void {
  cmpMerge(base, 4, 0xf0);
  cmpMerge(base, 2, 0xcc);
  cmpMerge(base, 1, 0xaa);
}

/** COEX of two vectors, lane by lane: swap only when the first key is strictly greater. */
function coex(b1: number, b2: number, reverse2: boolean): void {
  for (let i = 0; i < LANES; i++) {
    const p = b1 + i;
    const q = reverse2 ? b2 + (LANES - 1 - i) : b2 + i;
    const a = keys[p];
    const b = keys[q];
    if (a > b) {
      keys[p] = b;
      keys[q] = a;
      const t = idx[p];
      idx[p] = idx[q];
      idx[q] = t;
    }
  }
}

/** bitonic_merge_n_vec on `numPer` vectors starting at vector `v0`. */
function mergeNVec(v0: number, numPer: number): void {
  // reversing the upper vector, COEX, reversing back = COEX against the mirrored lanes
  for (let i = 0; i < numPer / 2; i++) coex((v0 + i) * LANES, (v0 + numPer - 1 - i) * LANES, true);
  for (let num = numPer / 2; num >= 2; num /= 2) {
    for (let j = 0; j < numPer; j += num) {
      for (let i = 0; i < num / 2; i++)
        coex((v0 + i + j) * LANES, (v0 + i + j + num / 2) * LANES, false);
    }
  }
  for (let i = 0; i < numPer; i++) mergeVec((v0 + i) * LANES);
}

function isSorted(a: ArrayLike<number>, n: number): boolean {
  for (let i = 1; i < n; i++) if (a[i] < a[i - 1]) return false;
  return true;
}

/**
 * Writes np.argsort(a[0:n]) into `out` (numpy's order, ties included, for n <= 256 without NaN).
 */
export function npArgsort(a: ArrayLike<number>, n: number, out: Int32Array): Int32Array {
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    out[i] = i;
    if (Number.isNaN(a[i])) hasNaN = true;
  }
  if (n <= 1) return out;
  if (hasNaN || n > MAX_N) {
    // ndarray's argsort is stable with NaN last (numpy's std::sort path, ties aside)
    out.set(argsort(Array.from({ length: n }, (_, i) => a[i])).toTypedArray() as Int32Array);
    return out;
  }
  // x86-simd-sort returns at once on an already sorted (non-decreasing) array
  if (isSorted(a, n)) return out;
  // Without ties the sorted order is unique, so any sort gives numpy's answer: insertion sort is
  // O(n) here, as Nelder-Mead changes one or two values between sorts. Only ties need the network.
  for (let i = 1; i < n; i++) {
    const v = out[i];
    const av = a[v];
    let j = i - 1;
    while (j >= 0 && a[out[j]] > av) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = v;
  }
  let tie = false;
  for (let i = 1; i < n && !tie; i++) tie = a[out[i]] === a[out[i - 1]];
  if (!tie) return out;
  let numVecs = MAX_N / LANES;
  while (numVecs > 1 && n * 2 <= numVecs * LANES) numVecs /= 2;
  const total = numVecs * LANES;
  for (let i = 0; i < total; i++) {
    // padding lanes hold +Infinity keys; their indices can never be stored back as real ones
    keys[i] = i < n ? a[i] : Number.POSITIVE_INFINITY;
    idx[i] = i < n ? i : MAX_N + i;
  }
  for (let v = 0; v < numVecs; v++) sortVec(v * LANES);
  for (let numPer = 2; numPer <= numVecs; numPer *= 2) {
    for (let g = 0; g < numVecs / numPer; g++) mergeNVec(g * numPer, numPer);
  }
  for (let i = 0; i < n; i++) out[i] = idx[i];
  return out;
}
