// The first and last rows of the cubic spline's slope system, one place for every build: the
// two-sweep builds (splineBuild.ts) and the general, pivoting path (splineSlopes.ts). scipy writes
// the not-a-knot rows as [dx1, x2 - x0] and [x[-1] - x[-3], dx[-2]], so every condition but
// "periodic" (a cyclic system, handled apart) keeps the system tridiagonal.

/** @internal a validated end condition */
export type EndBC = "not-a-knot" | "periodic" | { order: 1 | 2; value: Float64Array };

/** An end condition that gives one row of the tridiagonal system. */
export type RowBC = Exclude<EndBC, "periodic">;

/** The matrix entries of an end row: on the diagonal, and beside it (column 1, or column n-2). */
export interface EndRow {
  diag: number;
  beside: number;
}

/** The matrix entries of row 0 (`atEnd` false) or row n-1 (`atEnd` true), for n >= 2 points. */
export function endRow(bc: RowBC, x: Float64Array, atEnd: boolean): EndRow {
  const e = x.length - 1;
  if (bc === "not-a-knot") {
    return atEnd
      ? { diag: x[e - 1] - x[e - 2], beside: x[e] - x[e - 2] }
      : { diag: x[2] - x[1], beside: x[2] - x[0] };
  }
  if (bc.order === 1) return { diag: 1, beside: 0 };
  const h = atEnd ? x[e] - x[e - 1] : x[1] - x[0];
  return { diag: 2 * h, beside: h };
}

/**
 * The right-hand side of row 0 or row n-1 for column `j` of `y` (n rows of r). The secant slopes
 * it needs are recomputed, as `(y[i+1] - y[i]) / (x[i+1] - x[i])`, the same doubles the builds use.
 */
export function endRhs(
  bc: RowBC,
  x: Float64Array,
  y: Float64Array,
  r: number,
  j: number,
  atEnd: boolean,
): number {
  const e = x.length - 1;
  if (bc === "not-a-knot") {
    if (atEnd) {
      const h = x[e] - x[e - 1];
      const h2 = x[e - 1] - x[e - 2];
      const span = x[e] - x[e - 2];
      const m1 = (y[e * r + j] - y[(e - 1) * r + j]) / h;
      const m2 = (y[(e - 1) * r + j] - y[(e - 2) * r + j]) / h2;
      return (h * h * m2 + (2 * span + h) * h2 * m1) / span;
    }
    const h0 = x[1] - x[0];
    const h1 = x[2] - x[1];
    const span = x[2] - x[0];
    const m0 = (y[r + j] - y[j]) / h0;
    const m1 = (y[2 * r + j] - y[r + j]) / h1;
    return ((h0 + 2 * span) * h1 * m0 + h0 * h0 * m1) / span;
  }
  if (bc.order === 1) return bc.value[j];
  if (atEnd) {
    const h = x[e] - x[e - 1];
    return 0.5 * bc.value[j] * h * h + 3 * (y[e * r + j] - y[(e - 1) * r + j]);
  }
  const h = x[1] - x[0];
  return -0.5 * bc.value[j] * h * h + 3 * (y[r + j] - y[j]);
}
