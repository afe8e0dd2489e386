import type { NDArray } from "./ndarray.js";

/** numpy's `repr` of an array. */
export function repr(a: NDArray): string {
  return `array(${JSON.stringify(a.toArray())})`;
}
