import { exactInverse, powInt } from "./exactSolve.js";

/** Finite-difference directions numdifftools supports without complex arithmetic. */
export type Method = "central" | "forward" | "backward";

/** The spacing between exponents of the error series: 2 for central differences, else 1. */
export function richardsonStep(method: Method): number {
  return method === "central" ? 2 : 1;
}

/** Leading order of the truncation error (numdifftools' `method_order`). */
export function methodOrder(method: Method, order: number): number {
  const step = richardsonStep(method);
  return Math.max(Math.floor(order / step) * step, step);
}

const cache = new Map<string, number[][]>();

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/**
 * The finite-difference rule numdifftools' LogRule builds: a row of the inverse of
 * `M[i][j] = c_j * ratio^(-i (step j + offset))`, with Taylor coefficients `c_j = 1/(step j + offset)!`.
 * Applied to differences at steps h, h/r, h/r^2, ... it cancels the low-order error terms.
 */
export function fdRule(n: number, method: Method, order: number, stepRatio: number): Float64Array {
  const ratio = stepRatio + 1 - 1;
  const mOrder = methodOrder(method, order);
  const step = richardsonStep(method);
  // parity 0: one-sided (all terms), 1: central odd n (odd terms), 2: central even n (even terms)
  const parity = method === "central" ? ((n - 1) % 2) + 1 : 0;
  const nterms = Math.floor((n - 1 + mOrder) / step);
  const key = `${ratio}|${parity}|${nterms}`;
  let inverse = cache.get(key);
  if (inverse === undefined) {
    const pStep = parity === 0 ? 1 : 2;
    const offset = parity === 2 ? 2 : 1;
    const invRatio = 1 / ratio;
    const c = Array.from({ length: nterms }, (_, j) => 1 / factorial(pStep * j + offset));
    const M = Array.from({ length: nterms }, (_, i) =>
      Array.from({ length: nterms }, (_, j) => c[j] * powInt(invRatio, i * (pStep * j + offset))),
    );
    inverse = exactInverse(M);
    cache.set(key, inverse);
  }
  const row = inverse[Math.floor((n - 1) / step)];
  const flip = n % 2 === 0 && method === "backward";
  return Float64Array.from(row, (v) => (flip ? -v : v));
}

/**
 * Richardson extrapolation rule: the first row of the inverse of `R[i][0] = 1`,
 * `R[i][j] = ratio^(-i (order + step (j - 1)))`, eliminating `numTerms` error terms.
 */
export function richardsonRule(
  ratio: number,
  step: number,
  order: number,
  numTerms: number,
): Float64Array {
  if (numTerms <= 0) return Float64Array.of(1);
  const key = `R|${ratio}|${step}|${order}|${numTerms}`;
  let inverse = cache.get(key);
  if (inverse === undefined) {
    const invRatio = 1 / ratio;
    const R = Array.from({ length: numTerms + 1 }, (_, i) =>
      Array.from({ length: numTerms + 1 }, (_, j) =>
        j === 0 ? 1 : invRatio ** (i * (step * (j - 1) + order)),
      ),
    );
    inverse = exactInverse(R);
    cache.set(key, inverse);
  }
  return Float64Array.from(inverse[0]);
}

/**
 * `Σ_j rule[j] * seq[i + j]` in scipy.ndimage.convolve1d's summation order (first and last terms,
 * then the middle ones), reflecting at the end of the sequence as its 'reflect' mode does.
 */
export function convolveAt(
  seq: readonly Float64Array[],
  rule: Float64Array,
  i: number,
  e: number,
): number {
  const len = rule.length;
  const last = seq.length - 1;
  if (len === 1) return rule[0] * seq[i][e];
  const end = i + len - 1;
  let s = rule[0] * seq[i][e] + rule[len - 1] * seq[end > last ? 2 * last + 1 - end : end][e];
  for (let j = 1; j < len - 1; j++) {
    const k = i + j;
    s += rule[j] * seq[k > last ? 2 * last + 1 - k : k][e];
  }
  return s;
}
