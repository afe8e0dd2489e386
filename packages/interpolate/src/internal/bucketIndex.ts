// A lookup table that turns a random-access interval search into O(1) work: the range
// [x[0], x[nx-1]) is cut into equal buckets, each remembering the interval its left edge falls in.
// A query then starts at its bucket's interval and walks at most a few breakpoints, instead of a
// binary search whose ~log2(n) probes each miss the cache on large data.

export interface BucketIndex {
  start: Int32Array;
  scale: number;
}

/** Largest number of breakpoints a bucket may hold; denser clusters fall back to binary search. */
const MAX_WALK = 16;

/**
 * Builds the table for ascending breakpoints `x[0..nx-1]`, or returns null when it would not help
 * (few breakpoints, or breakpoints so clustered that a bucket holds more than MAX_WALK of them).
 */
export function buildBucketIndex(x: Float64Array, nx: number): BucketIndex | null {
  if (nx < 8) return null;
  const a = x[0];
  const b = x[nx - 1];
  if (!(b > a) || !Number.isFinite(b - a)) return null;
  // small tables get several buckets per interval, so that a query rarely has to walk at all
  const nb = Math.max(nx, Math.min(8 * nx, 8192));
  const scale = nb / (b - a);
  if (!Number.isFinite(scale)) return null;
  const start = new Int32Array(nb + 1);
  let i = 0;
  let prev = 0;
  for (let j = 0; j <= nb; j++) {
    const edge = a + j / scale;
    while (i < nx - 2 && x[i + 1] <= edge) i++;
    start[j] = i;
    if (i - prev > MAX_WALK) return null;
    prev = i;
  }
  return { start, scale };
}
