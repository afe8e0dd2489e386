import { copyF64, f64 } from "../../internal/alloc.js";
import type { Box } from "./cauchy.js";
import { bmv, dpofa, dtrsl, type LbfgsbState } from "./state.js";

/**
 * Forms and factors the 2col×2col matrix K of the subspace problem for the current free set
 * (subroutine formk, computed from scratch rather than by its incremental row updates).
 * Returns wn (row-major 2m×2m, upper factor) or null if a factorization fails.
 */
export function formk(st: LbfgsbState, index: Int32Array, nfree: number): Float64Array | null {
  const { n, m, col, head, theta, ws, wy, sy, yy, sw, known } = st;
  const m2 = 2 * m;
  const isFree = st.isFree;
  isFree.fill(0);
  for (let i = 0; i < nfree; i++) isFree[index[i]] = 1;
  // wn is only read within this iteration (by subsm), so one zeroed buffer serves every call
  if (st.wn.length === 0) st.wn = f64(4 * m * m);
  const wn = st.wn;
  wn.fill(0);
  // With every variable free (bounds, none of them active) the active-set sums are empty and the
  // free-set sums run over all variables: they depend only on the two memory slots, so each is
  // computed once per pair of slot contents (the same sum, in the same order, as below).
  const allFree = nfree === n;
  if (allFree) {
    for (let iy = 0; iy < col; iy++) {
      const si = (head + iy) % m;
      for (let jy = 0; jy < col; jy++) {
        const sj = (head + jy) % m;
        const at = si * m + sj;
        if (known[at]) continue;
        let a = 0;
        let b = 0;
        for (let k = 0; k < n; k++) {
          a += wy[si * n + k] * wy[sj * n + k];
          b += ws[si * n + k] * wy[sj * n + k];
        }
        yy[at] = a;
        sw[at] = b;
        known[at] = 1;
      }
    }
  }
  for (let iy = 0; iy < col; iy++) {
    const si = (head + iy) % m;
    for (let jy = 0; jy <= iy; jy++) {
      const sj = (head + jy) % m;
      let yzzy = 0;
      let saas = 0;
      if (allFree) yzzy = yy[si * m + sj];
      else {
        for (let k = 0; k < n; k++) {
          if (isFree[k]) yzzy += wy[si * n + k] * wy[sj * n + k];
          else saas += ws[si * n + k] * ws[sj * n + k];
        }
      }
      wn[jy * m2 + iy] = yzzy / theta;
      wn[(col + jy) * m2 + col + iy] = saas * theta;
    }
    for (let jy = 0; jy < col; jy++) {
      const sj = (head + jy) % m;
      // row iy of L_a + R_z: strictly lower part from the active set, upper part from the free set
      let v = 0;
      if (allFree) {
        if (jy >= iy) v = sw[si * m + sj];
      } else {
        for (let k = 0; k < n; k++) {
          if (jy < iy ? !isFree[k] : isFree[k]) v += ws[si * n + k] * wy[sj * n + k];
        }
      }
      wn[jy * m2 + col + iy] = jy < iy ? -v : v;
    }
    wn[iy * m2 + iy] += sy[iy * m + iy];
  }
  if (!dpofa(wn, m2, col)) return null;
  const col2 = 2 * col;
  // L⁻¹ times the upper-right block, in place: dtrsl's forward substitution (job 11) for all its
  // columns in one sweep down the rows, each column's sums in dtrsl's order
  for (let i = 0; i < col; i++) if (wn[i * m2 + i] === 0) return null;
  for (let i = 0; i < col; i++) {
    const d = wn[i * m2 + i];
    for (let js = col; js < col2; js++) {
      let t = wn[i * m2 + js];
      for (let j = 0; j < i; j++) t -= wn[j * m2 + i] * wn[j * m2 + js];
      wn[i * m2 + js] = t / d;
    }
  }
  for (let is = col; is < col2; is++) {
    for (let js = is; js < col2; js++) {
      let s = 0;
      for (let i = 0; i < col; i++) s += wn[i * m2 + is] * wn[i * m2 + js];
      wn[is * m2 + js] += s;
    }
  }
  if (!dpofa(wn, m2, col, col)) return null;
  return wn;
}

