import { checkOptions, formatShape, type NDArray, rangeError } from "@nabla/ndarray";
import { bind } from "../core/bind.js";
import type { Operand, Tracer } from "../core/tracer.js";
import { shapeOf, type Value } from "../core/value.js";
import { primitives as P } from "../primitives/index.js";
import { type Result, type Result2, type Scalarish, scalarize, toValue } from "./convert.js";
import { abs, divide, multiply, power, sqrt } from "./elementwise.js";
import { reduceMax, reduceMin, reduceSum } from "./reduce.js";
import { expandDims, reshape, squeeze } from "./shape.js";

/**
 * Matrix product with numpy's rules: 1-D operands are promoted (and the added axis removed),
 * leading axes broadcast.
 * @example np.matmul(np.eye(2), np.array([1, 2])); // array([1., 2.])
 */
export function matmul<A extends Operand, B extends Operand>(a: A, b: B): Scalarish<A, B> {
  let x = toValue("matmul", a);
  let y = toValue("matmul", b);
  const xv = shapeOf(x).length === 1;
  const yv = shapeOf(y).length === 1;
  if (shapeOf(x).length === 0 || shapeOf(y).length === 0) {
    throw rangeError(
      "matmul: operands must have at least one dimension; use np.multiply for scalars.",
    );
  }
  if (xv) x = expandDims(x, 0);
  if (yv) y = expandDims(y, -1);
  const ka = shapeOf(x)[shapeOf(x).length - 1];
  const kb = shapeOf(y)[shapeOf(y).length - 2];
  if (ka !== kb) {
    throw rangeError(
      `matmul: the contracted dimensions differ: ${ka} (last axis of a) and ${kb} (second-to-last axis of b).`,
    );
  }
  let out = bind(P.matmul, [x, y], undefined);
  if (xv && yv) out = scalarize(reshape(out, []));
  else if (xv) out = squeeze(out, -2);
  else if (yv) out = squeeze(out, -1);
  return out as Scalarish<A, B>;
}

/**
 * numpy's `dot` for arrays of up to 2 axes (a scalar operand multiplies).
 * @example np.dot(np.array([1, 2]), np.array([3, 4])); // 11
 */
export function dot<A extends Operand, B extends Operand>(a: A, b: B): Scalarish<A, B> {
  const x = toValue("dot", a);
  const y = toValue("dot", b);
  if (shapeOf(x).length === 0 || shapeOf(y).length === 0) return multiply(x, y) as Scalarish<A, B>;
  if (shapeOf(x).length > 2 || shapeOf(y).length > 2) {
    throw rangeError(
      "dot: operands with more than 2 axes are not supported; use np.matmul (stacked matrices).",
    );
  }
  return matmul(x, y) as Scalarish<A, B>;
}

/**
 * Inner product of 1-D arrays.
 * @example np.inner(np.array([1, 2]), np.array([3, 4])); // 11
 */
export function inner<A extends Operand, B extends Operand>(a: A, b: B): Scalarish<A, B> {
  return reduceSum(multiply(toValue("inner", a), toValue("inner", b)), {
    axes: [-1],
    keepdims: false,
  }) as Scalarish<A, B>;
}

/**
 * Outer product of the flattened inputs.
 * @example np.outer(np.array([1, 2]), np.array([3, 4])).shape; // [2, 2]
 */
export function outer<A extends Operand, B extends Operand>(a: A, b: B): Result2<A, B> {
  const x = reshape(toValue("outer", a), [-1, 1]);
  const y = reshape(toValue("outer", b), [1, -1]);
  return multiply(x, y) as Result2<A, B>;
}

function square(v: Value): Value {
  const shape = shapeOf(v);
  if (shape.length < 2 || shape[shape.length - 1] !== shape[shape.length - 2]) {
    throw rangeError(
      `linalg: expected (a stack of) square matrices, got shape ${formatShape(shape)}.`,
    );
  }
  return v;
}

/**
 * Determinant of (a stack of) square matrices.
 * @example np.linalg.det(np.array([[2, 0], [0, 3]])); // 6
 */
export function det<A extends Operand>(a: A): A extends Tracer ? Tracer : number | NDArray {
  return bind(P.det, [square(toValue("det", a))], undefined) as A extends Tracer
    ? Tracer
    : number | NDArray;
}

