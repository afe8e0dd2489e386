import { toNDArray } from "./creation.js";
import { floatOf } from "./dtype.js";
import { applyUnary, type UnaryLoop } from "./internal/elementwise.js";
import { cosLoop, sinLoop } from "./internal/trig.js";
import type { ArrayLike, NDArray } from "./ndarray.js";

// One literal loop per function keeps every call site monomorphic (see arithmetic.ts).
const loops = {
  sqrt: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.sqrt(x[xo + i * xs]);
  }) as UnaryLoop,
  exp: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.exp(x[xo + i * xs]);
  }) as UnaryLoop,
  expm1: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.expm1(x[xo + i * xs]);
  }) as UnaryLoop,
  log: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.log(x[xo + i * xs]);
  }) as UnaryLoop,
  log1p: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.log1p(x[xo + i * xs]);
  }) as UnaryLoop,
  log2: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.log2(x[xo + i * xs]);
  }) as UnaryLoop,
  log10: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.log10(x[xo + i * xs]);
  }) as UnaryLoop,
  sin: sinLoop,
  cos: cosLoop,
  tan: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.tan(x[xo + i * xs]);
  }) as UnaryLoop,
  arcsin: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.asin(x[xo + i * xs]);
  }) as UnaryLoop,
  arccos: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.acos(x[xo + i * xs]);
  }) as UnaryLoop,
  arctan: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.atan(x[xo + i * xs]);
  }) as UnaryLoop,
  sinh: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.sinh(x[xo + i * xs]);
  }) as UnaryLoop,
  cosh: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.cosh(x[xo + i * xs]);
  }) as UnaryLoop,
  tanh: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.tanh(x[xo + i * xs]);
  }) as UnaryLoop,
  arcsinh: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.asinh(x[xo + i * xs]);
  }) as UnaryLoop,
  arccosh: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.acosh(x[xo + i * xs]);
  }) as UnaryLoop,
  arctanh: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.atanh(x[xo + i * xs]);
  }) as UnaryLoop,
  floor: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.floor(x[xo + i * xs]);
  }) as UnaryLoop,
  ceil: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.ceil(x[xo + i * xs]);
  }) as UnaryLoop,
  trunc: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Math.trunc(x[xo + i * xs]);
  }) as UnaryLoop,
  rint: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = roundHalfEven(x[xo + i * xs]);
  }) as UnaryLoop,
};

/** Rounds to the nearest integer, ties to even (numpy's `rint`). */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function float(name: keyof typeof loops, a: ArrayLike): NDArray {
  const x = toNDArray(name, a);
  return applyUnary(x, floatOf(x.dtype), loops[name], floatOf(x.dtype));
}

/** Elementwise square root (`sqrt(-1)` is NaN). @example sqrt([4, 9]); // array([2., 3.]) */
export const sqrt = (a: ArrayLike): NDArray => float("sqrt", a);
/** Elementwise `e**x`. @example exp([0]); // array([1.]) */
export const exp = (a: ArrayLike): NDArray => float("exp", a);
/** `exp(x) - 1`, accurate near 0. @example expm1([1e-10]); // array([1.e-10]) */
export const expm1 = (a: ArrayLike): NDArray => float("expm1", a);
/** Natural logarithm (`log(0)` is `-Infinity`). @example log([1]); // array([0.]) */
export const log = (a: ArrayLike): NDArray => float("log", a);
/** `log(1 + x)`, accurate near 0. @example log1p([1e-10]); // array([1.e-10]) */
export const log1p = (a: ArrayLike): NDArray => float("log1p", a);
/** Base-2 logarithm. @example log2([8]); // array([3.]) */
export const log2 = (a: ArrayLike): NDArray => float("log2", a);
/** Base-10 logarithm. @example log10([100]); // array([2.]) */
export const log10 = (a: ArrayLike): NDArray => float("log10", a);
/**
 * Sine (radians), within 1 ulp (float64: our own reduction and polynomial kernel, as accurate as
 * `Math.sin` and faster; numpy's results may differ in the last bit, as any two libms do).
 * @example sin([0, Math.PI / 2]); // array([0., 1.])
 */
export const sin = (a: ArrayLike): NDArray => float("sin", a);
/**
 * Cosine (radians), within 1 ulp (the same kernel as {@link sin}).
 * @example cos([0, Math.PI]); // array([ 1., -1.])
 */
export const cos = (a: ArrayLike): NDArray => float("cos", a);
/** Tangent (radians). @example tan([0]); // array([0.]) */
export const tan = (a: ArrayLike): NDArray => float("tan", a);
/** Inverse sine. @example arcsin([1]); // array([1.57079633]) */
export const arcsin = (a: ArrayLike): NDArray => float("arcsin", a);
/** Inverse cosine. @example arccos([1]); // array([0.]) */
export const arccos = (a: ArrayLike): NDArray => float("arccos", a);
/** Inverse tangent. @example arctan([1]); // array([0.78539816]) */
export const arctan = (a: ArrayLike): NDArray => float("arctan", a);
/** Hyperbolic sine. @example sinh([0]); // array([0.]) */
export const sinh = (a: ArrayLike): NDArray => float("sinh", a);
/** Hyperbolic cosine. @example cosh([0]); // array([1.]) */
export const cosh = (a: ArrayLike): NDArray => float("cosh", a);
/** Hyperbolic tangent. @example tanh([0]); // array([0.]) */
export const tanh = (a: ArrayLike): NDArray => float("tanh", a);
/** Inverse hyperbolic sine. @example arcsinh([0]); // array([0.]) */
export const arcsinh = (a: ArrayLike): NDArray => float("arcsinh", a);
/** Inverse hyperbolic cosine. @example arccosh([1]); // array([0.]) */
export const arccosh = (a: ArrayLike): NDArray => float("arccosh", a);
/** Inverse hyperbolic tangent. @example arctanh([0]); // array([0.]) */
export const arctanh = (a: ArrayLike): NDArray => float("arctanh", a);

function keepInt(name: "floor" | "ceil" | "trunc" | "rint", a: ArrayLike): NDArray {
  const x = toNDArray(name, a);
  return x.dtype === "int32"
    ? x.copy()
    : applyUnary(x, floatOf(x.dtype), loops[name], floatOf(x.dtype));
}

/** Largest integer `<= x`. @example floor([-1.5, 1.5]); // array([-2.,  1.]) */
export const floor = (a: ArrayLike): NDArray => keepInt("floor", a);
/** Smallest integer `>= x`. @example ceil([-1.5, 1.5]); // array([-1.,  2.]) */
export const ceil = (a: ArrayLike): NDArray => keepInt("ceil", a);
/** Integer part, toward zero. @example trunc([-1.5, 1.5]); // array([-1.,  1.]) */
export const trunc = (a: ArrayLike): NDArray => keepInt("trunc", a);
/** Nearest integer, ties to even. @example rint([0.5, 1.5, 2.5]); // array([0., 2., 2.]) */
export const rint = (a: ArrayLike): NDArray => keepInt("rint", a);
