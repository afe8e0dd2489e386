import { toNDArray } from "./creation.js";
import { rangeError, ShapeError, typeError } from "./errors.js";
import { checkOptions, normalizeAxes, sizeOf } from "./internal/shape.js";
import { viewFloat64 } from "./linalg/stack.js";
import { type ArrayLike, NDArray } from "./ndarray.js";

/** Options of `gradient`: numpy's keyword arguments, camelCased. */
export interface GradientOptions {
  /** Accuracy of the one-sided differences at the two ends: 1 (default) or 2. */
  edgeOrder?: number;
  /** The axis or axes to differentiate along (default all); negative counts from the end. */
  axis?: number | readonly number[] | null;
}

function isOptions(v: unknown): v is GradientOptions {
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof NDArray) return false;
  return !ArrayBuffer.isView(v);
}

/**
 * The gradient of sampled data, numpy's `gradient`: second-order central differences inside and
 * first- or second-order one-sided differences at the ends (`edgeOrder`). Spacing is given after
 * `f`: nothing (unit spacing), one scalar for every axis, or one item per differentiated axis,
 * each a scalar step or a 1-D array of coordinates (non-uniform spacing allowed). Returns one
 * array when a single axis is differentiated, else one array per axis (an empty list for a 0-d
 * input). Coefficients are evaluated exactly as numpy writes them, so results agree to the bit.
 *
 * @example
 * gradient([1, 2, 4, 7, 11, 16]);               // array([1. , 1.5, 2.5, 3.5, 4.5, 5. ])
 * gradient([1, 2, 4, 7, 11, 16], 2);            // array([0.5 , 0.75, 1.25, 1.75, 2.25, 2.5 ])
 * const x = [0, 1, 1.5, 3.5, 4, 6];
 * gradient([1, 2, 4, 7, 11, 16], x, { edgeOrder: 2 }); // non-uniform coordinates
 * const [gy, gx] = gradient([[1, 2, 6], [3, 4, 5]]) as NDArray[]; // one array per axis
 */
export function gradient(
  f: ArrayLike,
  ...args: (ArrayLike | GradientOptions)[]
): NDArray | NDArray[] {
  const last = args[args.length - 1];
  const options = args.length > 0 && isOptions(last) ? (args.pop() as GradientOptions) : undefined;
  checkOptions("gradient", options, ["edgeOrder", "axis"]);
  const spacing = args as ArrayLike[];
  const F = toNDArray("gradient", f);
  const nd = F.ndim;
  const axes = normalizeAxes("gradient", options?.axis ?? null, nd);
  const edgeOrder = options?.edgeOrder ?? 1;

  // One entry per axis: a scalar step, or the coordinates (non-uniform).
  const steps: (number | Float64Array)[] = [];
  if (spacing.length === 0) for (const _ of axes) steps.push(1);
  else if (spacing.length === 1 && isScalar(spacing[0])) {
    const h = scalarOf(spacing[0]);
    for (const _ of axes) steps.push(h);
  } else if (spacing.length === axes.length) {
    spacing.forEach((s, i) => {
      steps.push(readSpacing(s, F.shape[axes[i]]));
    });
  } else {
    throw typeError(
      `gradient: invalid number of arguments: got ${spacing.length} spacing arguments for ${axes.length} axes; pass none, one scalar, or one scalar or coordinate array per axis.`,
    );
  }
  if (edgeOrder !== 1 && edgeOrder !== 2) {
    throw rangeError(`gradient: edgeOrder must be 1 or 2, got ${edgeOrder}.`);
  }

  const data = viewFloat64(F);
  const outs = axes.map((axis, i) => {
    const len = F.shape[axis];
    if (len < edgeOrder + 1) {
      throw rangeError(
        `gradient: Shape of array too small to calculate a numerical gradient, at least (edgeOrder + 1) = ${edgeOrder + 1} elements are required along axis ${axis}, got ${len}.`,
      );
    }
    const post = sizeOf(F.shape.slice(axis + 1));
    const pre = sizeOf(F.shape.slice(0, axis));
    const out = new Float64Array(F.size);
    const step = steps[i];
    for (let b = 0; b < pre; b++) {
      const o = b * len * post;
      if (typeof step === "number") uniform(data, out, o, len, post, step, edgeOrder);
      else if (post === 1) nonUniform1d(data, out, o, len, step, edgeOrder);
      else nonUniform(data, out, o, len, post, step, edgeOrder);
    }
    const result = new NDArray(out, F.shape);
    return F.dtype === "float32" ? result.astype("float32") : result;
  });
  return axes.length === 1 ? outs[0] : outs;
}

function isScalar(v: ArrayLike): boolean {
  return typeof v === "number" || (v instanceof NDArray && v.ndim === 0);
}

function scalarOf(v: ArrayLike): number {
  return typeof v === "number" ? v : (v as NDArray).item();
}

/**
 * A scalar step, or the coordinates themselves. Like numpy, coordinates whose differences are
 * all equal collapse to that scalar step (the uniform formulas); the scan stops at the first
 * unequal difference, so non-uniform data costs nothing extra.
 */