/**
 * Inverse of (a stack of) square matrices.
 * @example np.linalg.inv(np.array([[2, 0], [0, 4]])); // array([[0.5 , 0.  ], [0.  , 0.25]])
 */
export function inv<A extends Operand>(a: A): Result<A> {
  return bind(P.inv, [square(toValue("inv", a))], undefined) as Result<A>;
}

/**
 * Solves `a @ x = b` (numpy 2: a 1-D `b` is one right-hand side).
 * @example np.linalg.solve(np.array([[3, 1], [1, 2]]), np.array([9, 8])); // array([2., 3.])
 */
export function solve<A extends Operand, B extends Operand>(a: A, b: B): Result2<A, B> {
  return bind(P.solve, [square(toValue("solve", a)), toValue("solve", b)], undefined) as Result2<
    A,
    B
  >;
}

/** Options of `norm`. */
export interface NormOptions {
  /** Axis (vector norm) or pair of axes (matrix norm); default: the whole array. */
  axis?: number | readonly [number, number] | null;
  /** Keep the reduced axes with length 1. */
  keepdims?: boolean;
}

/**
 * Vector and matrix norms written with traceable ops, so they differentiate like jax's
 * (`sqrt(sum(x*x))`: the gradient at the origin is NaN, as in jax). `ord`: for vectors a number
 * (2 default, 1, Infinity, -Infinity, 0, p) ; for matrices "fro" (default), "nuc" is not
 * supported, 1, -1, Infinity, -Infinity.
 * @example np.linalg.norm(np.array([3, 4])); // 5
 */
export function norm<A extends Operand>(
  x: A,
  ord?: number | "fro" | null,
  options?: NormOptions,
): A extends Tracer ? Tracer : number | NDArray {
  checkOptions("norm", options, ["axis", "keepdims"]);
  const v = toValue("norm", x);
  const ndim = shapeOf(v).length;
  const keepdims = options?.keepdims === true;
  const axisOpt = options?.axis;
  type R = A extends Tracer ? Tracer : number | NDArray;
  const axes: number[] =
    axisOpt === undefined || axisOpt === null
      ? Array.from({ length: ndim }, (_, i) => i)
      : typeof axisOpt === "number"
        ? [axisOpt < 0 ? axisOpt + ndim : axisOpt]
        : axisOpt.map((a) => (a < 0 ? a + ndim : a));
  const p = { axes, keepdims };
  if (axes.length === 2 && ord !== undefined && ord !== null && ord !== "fro") {
    const [r, c] = axes;
    const a = abs(v);
    if (ord === 1 || ord === -1) {
      const colsums = reduceSum(a, { axes: [r], keepdims: true });
      const red = ord === 1 ? reduceMax : reduceMin;
      return finish(red(colsums, { axes: [c], keepdims: true }), axes, keepdims) as R;
    }
    if (ord === Infinity || ord === -Infinity) {
      const rowsums = reduceSum(a, { axes: [c], keepdims: true });
      const red = ord === Infinity ? reduceMax : reduceMin;
      return finish(red(rowsums, { axes: [r], keepdims: true }), axes, keepdims) as R;
    }
    throw rangeError(
      `norm: matrix norm ord=${String(ord)} is not supported (use "fro", 1, -1, Infinity or -Infinity).`,
    );
  }
  if (ord === undefined || ord === null || ord === "fro" || ord === 2) {
    if (ord === "fro" && axes.length !== 2)
      throw rangeError('norm: ord "fro" needs a matrix (two axes).');
    return scalarize(sqrt(reduceSum(multiply(v, v), p))) as R;
  }
  if (axes.length !== 1)
    throw rangeError(`norm: ord=${String(ord)} needs a vector: pass one axis.`);
  if (ord === Infinity) return scalarize(reduceMax(abs(v), p)) as R;
  if (ord === -Infinity) return scalarize(reduceMin(abs(v), p)) as R;
  if (ord === 1) return scalarize(reduceSum(abs(v), p)) as R;
  if (ord === 0)
    throw rangeError(
      "norm: ord=0 (the count of non-zeros) is not differentiable; use np.sum(np.notEqual(x, 0)).",
    );
  return scalarize(power(reduceSum(power(abs(v), ord), p), divide(1, ord))) as R;
}

function finish(v: Value, axes: readonly number[], keepdims: boolean): Value {
  if (keepdims) return v;
  return scalarize(squeeze(v, [...axes]));
}
