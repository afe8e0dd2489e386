const cache = new Map<number, { x: Float64Array; w: Float64Array }>();

/**
 * Gauss-Legendre nodes (ascending) and weights of order n on [-1, 1]: Newton's method on the
 * three-term recurrence from Tricomi's initial guesses, symmetric by construction (scipy's
 * roots_legendre agrees to an ulp or two).
 */
export function legendre(n: number): { x: Float64Array; w: Float64Array } {
  const hit = cache.get(n);
  if (hit) return hit;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // P_n(z) and P_n'(z) by the recurrence (k+1) P_{k+1} = (2k+1) z P_k - k P_{k-1}.
      let p0 = 1;
      let p1 = z;
      for (let k = 1; k < n; k++) {
        const p2 = ((2 * k + 1) * z * p1 - k * p0) / (k + 1);
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 0 ? 1 : p1;
      const pm = n === 0 ? 0 : p0;
      dp = (n * (z * pn - pm)) / (z * z - 1);
      const step = pn / dp;
      z -= step;
      if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(z))) break;
    }
    // Recompute the derivative at the converged node for the weight.
    let p0 = 1;
    let p1 = z;
    for (let k = 1; k < n; k++) {
      const p2 = ((2 * k + 1) * z * p1 - k * p0) / (k + 1);
      p0 = p1;
      p1 = p2;
    }
    dp = (n * (z * p1 - p0)) / (z * z - 1);
    const weight = 2 / ((1 - z * z) * dp * dp);
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = weight;
    w[n - 1 - i] = weight;
  }
  if (n % 2 === 1) x[(n - 1) / 2] = 0;
  const out = { x, w };
  cache.set(n, out);
  return out;
}
