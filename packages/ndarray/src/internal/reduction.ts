import type { TypedArray } from "../dtype.js";
import type { NDArray } from "../ndarray.js";
import { forEachRow } from "./iterate.js";
import { pairwiseSum } from "./pairwise.js";
import type { Shape } from "./shape.js";

/**
 * One reduction (sum, prod, max, ...), written as two explicit loops so that each stays
 * monomorphic: `row` folds a strided row into one accumulator (numpy's inner loop: the sum adds
 * the row's pairwise sum, the product multiplies element by element), `rows` folds a row elementwise into a row of accumulators (numpy's way for a
 * non-last axis: whole rows are added into the output row).
 */
export interface Reducer {
  readonly init: number;
  row(acc: number, d: TypedArray, o: number, n: number, s: number): number;
  rows(
    acc: Float64Array,
    ao: number,
    as: number,
    d: TypedArray,
    o: number,
    s: number,
    n: number,
  ): void;
}

/**
 * Reduces `a` over the sorted, unique `axes`, returning the accumulators in a contiguous
 * Float64Array laid out over the kept axes (row-major). Axes are visited in memory order (as
 * numpy's iterator does), so a contiguous trailing block is one pairwise row.
 */
export function reduceAxes(a: NDArray, axes: readonly number[], r: Reducer): Float64Array {
  const ndim = a.ndim;
  const reduced = new Array<boolean>(ndim).fill(false);
  for (const ax of axes) reduced[ax] = true;
  let keptSize = 1;
  for (let i = 0; i < ndim; i++) if (!reduced[i]) keptSize *= a.shape[i];
  const acc = new Float64Array(keptSize);
  if (r.init !== 0) acc.fill(r.init);
  const accStrides = new Array<number>(ndim).fill(0);
  let stride = 1;
  for (let i = ndim - 1; i >= 0; i--) {
    if (reduced[i]) continue;
    accStrides[i] = stride;
    stride *= a.shape[i];
  }
  if (
    r === sumReducer &&
    keptSize > 1 &&
    a.data instanceof Float64Array &&
    a.isContiguous &&
    leading(reduced)
  ) {
    sumLeadingF64(a.data, a.offset, a.size / keptSize, keptSize, acc);
    return acc;
  }
  const order = memoryOrder(a.shape, a.strides);
  const shape = order.map((i) => a.shape[i]);
  const aStrides = order.map((i) => a.strides[i]);
  const oStrides = order.map((i) => accStrides[i]);
  const d = a.data;
  forEachRow(shape, [aStrides, oStrides], [a.offset, 0], (pos, n, inner) => {
    if (inner[1] === 0) acc[pos[1]] = r.row(acc[pos[1]], d, pos[0], n, inner[0]);
    else r.rows(acc, pos[1], inner[1], d, pos[0], inner[0], n);
  });
  return acc;
}

/** True if the reduced axes are exactly the first k axes (k >= 1). */
function leading(reduced: readonly boolean[]): boolean {
  let k = 0;
  while (k < reduced.length && reduced[k]) k++;
  if (k === 0) return false;
  for (let i = k; i < reduced.length; i++) if (reduced[i]) return false;
  return true;
}

/**
 * Sums the `rows` contiguous rows of length `cols` into `acc`, as numpy does (a running sum of
 * rows), four rows per pass: `acc[i] + r0[i] + r1[i] + r2[i] + r3[i]` is evaluated left to right,
 * so the result is bit-identical to one row at a time with a quarter of the accumulator traffic.
 */
function sumLeadingF64(
  d: Float64Array,
  o: number,
  rows: number,
  cols: number,
  acc: Float64Array,
): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const p0 = o + r * cols;
    const p1 = p0 + cols;
    const p2 = p1 + cols;
    const p3 = p2 + cols;
    for (let i = 0; i < cols; i++) acc[i] = acc[i] + d[p0 + i] + d[p1 + i] + d[p2 + i] + d[p3 + i];
  }
  for (; r < rows; r++) {
    const p0 = o + r * cols;
    for (let i = 0; i < cols; i++) acc[i] += d[p0 + i];
  }
}

/** Axes sorted by decreasing |stride| (stable), numpy's iteration order for reductions. */
function memoryOrder(shape: Shape, strides: Shape): number[] {
  const order = shape.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < order.length; i++) {
    if (shape[i] > 1 && shape[i - 1] > 1 && Math.abs(strides[i]) > Math.abs(strides[i - 1]))
      sorted = false;
  }
  if (sorted) return order;
  return order.sort((x, y) => Math.abs(strides[y]) - Math.abs(strides[x]) || x - y);
}

export const sumReducer: Reducer = {
  init: 0,
  row: (acc, d, o, n, s) => acc + pairwiseSum(d, o, n, s),
  rows(acc, ao, as, d, o, s, n) {
    if (as === 1 && s === 1 && d instanceof Float64Array) addRowF64(acc, ao, d, o, n);
    else for (let i = 0; i < n; i++) acc[ao + i * as] += d[o + i * s];
  },
};