function readSpacing(s: ArrayLike, len: number): number | Float64Array {
  const x = toNDArray("gradient", s);
  if (x.ndim === 0) return x.item();
  if (x.ndim !== 1) {
    throw new ShapeError(
      `gradient: distances must be either scalars or 1d, got a ${x.ndim}-d array.`,
    );
  }
  if (x.shape[0] !== len) {
    throw new ShapeError(
      `gradient: when 1d, distances must match the length of the corresponding dimension (${len}), got ${x.shape[0]}.`,
    );
  }
  const c = viewFloat64(x);
  if (len < 2) return c;
  const d0 = c[1] - c[0];
  for (let i = 2; i < len; i++) if (c[i] - c[i - 1] !== d0) return c;
  return d0;
}

/** Uniform step h along an axis of length len whose neighbours are `post` apart. */
function uniform(
  f: Float64Array,
  out: Float64Array,
  o: number,
  len: number,
  post: number,
  h: number,
  edgeOrder: number,
): void {
  const h2 = 2 * h;
  for (let i = 1; i < len - 1; i++) {
    const r = o + i * post;
    for (let j = 0; j < post; j++) out[r + j] = (f[r + post + j] - f[r - post + j]) / h2;
  }
  const l = o + (len - 1) * post;
  if (edgeOrder === 1) {
    for (let j = 0; j < post; j++) {
      out[o + j] = (f[o + post + j] - f[o + j]) / h;
      out[l + j] = (f[l + j] - f[l - post + j]) / h;
    }
    return;
  }
  const a0 = -1.5 / h;
  const b0 = 2 / h;
  const c0 = -0.5 / h;
  const a1 = 0.5 / h;
  const b1 = -2 / h;
  const c1 = 1.5 / h;
  for (let j = 0; j < post; j++) {
    out[o + j] = a0 * f[o + j] + b0 * f[o + post + j] + c0 * f[o + 2 * post + j];
    out[l + j] = a1 * f[l - 2 * post + j] + b1 * f[l - post + j] + c1 * f[l + j];
  }
}

/** Non-uniform differences along a contiguous axis: one fused pass over f and x, no temporaries. */
function nonUniform1d(
  f: Float64Array,
  out: Float64Array,
  o: number,
  len: number,
  x: Float64Array,
  edgeOrder: number,
): void {
  let fPrev = f[o];
  let fCur = f[o + 1];
  let xCur = x[1];
  let dx1 = xCur - x[0];
  for (let i = 1; i < len - 1; i++) {
    const xNext = x[i + 1];
    const dx2 = xNext - xCur;
    const fNext = f[o + i + 1];
    const a = -dx2 / (dx1 * (dx1 + dx2));
    const b = (dx2 - dx1) / (dx1 * dx2);
    const c = dx1 / (dx2 * (dx1 + dx2));
    out[o + i] = a * fPrev + b * fCur + c * fNext;
    fPrev = fCur;
    fCur = fNext;
    xCur = xNext;
    dx1 = dx2;
  }
  edges(f, out, o, len, 1, x, edgeOrder);
}

function nonUniform(
  f: Float64Array,
  out: Float64Array,
  o: number,
  len: number,
  post: number,
  x: Float64Array,
  edgeOrder: number,
): void {
  for (let i = 1; i < len - 1; i++) {
    const dx1 = x[i] - x[i - 1];
    const dx2 = x[i + 1] - x[i];
    const a = -dx2 / (dx1 * (dx1 + dx2));
    const b = (dx2 - dx1) / (dx1 * dx2);
    const c = dx1 / (dx2 * (dx1 + dx2));
    const r = o + i * post;
    for (let j = 0; j < post; j++) {
      out[r + j] = a * f[r - post + j] + b * f[r + j] + c * f[r + post + j];
    }
  }
  edges(f, out, o, len, post, x, edgeOrder);
}

/** The two one-sided ends for non-uniform coordinates x. */
function edges(
  f: Float64Array,
  out: Float64Array,
  o: number,
  len: number,
  post: number,
  x: Float64Array,
  edgeOrder: number,
): void {
  const l = o + (len - 1) * post;
  if (edgeOrder === 1) {
    const d0 = x[1] - x[0];
    const dn = x[len - 1] - x[len - 2];
    for (let j = 0; j < post; j++) {
      out[o + j] = (f[o + post + j] - f[o + j]) / d0;
      out[l + j] = (f[l + j] - f[l - post + j]) / dn;
    }
    return;
  }
  let dx1 = x[1] - x[0];
  let dx2 = x[2] - x[1];
  const a0 = -(2 * dx1 + dx2) / (dx1 * (dx1 + dx2));
  const b0 = (dx1 + dx2) / (dx1 * dx2);
  const c0 = -dx1 / (dx2 * (dx1 + dx2));
  dx1 = x[len - 2] - x[len - 3];
  dx2 = x[len - 1] - x[len - 2];
  const a1 = dx2 / (dx1 * (dx1 + dx2));
  const b1 = -(dx2 + dx1) / (dx1 * dx2);
  const c1 = (2 * dx2 + dx1) / (dx2 * (dx1 + dx2));
  for (let j = 0; j < post; j++) {
    out[o + j] = a0 * f[o + j] + b0 * f[o + post + j] + c0 * f[o + 2 * post + j];
    out[l + j] = a1 * f[l - 2 * post + j] + b1 * f[l - post + j] + c1 * f[l + j];
  }
}
