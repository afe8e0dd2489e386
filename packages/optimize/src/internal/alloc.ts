// Per-iteration vectors (trial points, gradients, the copies of x handed to the user) come from
// shared 64 KiB slabs: V8 gives every typed array above 64 bytes its own off-heap backing store,
// which costs about 0.5 µs, more than a whole evaluation of a small objective. A slab lives while
// any of its vectors does and is never reused, so vectors start zeroed and never alias.

const SLAB_BYTES = 1 << 16;
const SMALL_BYTES = 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** A new zero-filled Float64Array of length n. */
export function f64(n: number): Float64Array {
  const bytes = n * 8;
  // Even tiny vectors come from the slab: V8 keeps typed arrays up to 64 bytes on its heap, but
  // the first subarray() of one (NDArray.toTypedArray in the user's function) moves it off-heap
  // at several times the cost of a slab view.
  if (bytes === 0 || bytes > SMALL_BYTES) return new Float64Array(n);
  if (used + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const out = new Float64Array(slab, used, n);
  used += bytes;
  return out;
}

/** A new Float64Array holding a copy of `a`. */
export function copyF64(a: ArrayLike<number>): Float64Array {
  const n = a.length;
  const out = f64(n);
  for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
}