/** r = -Zᵀ(B(xcp - x) + g) on the free variables (subroutine cmprlb). False on a singular M. */
export function cmprlb(
  st: LbfgsbState,
  x: Float64Array,
  g: Float64Array,
  z: Float64Array,
  c: Float64Array,
  index: Int32Array,
  nfree: number,
  r: Float64Array,
): boolean {
  const { n, m, col, head, theta, ws, wy } = st;
  for (let i = 0; i < nfree; i++) {
    const k = index[i];
    r[i] = -theta * (z[k] - x[k]) - g[k];
  }
  const wa = f64(2 * col);
  if (!bmv(st, c, wa)) return false;
  let pointr = head;
  for (let j = 0; j < col; j++) {
    const a1 = wa[j];
    const a2 = theta * wa[col + j];
    for (let i = 0; i < nfree; i++) {
      const k = index[i];
      r[i] += wy[pointr * n + k] * a1 + ws[pointr * n + k] * a2;
    }
    pointr = (pointr + 1) % m;
  }
  return true;
}

/**
 * Subspace minimization over the free variables from the Cauchy point z, then projection onto the
 * box with the 3.0 backtracking fallback (subroutine subsm). Updates z in place.
 */
export function subsm(
  st: LbfgsbState,
  box: Box,
  index: Int32Array,
  nsub: number,
  z: Float64Array,
  d: Float64Array,
  wn: Float64Array,
  xx: Float64Array,
  gg: Float64Array,
): boolean {
  const { n, m, col, head, theta, ws, wy } = st;
  const { l, u, nbd } = box;
  if (nsub <= 0) return true;
  const col2 = 2 * col;
  const m2 = 2 * m;
  const wv = f64(col2);
  let pointr = head;
  for (let i = 0; i < col; i++) {
    let t1 = 0;
    let t2 = 0;
    for (let j = 0; j < nsub; j++) {
      const k = index[j];
      t1 += wy[pointr * n + k] * d[j];
      t2 += ws[pointr * n + k] * d[j];
    }
    wv[i] = t1;
    wv[col + i] = theta * t2;
    pointr = (pointr + 1) % m;
  }
  // K is the 2col×2col leading block of the 2m×2m array wn
  if (!dtrsl(wn, m2, col2, wv, 11)) return false;
  for (let i = 0; i < col; i++) wv[i] = -wv[i];
  if (!dtrsl(wn, m2, col2, wv, 1)) return false;
  pointr = head;
  for (let jy = 0; jy < col; jy++) {
    const js = col + jy;
    for (let i = 0; i < nsub; i++) {
      const k = index[i];
      d[i] += (wy[pointr * n + k] * wv[jy]) / theta + ws[pointr * n + k] * wv[js];
    }
    pointr = (pointr + 1) % m;
  }
  for (let i = 0; i < nsub; i++) d[i] *= 1 / theta;

  // try the projected Newton point first
  let iword = 0;
  const xp = copyF64(z);
  for (let i = 0; i < nsub; i++) {
    const k = index[i];
    const dk = d[i];
    const xk = z[k];
    if (nbd[k] !== 0) {
      if (nbd[k] === 1) {
        z[k] = Math.max(l[k], xk + dk);
        if (z[k] === l[k]) iword = 1;
      } else if (nbd[k] === 2) {
        z[k] = Math.min(u[k], Math.max(l[k], xk + dk));
        if (z[k] === l[k] || z[k] === u[k]) iword = 1;
      } else if (nbd[k] === 3) {
        z[k] = Math.min(u[k], xk + dk);
        if (z[k] === u[k]) iword = 1;
      }
    } else z[k] = xk + dk;
  }
  if (iword === 0) return true;
  let ddP = 0;
  for (let i = 0; i < n; i++) ddP += (z[i] - xx[i]) * gg[i];
  if (!(ddP > 0)) return true;
  // positive directional derivative: back to the Cauchy point and truncate the step instead
  z.set(xp);
  let alpha = 1;
  let temp1 = alpha;
  let ibd = -1;
  for (let i = 0; i < nsub; i++) {
    const k = index[i];
    const dk = d[i];
    if (nbd[k] !== 0) {
      if (dk < 0 && nbd[k] <= 2) {
        const temp2 = l[k] - z[k];
        if (temp2 >= 0) temp1 = 0;
        else if (dk * alpha < temp2) temp1 = temp2 / dk;
      } else if (dk > 0 && nbd[k] >= 2) {
        const temp2 = u[k] - z[k];
        if (temp2 <= 0) temp1 = 0;
        else if (dk * alpha > temp2) temp1 = temp2 / dk;
      }
      if (temp1 < alpha) {
        alpha = temp1;
        ibd = i;
      }
    }
  }
  if (alpha < 1) {
    const dk = d[ibd];
    const k = index[ibd];
    if (dk > 0) {
      z[k] = u[k];
      d[ibd] = 0;
    } else if (dk < 0) {
      z[k] = l[k];
      d[ibd] = 0;
    }
  }
  for (let i = 0; i < nsub; i++) {
    const k = index[i];
    z[k] += alpha * d[i];
  }
  return true;
}
