import {
  checkBroadcastTo,
  checkOptions,
  type DType,
  formatShape,
  moveaxisPermutation,
  normalizeAxes,
  normalizeAxis,
  normalizePermutation,
  rangeError,
  resolveShape,
  ShapeError,
  type SliceSpec,
  sameShape,
  sizeOf,
  sliceIndexCount,
  squeezeAxes,
  swapaxesPermutation,
} from "@nabla/ndarray";
import { bind } from "../core/bind.js";
import type { Operand, Tracer } from "../core/tracer.js";
import { dtypeOf, shapeOf, type Value } from "../core/value.js";
import { primitives as P } from "../primitives/index.js";
import { type Result, toValue } from "./convert.js";

/** The result of a function of several operands: a tracer if any of them is one. */
export type ResultN = Tracer | import("@nabla/ndarray").NDArray;

/**
 * The same elements in a new shape (one axis may be -1).
 * @example np.reshape(np.arange(6), [2, 3]).shape; // [2, 3]
 */
export function reshape<A extends Operand>(x: A, shape: readonly number[]): Result<A> {
  const v = toValue("reshape", x);
  const from = shapeOf(v);
  // Checked before resolving: rules often reshape to the shape a value already has.
  if (sameShape(from, shape)) return v as Result<A>;
  const target = resolveShape("reshape", sizeOf(from), shape);
  if (sameShape(from, target)) return v as Result<A>;
  return bind(P.reshape, [v], { shape: target }) as Result<A>;
}

/**
 * Broadcasts to `shape` with numpy's rules.
 * @example np.broadcastTo(np.array([1, 2]), [3, 2]).shape; // [3, 2]
 */
export function broadcastTo<A extends Operand>(x: A, shape: readonly number[]): Result<A> {
  const v = toValue("broadcastTo", x);
  const from = shapeOf(v);
  if (sameShape(from, shape)) return v as Result<A>;
  checkBroadcastTo("broadcastTo", from, shape);
  return bind(P.broadcastTo, [v], { shape: [...shape] }) as Result<A>;
}

/**
 * Permutes the axes (reverses them by default).
 * @example np.transpose(np.zeros([2, 3])).shape; // [3, 2]
 */
export function transpose<A extends Operand>(x: A, axes?: readonly number[]): Result<A> {
  const v = toValue("transpose", x);
  const perm = normalizePermutation("transpose", axes, shapeOf(v).length);
  if (isIdentity(perm)) return v as Result<A>;
  return bind(P.transpose, [v], { perm }) as Result<A>;
}

/**
 * Moves one axis to a new position.
 * @example np.moveaxis(np.zeros([2, 3, 4]), 0, -1).shape; // [3, 4, 2]
 */
export function moveaxis<A extends Operand>(x: A, source: number, destination: number): Result<A> {
  const v = toValue("moveaxis", x);
  const perm = moveaxisPermutation("moveaxis", source, destination, shapeOf(v).length);
  if (isIdentity(perm)) return v as Result<A>;
  return bind(P.transpose, [v], { perm }) as Result<A>;
}

function isIdentity(perm: readonly number[]): boolean {
  for (let i = 0; i < perm.length; i++) if (perm[i] !== i) return false;
  return true;
}

/**
 * Swaps two axes.
 * @example np.swapaxes(np.zeros([2, 3]), 0, 1).shape; // [3, 2]
 */
export function swapaxes<A extends Operand>(x: A, axis1: number, axis2: number): Result<A> {
  const v = toValue("swapaxes", x);
  const perm = swapaxesPermutation("swapaxes", axis1, axis2, shapeOf(v).length);
  if (isIdentity(perm)) return v as Result<A>;
  return bind(P.transpose, [v], { perm }) as Result<A>;
}

/**
 * Inserts a length-1 axis.
 * @example np.expandDims(np.zeros([3]), 0).shape; // [1, 3]
 */
export function expandDims<A extends Operand>(x: A, axis: number): Result<A> {
  const v = toValue("expandDims", x);
  const shape = [...shapeOf(v)];
  shape.splice(normalizeAxis("expandDims", axis, shape.length + 1), 0, 1);
  return reshape(v, shape) as Result<A>;
}

/**
 * Removes length-1 axes (all, or the given ones).
 * @example np.squeeze(np.zeros([1, 3, 1])).shape; // [3]
 */
export function squeeze<A extends Operand>(x: A, axis?: number | readonly number[]): Result<A> {
  const v = toValue("squeeze", x);
  const shape = shapeOf(v);
  const drop = squeezeAxes("squeeze", shape, axis);
  return reshape(
    v,
    shape.filter((_, i) => !drop.includes(i)),
  ) as Result<A>;
}

