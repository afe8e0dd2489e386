import { allocate } from "@nabla/ndarray";

// Per-iteration vectors (trial points, gradients, the copies of x handed to the user) come from
// ndarray's allocate, whose small arrays are views into shared slabs rather than separate
// allocations (see CONTRIBUTING's performance notes). Slabs are never reused, so vectors start
// zeroed and never alias.

/** A new zero-filled Float64Array of length n. */
export function f64(n: number): Float64Array {
  return allocate("float64", n);
}

/** A new Float64Array holding a copy of `a`. */
export function copyF64(a: ArrayLike<number>): Float64Array {
  const n = a.length;
  const out = f64(n);
  if (a instanceof Float64Array) out.set(a);
  else for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
}
