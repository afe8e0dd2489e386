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
  // up to 64 bytes V8 keeps typed arrays on its heap, which is cheaper still
  if (bytes <= 64 || bytes > SMALL_BYTES) return new Float64Array(n);
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
