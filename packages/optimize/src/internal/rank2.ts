/**
 * BFGS's inverse-Hessian update in O(n²), H ← H - ρ (s (Hy)ᵀ + (Hy) sᵀ) + c s sᵀ with
 * c = ρ² yᵀHy + ρ, fused with the next direction out = -H g: each updated row's product with g is
 * summed as the row is written, in the order a separate H g would use.
 *
 * Element (i, j) is H[i][j] + (t_ij + (c s_i) s_j) with t_ij = -ρ (s_i Hy_j + Hy_i s_j). t_ij and
 * t_ji are the same double (the two products and their sum commute exactly), so each is formed
 * once for both elements: the rows go two at a time, and for each pair of rows the columns to the
 * right of the diagonal block are updated together with their mirror entries in the rows below.
 * Row i's product with g still adds its terms in column order: columns left of its pair arrive,
 * in order, as mirror entries of the earlier row pairs (accumulated in `out`), then the diagonal
 * block, then the columns to the right. Every element and every row sum is computed exactly as a
 * row-by-row pass would, so the iterates do not depend on this arrangement (in Node 20 it does
 * 5.5 of the 9 floating-point operations per element of that pass, 10-15% faster at n = 100).
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
  out.fill(0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const s0 = s[i];
    const s1 = s[i + 1];
    const h0 = hy[i];
    const h1 = hy[i + 1];
    const c0 = c * s0;
    const c1 = c * s1;
    const g0 = g[i];
    const g1 = g[i + 1];
    // the sums of columns 0..i-1, from the earlier pairs' mirror entries
    let a0 = out[i];
    let a1 = out[i + 1];
    {
      const t00 = nr * (s0 * h0 + h0 * s0);
      const t01 = nr * (s0 * h1 + h0 * s1);
      const t11 = nr * (s1 * h1 + h1 * s1);
      const u0 = H[r0 + i] + (t00 + c0 * s0);
      const u1 = H[r0 + i + 1] + (t01 + c0 * s1);
      const v0 = H[r1 + i] + (t01 + c1 * s0);
      const v1 = H[r1 + i + 1] + (t11 + c1 * s1);
      H[r0 + i] = u0;
      H[r0 + i + 1] = u1;
      H[r1 + i] = v0;
      H[r1 + i + 1] = v1;
      a0 += u0 * g0;
      a0 += u1 * g1;
      a1 += v0 * g0;
      a1 += v1 * g1;
    }
    let j = i + 2;
    for (; j + 1 < n; j += 2) {
      const sA = s[j];
      const sB = s[j + 1];
      const yA = hy[j];
      const yB = hy[j + 1];
      const gA = g[j];
      const gB = g[j + 1];
      const rA = j * n;
      const rB = rA + n;
      const p0 = H[r0 + j];
      const p1 = H[r0 + j + 1];
      const q0 = H[r1 + j];
      const q1 = H[r1 + j + 1];
      const m0 = H[rA + i];
      const m1 = H[rA + i + 1];
      const k0 = H[rB + i];
      const k1 = H[rB + i + 1];
      const t0A = nr * (s0 * yA + h0 * sA);
      const t0B = nr * (s0 * yB + h0 * sB);
      const t1A = nr * (s1 * yA + h1 * sA);
      const t1B = nr * (s1 * yB + h1 * sB);
      const cA = c * sA;
      const cB = c * sB;
      const u0 = p0 + (t0A + c0 * sA);
      const u1 = p1 + (t0B + c0 * sB);
      const v0 = q0 + (t1A + c1 * sA);
      const v1 = q1 + (t1B + c1 * sB);
      const w0 = m0 + (t0A + cA * s0);
      const w1 = m1 + (t1A + cA * s1);
      const z0 = k0 + (t0B + cB * s0);
      const z1 = k1 + (t1B + cB * s1);
      H[r0 + j] = u0;
      H[r0 + j + 1] = u1;
      H[r1 + j] = v0;
      H[r1 + j + 1] = v1;
      H[rA + i] = w0;
      H[rA + i + 1] = w1;
      H[rB + i] = z0;
      H[rB + i + 1] = z1;
      a0 += u0 * gA;
      a0 += u1 * gB;
      a1 += v0 * gA;
      a1 += v1 * gB;
      let oA = out[j];
      let oB = out[j + 1];
      oA += w0 * g0;
      oA += w1 * g1;
      oB += z0 * g0;
      oB += z1 * g1;
      out[j] = oA;
      out[j + 1] = oB;
    }
    if (j < n) {
      const sA = s[j];
      const yA = hy[j];
      const gA = g[j];
      const rA = j * n;
      const t0A = nr * (s0 * yA + h0 * sA);
      const t1A = nr * (s1 * yA + h1 * sA);
      const cA = c * sA;
      const u0 = H[r0 + j] + (t0A + c0 * sA);
      const v0 = H[r1 + j] + (t1A + c1 * sA);
      const w0 = H[rA + i] + (t0A + cA * s0);
      const w1 = H[rA + i + 1] + (t1A + cA * s1);
      H[r0 + j] = u0;
      H[r1 + j] = v0;
      H[rA + i] = w0;
      H[rA + i + 1] = w1;
      a0 += u0 * gA;
      a1 += v0 * gA;
      let oA = out[j];
      oA += w0 * g0;
      oA += w1 * g1;
      out[j] = oA;
    }
    out[i] = -a0;
    out[i + 1] = -a1;
  }
  if (i < n) {
    // the last row of an odd n: its other columns came as mirror entries, the diagonal is left
    const r = i * n;
    const si = s[i];
    const hi = hy[i];
    const v = H[r + i] + (nr * (si * hi + hi * si) + c * si * si);
    H[r + i] = v;
    out[i] = -(out[i] + v * g[i]);
  }
}
