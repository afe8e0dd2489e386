import { allocate } from "@nabla/ndarray";
import { f64 } from "../../internal/alloc.js";
import { bmv, type LbfgsbState } from "./state.js";

const EPSMCH = 2.220446049250313e-16;

export interface Box {
  l: Float64Array;
  u: Float64Array;
  /** 0 unbounded, 1 lower only, 2 both, 3 upper only (L-BFGS-B's nbd). */
  nbd: Int32Array;
}

/**
 * The generalized Cauchy point: the first local minimizer of the quadratic model along the
 * projected steepest-descent path (subroutine cauchy). Writes xcp, c = Wᵀ(xcp - x) and iwhere;
 * returns nseg, or -1 when the middle matrix is singular.
 */
export function cauchy(
  st: LbfgsbState,
  box: Box,
  x: Float64Array,
  g: Float64Array,
  iwhere: Int32Array,
  xcp: Float64Array,
  c: Float64Array,
  sbgnrm: number,
): number {
  const { n, m, col, head, theta, ws, wy } = st;
  const { l, u, nbd } = box;
  if (sbgnrm <= 0) {
    xcp.set(x);
    return 0;
  }
  let bnded = true;
  let nfree = n;
  let nbreak = 0;
  let ibkmin = 0;
  let bkmin = 0;
  const col2 = 2 * col;
  let f1 = 0;
  const p = f64(col2);
  const d = f64(n);
  const t = f64(n);
  const iorder = allocate("int32", n);
  for (let i = 0; i < n; i++) {
    const neggi = -g[i];
    let tl = 0;
    let tu = 0;
    if (iwhere[i] !== 3 && iwhere[i] !== -1) {
      if (nbd[i] <= 2) tl = x[i] - l[i];
      if (nbd[i] >= 2) tu = u[i] - x[i];
      const xlower = nbd[i] <= 2 && tl <= 0;
      const xupper = nbd[i] >= 2 && tu <= 0;
      iwhere[i] = 0;
      if (xlower) {
        if (neggi <= 0) iwhere[i] = 1;
      } else if (xupper) {
        if (neggi >= 0) iwhere[i] = 2;
      } else if (Math.abs(neggi) <= 0) iwhere[i] = -3;
    }
    let pointr = head;
    if (iwhere[i] !== 0 && iwhere[i] !== -1) {
      d[i] = 0;
    } else {
      d[i] = neggi;
      f1 -= neggi * neggi;
      for (let j = 0; j < col; j++) {
        p[j] += wy[pointr * n + i] * neggi;
        p[col + j] += ws[pointr * n + i] * neggi;
        pointr = (pointr + 1) % m;
      }
      if (nbd[i] <= 2 && nbd[i] !== 0 && neggi < 0) {
        iorder[nbreak] = i;
        t[nbreak] = tl / -neggi;
        if (nbreak === 0 || t[nbreak] < bkmin) {
          bkmin = t[nbreak];
          ibkmin = nbreak;
        }
        nbreak++;
      } else if (nbd[i] >= 2 && neggi > 0) {
        iorder[nbreak] = i;
        t[nbreak] = tu / neggi;
        if (nbreak === 0 || t[nbreak] < bkmin) {
          bkmin = t[nbreak];
          ibkmin = nbreak;
        }
        nbreak++;
      } else {
        nfree--;
        if (Math.abs(neggi) > 0) bnded = false;
      }
    }
  }
  if (theta !== 1) for (let j = 0; j < col; j++) p[col + j] *= theta;
  xcp.set(x);
  if (nbreak === 0 && nfree === n) return 0;
  c.fill(0, 0, col2);
  let f2 = -theta * f1;
  const f2Org = f2;
  const v = f64(col2);
  if (col > 0) {
    if (!bmv(st, p, v)) return -1;
    let vp = 0;
    for (let j = 0; j < col2; j++) vp += v[j] * p[j];
    f2 -= vp;
  }
  let dtm = -f1 / f2;
  let tsum = 0;
  let nseg = 1;
  if (nbreak > 0) {
    let nleft = nbreak;
    let iter = 1;
    let tj = 0;
    const used = allocate("bool", nbreak);
    const wbp = f64(col2);
    for (;;) {
      const tj0 = tj;
      let k: number;
      if (iter === 1) k = ibkmin;
      else {
        // next smallest remaining breakpoint (the reference uses a heap; ties aside, same order)
        k = -1;
        for (let q = 0; q < nbreak; q++) if (!used[q] && (k < 0 || t[q] < t[k])) k = q;
      }
      tj = t[k];
      const ibp = iorder[k];
      const dt = tj - tj0;
      if (dtm < dt) break;
      used[k] = 1;
      tsum += dt;
      nleft--;
      iter++;
      const dibp = d[ibp];
      d[ibp] = 0;
      let zibp: number;
      if (dibp > 0) {
        zibp = u[ibp] - x[ibp];
        xcp[ibp] = u[ibp];
        iwhere[ibp] = 2;
      } else {
        zibp = l[ibp] - x[ibp];
        xcp[ibp] = l[ibp];
        iwhere[ibp] = 1;
      }
      if (nleft === 0 && nbreak === n) {
        dtm = dt;
        if (col > 0) for (let j = 0; j < col2; j++) c[j] += dtm * p[j];
        return nseg;
      }
      nseg++;
      const dibp2 = dibp * dibp;
      f1 = f1 + dt * f2 + dibp2 - theta * dibp * zibp;
      f2 -= theta * dibp2;
      if (col > 0) {
        for (let j = 0; j < col2; j++) c[j] += dt * p[j];
        let pointr = head;
        for (let j = 0; j < col; j++) {
          wbp[j] = wy[pointr * n + ibp];
          wbp[col + j] = theta * ws[pointr * n + ibp];
          pointr = (pointr + 1) % m;
        }
        if (!bmv(st, wbp, v)) return -1;
        let wmc = 0;
        let wmp = 0;
        let wmw = 0;
        for (let j = 0; j < col2; j++) {
          wmc += c[j] * v[j];
          wmp += p[j] * v[j];
          wmw += wbp[j] * v[j];
        }
        for (let j = 0; j < col2; j++) p[j] -= dibp * wbp[j];
        f1 += dibp * wmc;
        f2 += 2.0 * dibp * wmp - dibp2 * wmw;
      }
      f2 = Math.max(EPSMCH * f2Org, f2);
      if (nleft > 0) {
        dtm = -f1 / f2;
        continue;
      }
      if (bnded) {
        f1 = 0;
        f2 = 0;
        dtm = 0;
      } else dtm = -f1 / f2;
      break;
    }
  }
  if (dtm <= 0) dtm = 0;
  tsum += dtm;
  for (let i = 0; i < n; i++) xcp[i] += tsum * d[i];
  if (col > 0) for (let j = 0; j < col2; j++) c[j] += dtm * p[j];
  return nseg;
}
