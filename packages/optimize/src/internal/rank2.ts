/**
 * BFGS's inverse-Hessian update in O(n²), H ← H - ρ (s (Hy)ᵀ + (Hy) sᵀ) + c s sᵀ with
 * c = ρ² yᵀHy + ρ, fused with the next direction out = -H g: each updated row's product with g is
 * summed as the row is written, in the order a separate H g would use. Rows go four at a time so
 * that s[j], Hy[j] and g[j] are read once per four rows; every element and every row sum is
 * computed exactly as one row at a time would, so the iterates do not depend on the blocking.
 */
export function rank2UpdateDirection(
  H: Float64Array,
  n: number,
  s: Float64Array,
  hy: Float64Array,
  rho: number,
  c: number,
  g: Float64Array,
  out: Float64Array,
): void {
  const nr = -rho;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const s0 = s[i];
    const s1 = s[i + 1];
    const s2 = s[i + 2];
    const s3 = s[i + 3];
    const h0 = hy[i];
    const h1 = hy[i + 1];
    const h2 = hy[i + 2];
    const h3 = hy[i + 3];
    const c0 = c * s0;
    const c1 = c * s1;
    const c2 = c * s2;
    const c3 = c * s3;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let j = 0; j < n; j++) {
      const sj = s[j];
      const hyj = hy[j];
      const gj = g[j];
      const v0 = H[r0 + j] + (nr * (s0 * hyj + h0 * sj) + c0 * sj);
      const v1 = H[r1 + j] + (nr * (s1 * hyj + h1 * sj) + c1 * sj);
      const v2 = H[r2 + j] + (nr * (s2 * hyj + h2 * sj) + c2 * sj);
      const v3 = H[r3 + j] + (nr * (s3 * hyj + h3 * sj) + c3 * sj);
      H[r0 + j] = v0;
      H[r1 + j] = v1;
      H[r2 + j] = v2;
      H[r3 + j] = v3;
      a0 += v0 * gj;
      a1 += v1 * gj;
      a2 += v2 * gj;
      a3 += v3 * gj;
    }
    out[i] = -a0;
    out[i + 1] = -a1;
    out[i + 2] = -a2;
    out[i + 3] = -a3;
  }
  for (; i < n; i++) {
    const r = i * n;
    const si = s[i];
    const hi = hy[i];
    const ci = c * si;
    let a = 0;
    for (let j = 0; j < n; j++) {
      const v = H[r + j] + (nr * (si * hy[j] + hi * s[j]) + ci * s[j]);
      H[r + j] = v;
      a += v * g[j];
    }
    out[i] = -a;
  }
}