// Adding a contiguous float64 row into the output row is numpy's whole strategy for sums over
// leading axes; this monomorphic loop is the hot one there.
function addRowF64(acc: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) acc[ao + i] += d[o + i];
}

export const prodReducer: Reducer = {
  init: 1,
  row(acc, d, o, n, s) {
    for (let i = 0; i < n; i++) acc *= d[o + i * s];
    return acc;
  },
  rows(acc, ao, as, d, o, s, n) {
    for (let i = 0; i < n; i++) acc[ao + i * as] *= d[o + i * s];
  },
};

// max/min: NaN wins (numpy propagates NaN); once the accumulator is NaN it stays NaN.
export const maxReducer: Reducer = {
  init: Number.NEGATIVE_INFINITY,
  row(acc, d, o, n, s) {
    if (Number.isNaN(acc)) return acc;
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      // one comparison per element in the common case; NaN fails `<=` and is returned
      if (!(v <= acc)) {
        if (Number.isNaN(v)) return v;
        acc = v;
      }
    }
    return acc;
  },
  rows(acc, ao, as, d, o, s, n) {
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      const k = ao + i * as;
      if (v > acc[k] || Number.isNaN(v)) acc[k] = v;
    }
  },
};

export const minReducer: Reducer = {
  init: Number.POSITIVE_INFINITY,
  row(acc, d, o, n, s) {
    if (Number.isNaN(acc)) return acc;
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      if (!(v >= acc)) {
        if (Number.isNaN(v)) return v;
        acc = v;
      }
    }
    return acc;
  },
  rows(acc, ao, as, d, o, s, n) {
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      const k = ao + i * as;
      if (v < acc[k] || Number.isNaN(v)) acc[k] = v;
    }
  },
};

// any/all: truthiness is `!== 0`, so NaN counts as true (as in numpy).
export const anyReducer: Reducer = {
  init: 0,
  row(acc, d, o, n, s) {
    if (acc !== 0) return acc;
    for (let i = 0; i < n; i++) if (d[o + i * s] !== 0) return 1;
    return 0;
  },
  rows(acc, ao, as, d, o, s, n) {
    for (let i = 0; i < n; i++) if (d[o + i * s] !== 0) acc[ao + i * as] = 1;
  },
};

export const allReducer: Reducer = {
  init: 1,
  row(acc, d, o, n, s) {
    if (acc === 0) return acc;
    for (let i = 0; i < n; i++) if (d[o + i * s] === 0) return 0;
    return 1;
  },
  rows(acc, ao, as, d, o, s, n) {
    for (let i = 0; i < n; i++) if (d[o + i * s] === 0) acc[ao + i * as] = 0;
  },
};

/**
 * Calls `lane` once per 1-D lane along `axis`, with each operand's start offset in `starts`.
 * The operands all have `shape`; the caller knows their strides along `axis`.
 */
export function forEachLane(
  shape: Shape,
  axis: number,
  operands: readonly { readonly strides: Shape; readonly offset: number }[],
  lane: (starts: number[]) => void,
): void {
  const kept = shape.filter((_, i) => i !== axis);
  const strides = operands.map((op) => op.strides.filter((_, i) => i !== axis));
  forEachRow(
    kept,
    strides,
    operands.map((op) => op.offset),
    (pos, n, inner) => {
      const starts = [...pos];
      for (let i = 0; i < n; i++) {
        lane(starts);
        for (let j = 0; j < starts.length; j++) starts[j] += inner[j];
      }
    },
  );
}

// nanmax/nanmin (numpy's fmax/fmin reductions): NaN is skipped; an all-NaN lane stays NaN.
export const fmaxReducer: Reducer = {
  init: Number.NaN,
  row(acc, d, o, n, s) {
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      if (v > acc || (Number.isNaN(acc) && !Number.isNaN(v))) acc = v;
    }
    return acc;
  },
  rows(acc, ao, as, d, o, s, n) {
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      const k = ao + i * as;
      if (v > acc[k] || (Number.isNaN(acc[k]) && !Number.isNaN(v))) acc[k] = v;
    }
  },
};

export const fminReducer: Reducer = {
  init: Number.NaN,
  row(acc, d, o, n, s) {
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      if (v < acc || (Number.isNaN(acc) && !Number.isNaN(v))) acc = v;
    }
    return acc;
  },
  rows(acc, ao, as, d, o, s, n) {
    for (let i = 0; i < n; i++) {
      const v = d[o + i * s];
      const k = ao + i * as;
      if (v < acc[k] || (Number.isNaN(acc[k]) && !Number.isNaN(v))) acc[k] = v;
    }
  },
};