/**
 * The elements as a 1-D array.
 * @example np.ravel(np.zeros([2, 3])).shape; // [6]
 */
export function ravel<A extends Operand>(x: A): Result<A> {
  const v = toValue("ravel", x);
  return reshape(v, [sizeOf(shapeOf(v))]) as Result<A>;
}

/**
 * numpy basic indexing with NDArray.slice's specs: an integer picks one position and drops the
 * axis, `"start:stop:step"` slices, `"..."` stands for the remaining axes, `null` adds an axis.
 * @example np.slice(np.arange(6).reshape(2, 3), ":", "1:").shape; // [2, 2]
 */
export function slice<A extends Operand>(x: A, ...specs: SliceSpec[]): Result<A> {
  const v = toValue("slice", x);
  const ndim = shapeOf(v).length;
  const consumed = sliceIndexCount("slice", specs, ndim);
  // Rules slice small arrays on every call: nothing but ":" and "..." returns `v` itself.
  let ellipsis = -1;
  let trivial = true;
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    if (s === "...") ellipsis = i;
    else if (s !== ":") trivial = false;
  }
  if (trivial) return v as Result<A>;
  // Sized up front: a pushed-to [] reserves 17 slots.
  const full = new Array<SliceSpec>(specs.length + ndim - consumed - (ellipsis < 0 ? 0 : 1));
  let j = 0;
  for (let i = 0; i < specs.length; i++) {
    if (i === ellipsis) for (let k = consumed; k < ndim; k++) full[j++] = ":";
    else full[j++] = specs[i];
  }
  while (j < full.length) full[j++] = ":";
  return bind(P.slice, [v], { specs: full }) as Result<A>;
}

/**
 * The sub-array at index `i` of the first axis, `x[i]`.
 * @example np.index(np.array([[1, 2], [3, 4]]), 1); // array([3., 4.])
 */
export function index<A extends Operand>(x: A, i: number): Result<A> {
  return slice(x, i);
}

/**
 * The sub-arrays along `axis` (default 0) as a JS array: `const [x, y] = np.unstack(X)`.
 * @example np.unstack(np.array([[1, 2], [3, 4]])).length; // 2
 */
export function unstack<A extends Operand>(x: A, options?: { axis?: number }): Result<A>[] {
  checkOptions("unstack", options, ["axis"]);
  const v = toValue("unstack", x);
  const shape = shapeOf(v);
  if (shape.length === 0) throw rangeError("unstack: cannot unstack a 0-d array.");
  const axis = normalizeAxis("unstack", options?.axis ?? 0, shape.length);
  const out: Result<A>[] = [];
  for (let i = 0; i < shape[axis]; i++) {
    out.push(slice(v, ...shape.map((_, k) => (k === axis ? i : ":"))) as Result<A>);
  }
  return out;
}

/** @internal Zeros before/after along one axis. */
export function pad1(x: Value, axis: number, before: number, after: number): Value {
  if (before === 0 && after === 0) return x;
  return bind(P.pad, [x], { axis, before, after });
}

/**
 * Joins arrays along an existing axis (default 0).
 * @example np.concatenate([np.array([1]), np.array([2, 3])]); // array([1., 2., 3.])
 */
export function concatenate(arrays: readonly Operand[], options?: { axis?: number }): ResultN {
  checkOptions("concatenate", options, ["axis"]);
  const vs = arrays.map((a) => toValue("concatenate", a));
  if (vs.length === 0) throw rangeError("concatenate: need at least one array to concatenate.");
  const ndim = shapeOf(vs[0]).length;
  if (ndim === 0) throw rangeError("concatenate: zero-dimensional arrays cannot be concatenated.");
  const axis = normalizeAxis("concatenate", options?.axis ?? 0, ndim);
  const first = shapeOf(vs[0]);
  for (const v of vs) {
    const s = shapeOf(v);
    if (s.length !== ndim || s.some((n, i) => i !== axis && n !== first[i])) {
      throw new ShapeError(
        `concatenate: shapes ${vs.map((w) => formatShape(shapeOf(w))).join(" and ")} do not match off axis ${axis}.`,
      );
    }
  }
  if (vs.length === 1) return vs[0] as ResultN;
  return bind(P.concatenate, vs, { axis }) as ResultN;
}

