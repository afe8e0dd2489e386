// One reusable block for the temporaries of a build (secant slopes, band matrices, right-hand
// sides). Fresh multi-megabyte typed arrays are costly in V8 (every page is faulted in and zeroed
// again, and their release forces garbage collections), so temporaries that do not outlive the
// call share this block. Results handed to the caller are always fresh arrays.

/** Temporaries up to this many doubles (16 MiB) are pooled; larger ones are allocated per call. */
const MAX_POOLED = 1 << 21;
let pool = new Float64Array(0);
let inUse = false;

/**
 * Runs `body` with a scratch block of at least `n` doubles (contents undefined). Builds are
 * synchronous and do not nest, but a nested call gets a fresh block rather than a shared one.
 */
export function withScratch<T>(n: number, body: (block: Float64Array) => T): T {
  if (inUse || n > MAX_POOLED) return body(new Float64Array(n));
  if (pool.length < n) pool = new Float64Array(Math.max(n, Math.min(MAX_POOLED, pool.length * 2)));
  inUse = true;
  try {
    return body(pool);
  } finally {
    inUse = false;
  }
}
