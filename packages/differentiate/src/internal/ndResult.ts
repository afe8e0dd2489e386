import { NDArray } from "@nabla/ndarray";
import type { FlatEstimate } from "./extrapolate.js";

/**
 * numdifftools' `EstimateResult` (full output): the estimate, its error estimate, the step that
 * produced it and that step's index among the extrapolated candidates — each with the estimate's
 * shape (numbers for a scalar estimate).
 */
export interface EstimateResult<T = number | NDArray> {
  estimate: T;
  errorEstimate: T;
  finalStep: T;
  bestIndex: T;
}

/** Shapes a flat estimate: `shape === null` gives numbers. */
export function shapeEstimate(flat: FlatEstimate, shape: readonly number[] | null, full: boolean) {
  const as = (data: Float64Array | Int32Array): number | NDArray =>
    shape === null ? data[0] : new NDArray(data, shape);
  if (!full) return as(flat.value);
  const result: EstimateResult = {
    estimate: as(flat.value),
    errorEstimate: as(flat.error),
    finalStep: as(flat.finalStep),
    bestIndex: as(flat.index),
  };
  return result;
}
