// JS twins of the python functions in the golden files and scripts/make-fixtures.py, by name.
import { NDArray } from "@nabla/ndarray";

export type Scalar = (x: number) => number;
export type Vec = (v: number[]) => number | number[];

const babylonian: Scalar = (x) => {
  let t = (1 + x) / 2;
  for (let i = 0; i < 12; i++) t = (t + x / t) / 2;
  return t;
};

/** Scalar functions with their exact first and second derivatives where needed. */
export const SCALAR: Record<string, Scalar> = {
  babylonian_sqrt: babylonian,
  cubic_poly: (x) => x ** 3 - 2 * x + 1,
  exp: Math.exp,
  gauss: (x) => Math.exp(-(x ** 2) / 2),
  inv_pow: (x) => x ** -1.5,
  log1p_sq: (x) => Math.log(1 + x ** 2),
  logistic: (x) => 1 / (1 + Math.exp(-x)),
  nested_trig: (x) => Math.sin(Math.cos(Math.sin(x))),
  rational: (x) => (x * x + 1) / (x - 3),
  rube_goldberg_sqrt: (x) => Math.exp(Math.log(x) / 2),
  rube_goldberg_sqrt2: (x) => Math.sqrt(Math.exp(Math.log(x))),
  sin_exp: (x) => Math.sin(x) * Math.exp(x),
  sqrt: Math.sqrt,
  sqrt_of_square: (x) => Math.sqrt(x * x),
  sqrt_pow: (x) => x ** 0.5,
  square: (x) => x ** 2,
  tanh: Math.tanh,
  x_sin_inv: (x) => x * Math.sin(1 / x),
  // scripts/make-fixtures.py
  sin: Math.sin,
  cos: Math.cos,
  log: Math.log,
  cubic: (x) => x * x * x + x * x,
  quartic: (x) => x * x * x * x,
  cube: (x) => x * x * x,
  inv: (x) => 1 / x,
};

const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);
const Q = [
  [4, 1, 0],
  [1, 3, 1],
  [0, 1, 2],
];

/** Functions of a vector. */
export const VECTOR: Record<string, Vec> = {
  exp_mix2: (x) => Math.exp(x[0] * x[1]) + Math.log(x[0] ** 2 + x[1] ** 2 + 1),
  himmelblau: (x) => (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2,
  logsumexp4: (x) => Math.log(sum(x.map(Math.exp))),
  norm3: (x) => Math.sqrt(sum(x.map((v) => v ** 2))),
  prod3: (x) => x[0] * x[1] * x[2],
  quadform3: (x) =>
    0.5 * sum(x.map((xi, i) => xi * sum(Q[i].map((q, j) => q * x[j])))) +
    (x[0] - 2 * x[1] + 0.5 * x[2]),
  rosen2: (x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2,
  rosen_vec4: (x) => {
    let s = 0;
    for (let i = 0; i < 3; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
    return s;
  },
  sin_exp_log3: (x) =>
    sum(x.map((v) => Math.sin(v) * Math.exp(v))) + Math.log(sum(x.map((v) => v ** 2))),
  sum_sin3: (x) => sum(x.map(Math.sin)),
  sum_sq: (x) => sum(x.map((v) => v ** 2)),
  cos_diff: (x) => Math.cos(x[0] - x[1]),
  poly_sum: (x) => x[0] * x[0] * x[1] - x[1] / 3,
  poly_map: (x) => [x[0] * x[1], x[0] + x[1], x[0] * x[0] - x[1] / 3],
  // vector-valued
  affine_tanh3: (x) => [0, 1, 2].map((i) => sum(Q2[i].map((q, j) => q * x[j])) + Math.tanh(x[i])),
  elementwise3: (x) => x.map((v) => Math.sin(v) * v),
  polar: (x) => [x[0] * Math.cos(x[1]), x[0] * Math.sin(x[1])],
  r2_to_r3: (x) => [x[0] * x[1], x[0] + x[1], Math.exp(x[0] - x[1])],
  seed_map: (x) => [x[0] ** 2 * x[1], 5 * x[0] + Math.sin(x[1])],
  spherical: (x) => [
    x[0] * Math.sin(x[1]) * Math.cos(x[2]),
    x[0] * Math.sin(x[1]) * Math.sin(x[2]),
    x[0] * Math.cos(x[1]),
  ],
};
const Q2 = [
  [1, 2, 0],
  [0, -1, 3],
  [2, 0, 1],
];

/** A scalar function that also works elementwise on NDArrays (numbers in, numbers out). */
export function elementwise(f: Scalar) {
  return (x: number | NDArray): number | NDArray => {
    if (typeof x === "number") return f(x);
    const data = x.toTypedArray();
    return new NDArray(
      Float64Array.from(data, (v) => f(v)),
      x.shape,
    );
  };
}

/** numdifftools-style: a vector function called with a 1-D NDArray. */
export function ofVector(g: Vec) {
  return (v: NDArray): number | number[] => g(Array.from(v.toTypedArray()));
}

/**
 * scipy-style: `x` of shape `[m, ...batch]`, output `[k, ...batch]` (or `[...batch]` for a
 * scalar function), by looping g over the batch.
 */
export function batched(g: Vec) {
  return (x: NDArray): NDArray => {
    const m = x.shape[0];
    const batch = x.shape.slice(1);
    const B = batch.reduce((a, b) => a * b, 1);
    const data = x.toTypedArray();
    let k = -1;
    let out = new Float64Array(0);
    for (let b = 0; b < B; b++) {
      const v = Array.from({ length: m }, (_, i) => data[i * B + b]);
      const r = g(v);
      const vals = typeof r === "number" ? [r] : r;
      if (k < 0) {
        k = typeof r === "number" ? 0 : vals.length;
        out = new Float64Array(Math.max(k, 1) * B);
      }
      vals.forEach((val, i) => {
        out[i * B + b] = val;
      });
    }
    return new NDArray(out, k === 0 ? batch : [k, ...batch]);
  };
}

/** Golden-file number decoding ("nan", "inf", "-inf"). */
export function decode(v: unknown): unknown {
  if (v === "nan") return Number.NaN;
  if (v === "inf") return Number.POSITIVE_INFINITY;
  if (v === "-inf") return Number.NEGATIVE_INFINITY;
  if (Array.isArray(v)) return v.map(decode);
  return v;
}

/** Flattens nested arrays / NDArrays / numbers to a number list. */
export function flat(v: unknown): number[] {
  if (typeof v === "number") return [v];
  if (typeof v === "boolean") return [v ? 1 : 0];
  if (v instanceof NDArray) return Array.from(v.toTypedArray(), Number);
  if (Array.isArray(v)) return v.flatMap(flat);
  throw new Error(`flat: unexpected ${String(v)}`);
}
