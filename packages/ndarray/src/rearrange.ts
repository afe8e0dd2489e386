import { toNDArray } from "./creation.js";
import { allocate } from "./dtype.js";
import { rangeError, typeError } from "./errors.js";
import { take } from "./indexing.js";
import { assign } from "./internal/assign.js";
import { checkOptions, normalizeAxes, normalizeAxis, sizeOf } from "./internal/shape.js";
import { concatenate } from "./join.js";
import { type ArrayLike, NDArray, type SliceSpec } from "./ndarray.js";

/**
 * Reverses the order of elements along `axis` (all axes by default), as a view with negative
 * strides (numpy's `flip`).
 * @example
 * flip([1, 2, 3]);                       // array([3., 2., 1.])
 * flip([[1, 2], [3, 4]], { axis: 1 });   // array([[2., 1.], [4., 3.]])
 */
export function flip(
  m: ArrayLike,
  options?: { axis?: number | readonly number[] | null },
): NDArray {
  checkOptions("flip", options, ["axis"]);
  const x = toNDArray("flip", m);
  const axes = normalizeAxes("flip", options?.axis, x.ndim);
  const specs: SliceSpec[] = x.shape.map((_, i) => (axes.includes(i) ? "::-1" : ":"));
  return x.slice(...specs);
}

function intList(fn: string, name: string, v: number | readonly number[]): number[] {
  const list = typeof v === "number" ? [v] : [...v];
  for (const k of list) {
    if (!Number.isInteger(k)) throw typeError(`${fn}: ${name} must be integers, got ${k}.`);
  }
  return list;
}

/**
 * Rolls elements along `axis` by `shift` (elements pushed off the end come back at the start);
 * without `axis` the flattened array is rolled and the shape restored (numpy's `roll`). Several
 * shifts and axes may be given as lists of the same length.
 * @example
 * roll([1, 2, 3, 4], 1);                        // array([4., 1., 2., 3.])
 * roll([[1, 2], [3, 4]], -1, { axis: 1 });      // array([[2., 1.], [4., 3.]])
 */
export function roll(
  a: ArrayLike,
  shift: number | readonly number[],
  options?: { axis?: number | readonly number[] | null },
): NDArray {
  checkOptions("roll", options, ["axis"]);
  const x = toNDArray("roll", a);
  const shifts = intList("roll", "shift", shift);
  const axisOpt = options?.axis;
  if (axisOpt === undefined || axisOpt === null) {
    if (shifts.length !== 1) throw rangeError("roll: several shifts need the same number of axes.");
    return roll(x.ravel(), shifts[0], { axis: 0 }).reshape(x.shape);
  }
  const axes = intList("roll", "axis", axisOpt).map((ax) => normalizeAxis("roll", ax, x.ndim));
  if (shifts.length !== axes.length && shifts.length !== 1 && axes.length !== 1) {
    throw rangeError(
      `roll: shift and axis must have the same length, got ${shifts.length} and ${axes.length}.`,
    );
  }
  const total = new Array<number>(x.ndim).fill(0);
  const count = Math.max(shifts.length, axes.length);
  for (let k = 0; k < count; k++)
    total[axes[axes.length === 1 ? 0 : k]] += shifts[shifts.length === 1 ? 0 : k];
  let out = x;
  total.forEach((s, ax) => {
    const n = x.shape[ax];
    if (n === 0 || s % n === 0) return;
    const k = ((s % n) + n) % n;
    const head: SliceSpec[] = x.shape.map(() => ":");
    const tail: SliceSpec[] = x.shape.map(() => ":");
    head[ax] = `${n - k}:`;
    tail[ax] = `:${n - k}`;
    out = concatenate([out.slice(...head), out.slice(...tail)], { axis: ax });
  });
  return out === x ? x.copy() : out;
}

/**
 * Repeats the whole array `reps` times along each axis (numpy's `tile`); the result has
 * `max(a.ndim, reps.length)` axes (length-1 axes are prepended to whichever is shorter).
 * @example
 * tile([1, 2], 2);            // array([1., 2., 1., 2.])
 * tile([1, 2], [2, 1]);       // array([[1., 2.], [1., 2.]])
 */
export function tile(a: ArrayLike, reps: number | readonly number[]): NDArray {
  const x = toNDArray("tile", a);
  const r = intList("tile", "reps", reps);
  for (const k of r) if (k < 0) throw rangeError(`tile: reps must be non-negative, got ${k}.`);
  const d = Math.max(x.ndim, r.length);
  const shape = [...new Array<number>(d - x.ndim).fill(1), ...x.shape];
  const rr = [...new Array<number>(d - r.length).fill(1), ...r];
  // View the output as interleaved (rep, original) axes and broadcast the input over the reps.
  const outShape = shape.map((n, i) => n * rr[i]);
  const out = new NDArray(allocate(x.dtype, sizeOf(outShape)), outShape);
  if (out.size === 0) return out;
  const pairs = shape.flatMap((n, i) => [rr[i], n]);
  const src = x.reshape(shape).reshape(shape.flatMap((n) => [1, n]));
  assign(out.reshape(pairs), src.broadcastTo(pairs));
  return out;
}

/**
 * Repeats each element `repeats` times along `axis` (numpy's `repeat`); without `axis` the
 * flattened array. `repeats` is one count or one count per element along the axis.
 * @example
 * repeat([1, 2], 2);                       // array([1., 1., 2., 2.])
 * repeat([[1, 2], [3, 4]], [1, 2], { axis: 0 }); // array([[1., 2.], [3., 4.], [3., 4.]])
 */
export function repeat(
  a: ArrayLike,
  repeats: number | readonly number[],
  options?: { axis?: number | null },
): NDArray {
  checkOptions("repeat", options, ["axis"]);
  let x = toNDArray("repeat", a);
  const axisOpt = options?.axis;
  if (axisOpt === undefined || axisOpt === null) x = x.ravel();
  const axis = normalizeAxis("repeat", axisOpt ?? 0, x.ndim);
  const n = x.shape[axis];
  const r = intList("repeat", "repeats", repeats);
  if (r.length !== 1 && r.length !== n) {
    throw rangeError(
      `repeat: repeats has ${r.length} counts but axis ${axis} has length ${n}; give one count or one per element.`,
    );
  }
  const picks: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = r.length === 1 ? r[0] : r[i];
    if (k < 0) throw rangeError(`repeat: repeats may not contain negative values, got ${k}.`);
    for (let j = 0; j < k; j++) picks.push(i);
  }
  return take(x, picks, { axis });
}
