import { rangeError, ShapeError } from "../errors.js";

/**
 * An array's shape: the length of each axis, outermost first (numpy's `a.shape`).
 * @example
 * const s: Shape = zeros([2, 3]).shape; // [2, 3]
 */
export type Shape = readonly number[];

/** Number of elements of an array of `shape` (1 for a 0-d shape). */
export function sizeOf(shape: Shape): number {
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i];
  return size;
}

/** Row-major (C order) strides, in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i];
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(",")}]`;
}

/**
 * numpy's broadcasting of several shapes; `fn` names the caller in the error.
 * @example
 * broadcastShapes("add", [2, 1], [3]); // [2, 3]
 */
export function broadcastShapes(fn: string, ...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const j = ndim - shape.length + i;
      const n = shape[i];
      if (n === out[j] || n === 1) continue;
      if (out[j] === 1) out[j] = n;
      else
        throw new ShapeError(
          `${fn}: shapes ${shapes.map(formatShape).join(" and ")} do not broadcast.`,
        );
    }
  }
  return out;
}

/**
 * Normalises a possibly negative axis against `ndim`, with numpy's AxisError message.
 * @example
 * normalizeAxis("sum", -1, 3); // 2
 */
export function normalizeAxis(fn: string, axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw rangeError(`${fn}: axis ${axis} is out of bounds for array of dimension ${ndim}.`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalises `axis` (undefined = all axes, a number or a list) to sorted unique axes. */
export function normalizeAxes(
  fn: string,
  axis: number | readonly number[] | null | undefined,
  ndim: number,
): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  const axes = list.map((a) => normalizeAxis(fn, a, ndim));
  if (new Set(axes).size !== axes.length)
    throw rangeError(`${fn}: repeated axis in ${JSON.stringify(list)}.`);
  return axes.sort((a, b) => a - b);
}

/**
 * Throws a RangeError if `options` has a key not in `allowed` (catches typos like `edge_order`).
 * @example
 * checkOptions("myFn", { tol: 1, maxiter: 5 }, ["tol"]);
 * // RangeError: myFn: unknown option "maxiter". Valid options: "tol".
 */
export function checkOptions(
  fn: string,
  options: object | undefined,
  allowed: readonly string[],
): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object")
    throw rangeError(`${fn}: options must be an object, got ${typeof options}.`);
  // Indexed, not for-of: every public function starts here, often before V8 optimizes it, and
  // for-of runs the iterator protocol until then.
  const keys = Object.keys(options);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!allowed.includes(key)) {
      throw rangeError(
        `${fn}: unknown option "${key}". Valid options: ${allowed.map((k) => `"${k}"`).join(", ")}.`,
      );
    }
  }
}
