// Per-iteration vectors (trial points, gradients, the copies of x handed to the user) are views
// into shared slabs: a separately allocated typed array costs more in V8 than a whole evaluation
// of a small objective. The slab is private and float64-only: ndarray's `allocate` serves every
// dtype, and once a process has used several (L-BFGS-B's int32 and bool work arrays, any
// NDArray code) its constructor call goes megamorphic and costs several times more per vector.
// Slabs are never reused, so vectors start zeroed and never alias.

const SLAB_BYTES = 1 << 16;
const SMALL_BYTES = 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** A new zero-filled Float64Array of length n. */
export function f64(n: number): Float64Array {
  const bytes = n * 8;
  if (bytes > SMALL_BYTES || bytes === 0) return new Float64Array(n);
  // (a user may transfer the buffer of an x they were handed, which detaches the slab)
  if (slabUsed + bytes > SLAB_BYTES || slab.byteLength === 0) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = new Float64Array(slab, slabUsed, n);
  slabUsed += bytes;
  return out;
}

/** A new Float64Array holding a copy of `a`. */
export function copyF64(a: ArrayLike<number>): Float64Array {
  const n = a.length;
  const out = f64(n);
  if (a instanceof Float64Array) out.set(a);
  else for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
}
