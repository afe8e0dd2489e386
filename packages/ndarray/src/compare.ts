import { toNDArray } from "./creation.js";
import {
  applyBinary,
  applyUnary,
  type BinaryLoop,
  operands,
  type UnaryLoop,
} from "./internal/elementwise.js";
import type { ArrayLike, NDArray } from "./ndarray.js";

const loops = {
  equal: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] === y[yo + i * ys] ? 1 : 0;
  }) as BinaryLoop,
  notEqual: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] !== y[yo + i * ys] ? 1 : 0;
  }) as BinaryLoop,
  less: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] < y[yo + i * ys] ? 1 : 0;
  }) as BinaryLoop,
  lessEqual: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] <= y[yo + i * ys] ? 1 : 0;
  }) as BinaryLoop,
  greater: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] > y[yo + i * ys] ? 1 : 0;
  }) as BinaryLoop,
  greaterEqual: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] >= y[yo + i * ys] ? 1 : 0;
  }) as BinaryLoop,
  logicalAnd: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] !== 0 && y[yo + i * ys] !== 0 ? 1 : 0;
  }) as BinaryLoop,
  logicalOr: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] !== 0 || y[yo + i * ys] !== 0 ? 1 : 0;
  }) as BinaryLoop,
  logicalXor: ((x, xo, xs, y, yo, ys, o, oo, n) => {
    for (let i = 0; i < n; i++)
      o[oo + i] = (x[xo + i * xs] !== 0) !== (y[yo + i * ys] !== 0) ? 1 : 0;
  }) as BinaryLoop,
};

const unaryLoops = {
  logicalNot: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = x[xo + i * xs] === 0 ? 1 : 0;
  }) as UnaryLoop,
  isnan: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Number.isNaN(x[xo + i * xs]) ? 1 : 0;
  }) as UnaryLoop,
  isinf: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) {
      const v = x[xo + i * xs];
      o[oo + i] = v === Infinity || v === -Infinity ? 1 : 0;
    }
  }) as UnaryLoop,
  isfinite: ((x, xo, xs, o, oo, n) => {
    for (let i = 0; i < n; i++) o[oo + i] = Number.isFinite(x[xo + i * xs]) ? 1 : 0;
  }) as UnaryLoop,
};

function compare(name: keyof typeof loops, a: ArrayLike, b: ArrayLike): NDArray {
  const [x, y, compute] = operands(name, a, b);
  return applyBinary(name, x, y, "bool", loops[name], compute);
}

function predicate(name: keyof typeof unaryLoops, a: ArrayLike): NDArray {
  return applyUnary(toNDArray(name, a), "bool", unaryLoops[name]);
}

/** `a == b` elementwise (NaN is unequal to everything). @example equal([1, 2], 2); // array([False,  True]) */
export const equal = (a: ArrayLike, b: ArrayLike): NDArray => compare("equal", a, b);
/** `a != b` elementwise. @example notEqual([1, 2], 2); // array([ True, False]) */
export const notEqual = (a: ArrayLike, b: ArrayLike): NDArray => compare("notEqual", a, b);
/** `a < b` elementwise. @example less([1, 2], 2); // array([ True, False]) */
export const less = (a: ArrayLike, b: ArrayLike): NDArray => compare("less", a, b);
/** `a <= b` elementwise. @example lessEqual([1, 3], 2); // array([ True, False]) */
export const lessEqual = (a: ArrayLike, b: ArrayLike): NDArray => compare("lessEqual", a, b);
/** `a > b` elementwise. @example greater([1, 3], 2); // array([False,  True]) */
export const greater = (a: ArrayLike, b: ArrayLike): NDArray => compare("greater", a, b);
/** `a >= b` elementwise. @example greaterEqual([1, 2], 2); // array([False,  True]) */
export const greaterEqual = (a: ArrayLike, b: ArrayLike): NDArray => compare("greaterEqual", a, b);
/** Truth of `a and b` elementwise. @example logicalAnd([true, true], [true, false]); // array([ True, False]) */
export const logicalAnd = (a: ArrayLike, b: ArrayLike): NDArray => compare("logicalAnd", a, b);
/** Truth of `a or b` elementwise. @example logicalOr([true, false], [false, false]); // array([ True, False]) */
export const logicalOr = (a: ArrayLike, b: ArrayLike): NDArray => compare("logicalOr", a, b);
/** Truth of `a xor b` elementwise. @example logicalXor([true, true], [true, false]); // array([False,  True]) */
export const logicalXor = (a: ArrayLike, b: ArrayLike): NDArray => compare("logicalXor", a, b);
/** Truth of `not a` elementwise. @example logicalNot([0, 1]); // array([ True, False]) */
export const logicalNot = (a: ArrayLike): NDArray => predicate("logicalNot", a);
/** True where NaN. @example isnan([NaN, 1]); // array([ True, False]) */
export const isnan = (a: ArrayLike): NDArray => predicate("isnan", a);
/** True where ±Infinity. @example isinf([Infinity, 1]); // array([ True, False]) */
export const isinf = (a: ArrayLike): NDArray => predicate("isinf", a);
/** True where neither NaN nor ±Infinity. @example isfinite([NaN, 1]); // array([False,  True]) */
export const isfinite = (a: ArrayLike): NDArray => predicate("isfinite", a);
