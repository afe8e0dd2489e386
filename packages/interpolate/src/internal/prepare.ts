// scipy's prepare_input for the cubic interpolants: validated x, and y (and dydx) as rows.
import { type ArrayLike, NDArray, rangeError, ShapeError, sameShape } from "@nabla/ndarray";
import {
  allFinite,
  firstNonFinite,
  firstNotIncreasing,
  flatView,
  increasingFinite,
  ownValues,
  pyShape,
  type Rows,
  toArray,
  toRows,
} from "./input.js";

export interface Prepared {
  x: Float64Array;
  y: Rows;
  dydx?: Rows;
}

export function prepareInput(
  fn: string,
  x: ArrayLike,
  y: ArrayLike,
  axis: number,
  dydx?: ArrayLike,
): Prepared {
  const xf = flatView(x);
  const xa = xf ? new NDArray(xf.data, [xf.data.length]) : toArray(fn, "x", x);
  const rows = toRows(fn, y, axis, false);
  let d: Rows | undefined;
  if (dydx !== undefined) {
    const da = toArray(fn, "dydx", dydx);
    const ya = toArray(fn, "y", y);
    if (ya.ndim === 0)
      throw rangeError(`${fn}: the y array must have at least one dimension, got a scalar.`);
    if (!sameShape(da.shape, ya.shape)) {
      throw new ShapeError(
        `${fn}: The shapes of \`y\` and \`dydx\` must be identical; got ${pyShape(ya.shape)} and ${pyShape(da.shape)}.`,
      );
    }
    d = toRows(fn, da, axis, false);
  }
  if (xa.ndim !== 1)
    throw rangeError(`${fn}: \`x\` must be 1-dimensional, got shape ${pyShape(xa.shape)}.`);
  const n = xa.size;
  if (n < 2) throw rangeError(`${fn}: \`x\` must contain at least 2 elements, got ${n}.`);
  if (n !== rows.n) {
    throw new ShapeError(
      `${fn}: The length of \`y\` along \`axis\`=${rows.axis} doesn't match the length of \`x\` (${rows.n} != ${n}).`,
    );
  }
  const xs = ownValues(xf, xa);
  if (increasingFinite(xs) && allFinite(rows.data) && (!d || allFinite(d.data)))
    return { x: xs, y: rows, dydx: d };
  // something is wrong: find the first error, in scipy's order
  let i = firstNonFinite(xs);
  if (i >= 0)
    throw rangeError(`${fn}: \`x\` must contain only finite values, got x[${i}] = ${xs[i]}.`);
  i = firstNonFinite(rows.data);
  if (i >= 0)
    throw rangeError(`${fn}: \`y\` must contain only finite values, got ${rows.data[i]}.`);
  if (d) {
    i = firstNonFinite(d.data);
    if (i >= 0)
      throw rangeError(`${fn}: \`dydx\` must contain only finite values, got ${d.data[i]}.`);
  }
  i = firstNotIncreasing(xs);
  throw rangeError(
    `${fn}: \`x\` must be strictly increasing sequence; x[${i - 1}] = ${xs[i - 1]} and x[${i}] = ${xs[i]}. Sort x (and y with it) first.`,
  );
}

/** Coefficients of the cubic Hermite pieces through (x, y) with slopes s, interval-major. */
export function hermiteCoefficients(
  x: Float64Array,
  y: Float64Array,
  s: Float64Array,
  r: number,
): Float64Array {
  const m = x.length - 1;
  const cf = new Float64Array(m * 4 * r);
  for (let i = 0; i < m; i++) {
    const dx = x[i + 1] - x[i];
    for (let j = 0; j < r; j++) {
      const y0 = y[i * r + j];
      const s0 = s[i * r + j];
      const slope = (y[(i + 1) * r + j] - y0) / dx;
      const t = (s0 + s[(i + 1) * r + j] - 2 * slope) / dx;
      const base = i * 4 * r + j;
      cf[base] = t / dx;
      cf[base + r] = (slope - s0) / dx - t;
      cf[base + 2 * r] = s0;
      cf[base + 3 * r] = y0;
    }
  }
  return cf;
}
