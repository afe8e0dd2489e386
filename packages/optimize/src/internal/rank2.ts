/**
 * BFGS's inverse-Hessian update in O(n²), H ← H - ρ (s (Hy)ᵀ + (Hy) sᵀ) + c s sᵀ with
 * c = ρ² yᵀHy + ρ, fused with the next direction out = -H g: each updated row's product with g is
 * summed as the row is written, in the order a separate H g would use.
 *
 * Element (i, j) is H[i][j] + (t_ij + (c s_i) s_j) with t_ij = -ρ (s_i Hy_j + Hy_i s_j). t_ij and
 * t_ji are the same double (the two products and their sum commute exactly), so each is formed
 * once for both elements: the rows go eight at a time, and for each block of eight rows every
 * column j right of the diagonal block is updated together with its mirror entries (j, i..i+7),
 * which sit side by side in row j. Row i's product with g still adds its terms in column order:
 * columns left of its block arrive, in order, as mirror entries of the earlier blocks
 * (accumulated in `out`), then the diagonal block, then the columns to the right. Every element
 * and every row sum is computed exactly as a row-by-row pass would, so the iterates do not depend
 * on this arrangement. It is faster than going row by row because t_ij is shared (7 of the 9
 * floating-point operations per element remain) and the block's row values stay in registers.
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
  for (; i + 7 < n; i += 8) {
    const r0 = (i + 0) * n;
    const r1 = (i + 1) * n;
    const r2 = (i + 2) * n;
    const r3 = (i + 3) * n;
    const r4 = (i + 4) * n;
    const r5 = (i + 5) * n;
    const r6 = (i + 6) * n;
    const r7 = (i + 7) * n;
    const s0 = s[i + 0];
    const s1 = s[i + 1];
    const s2 = s[i + 2];
    const s3 = s[i + 3];
    const s4 = s[i + 4];
    const s5 = s[i + 5];
    const s6 = s[i + 6];
    const s7 = s[i + 7];
    const h0 = hy[i + 0];
    const h1 = hy[i + 1];
    const h2 = hy[i + 2];
    const h3 = hy[i + 3];
    const h4 = hy[i + 4];
    const h5 = hy[i + 5];
    const h6 = hy[i + 6];
    const h7 = hy[i + 7];
    const g0 = g[i + 0];
    const g1 = g[i + 1];
    const g2 = g[i + 2];
    const g3 = g[i + 3];
    const g4 = g[i + 4];
    const g5 = g[i + 5];
    const g6 = g[i + 6];
    const g7 = g[i + 7];
    const c0 = c * s0;
    const c1 = c * s1;
    const c2 = c * s2;
    const c3 = c * s3;
    const c4 = c * s4;
    const c5 = c * s5;
    const c6 = c * s6;
    const c7 = c * s7;
    // the diagonal block row by row, each row's sum continuing from the mirror entries in out
    for (let k = i; k < i + 8; k++) {
      const rk = k * n + i;
      const sk = s[k];
      const hk = hy[k];
      const ck = c * sk;
      let a = out[k];
      let v: number;
      v = H[rk + 0] + (nr * (sk * h0 + hk * s0) + ck * s0);
      H[rk + 0] = v;
      a += v * g0;
      v = H[rk + 1] + (nr * (sk * h1 + hk * s1) + ck * s1);
      H[rk + 1] = v;
      a += v * g1;
      v = H[rk + 2] + (nr * (sk * h2 + hk * s2) + ck * s2);
      H[rk + 2] = v;
      a += v * g2;
      v = H[rk + 3] + (nr * (sk * h3 + hk * s3) + ck * s3);
      H[rk + 3] = v;
      a += v * g3;
      v = H[rk + 4] + (nr * (sk * h4 + hk * s4) + ck * s4);
      H[rk + 4] = v;
      a += v * g4;
      v = H[rk + 5] + (nr * (sk * h5 + hk * s5) + ck * s5);
      H[rk + 5] = v;
      a += v * g5;
      v = H[rk + 6] + (nr * (sk * h6 + hk * s6) + ck * s6);
      H[rk + 6] = v;
      a += v * g6;
      v = H[rk + 7] + (nr * (sk * h7 + hk * s7) + ck * s7);
      H[rk + 7] = v;
      a += v * g7;
      out[k] = a;
    }
    let a0 = out[i + 0];
    let a1 = out[i + 1];
    let a2 = out[i + 2];
    let a3 = out[i + 3];
    let a4 = out[i + 4];
    let a5 = out[i + 5];
    let a6 = out[i + 6];
    let a7 = out[i + 7];
    for (let j = i + 8; j < n; j++) {
      const sj = s[j];
      const yj = hy[j];
      const gj = g[j];
      const cj = c * sj;
      // row j's entries in the block's columns i..i+7
      const rj = j * n + i;
      let o = out[j];
      let t: number;
      let u: number;
      let m: number;
      t = nr * (s0 * yj + h0 * sj);
      u = H[r0 + j] + (t + c0 * sj);
      m = H[rj + 0] + (t + cj * s0);
      H[r0 + j] = u;
      H[rj + 0] = m;
      a0 += u * gj;
      o += m * g0;
      t = nr * (s1 * yj + h1 * sj);
      u = H[r1 + j] + (t + c1 * sj);
      m = H[rj + 1] + (t + cj * s1);
      H[r1 + j] = u;
      H[rj + 1] = m;
      a1 += u * gj;
      o += m * g1;
      t = nr * (s2 * yj + h2 * sj);
      u = H[r2 + j] + (t + c2 * sj);
      m = H[rj + 2] + (t + cj * s2);
      H[r2 + j] = u;
      H[rj + 2] = m;
      a2 += u * gj;
      o += m * g2;
      t = nr * (s3 * yj + h3 * sj);
      u = H[r3 + j] + (t + c3 * sj);
      m = H[rj + 3] + (t + cj * s3);
      H[r3 + j] = u;
      H[rj + 3] = m;
      a3 += u * gj;
      o += m * g3;
      t = nr * (s4 * yj + h4 * sj);
      u = H[r4 + j] + (t + c4 * sj);
      m = H[rj + 4] + (t + cj * s4);
      H[r4 + j] = u;
      H[rj + 4] = m;
      a4 += u * gj;
      o += m * g4;
      t = nr * (s5 * yj + h5 * sj);
      u = H[r5 + j] + (t + c5 * sj);
      m = H[rj + 5] + (t + cj * s5);
      H[r5 + j] = u;
      H[rj + 5] = m;
      a5 += u * gj;
      o += m * g5;
      t = nr * (s6 * yj + h6 * sj);
      u = H[r6 + j] + (t + c6 * sj);
      m = H[rj + 6] + (t + cj * s6);
      H[r6 + j] = u;
      H[rj + 6] = m;
      a6 += u * gj;
      o += m * g6;
      t = nr * (s7 * yj + h7 * sj);
      u = H[r7 + j] + (t + c7 * sj);
      m = H[rj + 7] + (t + cj * s7);
      H[r7 + j] = u;
      H[rj + 7] = m;
      a7 += u * gj;
      o += m * g7;
      out[j] = o;
    }
    out[i + 0] = -a0;
    out[i + 1] = -a1;
    out[i + 2] = -a2;
    out[i + 3] = -a3;
    out[i + 4] = -a4;
    out[i + 5] = -a5;
    out[i + 6] = -a6;
    out[i + 7] = -a7;
  }
  // the last n % 8 rows one at a time, each with its mirror column
  for (; i < n; i++) {
    const r = i * n;
    const si = s[i];
    const hi = hy[i];
    const ci = c * si;
    let a = out[i];
    const d = H[r + i] + (nr * (si * hi + hi * si) + ci * si);
    H[r + i] = d;
    a += d * g[i];
    for (let j = i + 1; j < n; j++) {
      const sj = s[j];
      const t = nr * (si * hy[j] + hi * sj);
      const u = H[r + j] + (t + ci * sj);
      const m = H[j * n + i] + (t + c * sj * si);
      H[r + j] = u;
      H[j * n + i] = m;
      a += u * g[j];
      out[j] += m * g[i];
    }
    out[i] = -a;
  }
}
