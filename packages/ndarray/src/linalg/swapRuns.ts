/** Swaps the `n` elements of `a` from `p` with the `n` from `q` (two rows of a row-major matrix). */
export function swapRuns(a: Float64Array, p: number, q: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const t = a[p + i];
    a[p + i] = a[q + i];
    a[q + i] = t;
  }
}