/** @internal Stacks values along a new axis. */
export function stackValues(fn: string, vs: readonly Value[], axis: number): Value {
  if (vs.length === 0) throw rangeError(`${fn}: need at least one array to stack.`);
  const shape = shapeOf(vs[0]);
  for (let i = 1; i < vs.length; i++) {
    if (!sameShape(shapeOf(vs[i]), shape)) {
      throw new ShapeError(
        `${fn}: all input arrays must have the same shape, got ${vs.map((w) => formatShape(shapeOf(w))).join(" and ")}.`,
      );
    }
  }
  const ax = normalizeAxis(fn, axis, shape.length + 1);
  return bind(P.stack, vs, { axis: ax });
}

/**
 * Joins same-shaped arrays along a new axis (default 0).
 * @example np.stack([np.array([1, 2]), np.array([3, 4])]).shape; // [2, 2]
 */
export function stack(arrays: readonly Operand[], options?: { axis?: number }): ResultN {
  checkOptions("stack", options, ["axis"]);
  // A loop, not map: see the stack primitive's rules.
  const vs = new Array<Value>(arrays.length);
  for (let i = 0; i < arrays.length; i++) vs[i] = toValue("stack", arrays[i]);
  return stackValues("stack", vs, options?.axis ?? 0) as ResultN;
}

/**
 * Joins along the second axis (the first for 1-D arrays).
 * @example np.hstack([np.array([1]), np.array([2])]); // array([1., 2.])
 */
export function hstack(arrays: readonly Operand[]): ResultN {
  const vs = arrays.map((a) => atLeast1d(toValue("hstack", a)));
  return concatenate(vs, { axis: shapeOf(vs[0]).length === 1 ? 0 : 1 });
}

/**
 * Joins along the first axis, 1-D arrays as rows.
 * @example np.vstack([np.array([1, 2]), np.array([3, 4])]).shape; // [2, 2]
 */
export function vstack(arrays: readonly Operand[]): ResultN {
  const vs = arrays.map((a) => {
    const v = atLeast1d(toValue("vstack", a));
    return shapeOf(v).length === 1 ? expandDims(v, 0) : v;
  });
  return concatenate(vs, { axis: 0 });
}

function atLeast1d(v: Value): Value {
  return shapeOf(v).length === 0 ? reshape(v, [1]) : v;
}

/**
 * Reverses the order of elements along `axis` (all axes by default).
 * @example np.flip(np.array([1, 2, 3])); // array([3., 2., 1.])
 */
export function flip<A extends Operand>(
  x: A,
  options?: { axis?: number | readonly number[] },
): Result<A> {
  checkOptions("flip", options, ["axis"]);
  const v = toValue("flip", x);
  const n = shapeOf(v).length;
  const axes = normalizeAxes("flip", options?.axis, n);
  return slice(
    v,
    ...Array.from({ length: n }, (_, i) => (axes.includes(i) ? "::-1" : ":")),
  ) as Result<A>;
}

/**
 * A copy converted to `dtype`; differentiable between float dtypes.
 * @example np.astype(np.array([1.5]), "float32").dtype; // "float32"
 */
export function astype<A extends Operand>(x: A, dtype: DType): Result<A> {
  const v = toValue("astype", x);
  if (dtypeOf(v) === dtype && typeof v !== "number") return v as Result<A>;
  return bind(P.convert, [v], { dtype }) as Result<A>;
}

/**
 * Pads with zeros (numpy's `pad` in its default "constant" mode with constant 0): `padWidth`
 * is one `[before, after]` pair per axis, a single pair for every axis, or one number.
 * @example np.pad(np.array([1, 2]), [[1, 2]]); // array([0., 1., 2., 0., 0.])
 */
export function pad<A extends Operand>(
  x: A,
  padWidth: number | readonly number[] | readonly (readonly number[])[],
): Result<A> {
  let v = toValue("pad", x);
  const ndim = shapeOf(v).length;
  const pairs: (readonly number[])[] =
    typeof padWidth === "number"
      ? new Array(ndim).fill([padWidth, padWidth])
      : typeof padWidth[0] === "number"
        ? new Array(ndim).fill(padWidth as readonly number[])
        : [...(padWidth as readonly (readonly number[])[])];
  if (pairs.length === 1 && ndim > 1) pairs.push(...new Array(ndim - 1).fill(pairs[0]));
  if (pairs.length !== ndim)
    throw rangeError(`pad: expected ${ndim} [before, after] pairs, got ${pairs.length}.`);
  pairs.forEach((p, axis) => {
    const [before, after] = p.length === 1 ? [p[0], p[0]] : p;
    if (!Number.isInteger(before) || !Number.isInteger(after) || before < 0 || after < 0) {
      throw rangeError(`pad: pad widths must be non-negative integers, got ${JSON.stringify(p)}.`);
    }
    v = pad1(v, axis, before, after);
  });
  return v as Result<A>;
}
