import { ShapeError } from "../errors.js";
import { viewFloat64 } from "../linalg/stack.js";
import type { NDArray } from "../ndarray.js";

/** A polynomial's coefficients (highest power first) as float64; `p` must be 0-d or 1-D. */
export function coefficients(fn: string, p: NDArray): Float64Array {
  if (p.ndim > 1) {
    throw new ShapeError(
      `${fn}: the coefficients must be a 1-D array (highest power first), got shape [${p.shape.join(",")}].`,
    );
  }
  return viewFloat64(p);
}
