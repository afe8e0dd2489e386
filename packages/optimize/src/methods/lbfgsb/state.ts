// Shared state of L-BFGS-B 3.0 (Byrd, Lu, Nocedal & Zhu; Morales & Nocedal 2011): the limited
// memory W = [Y, theta S] kept in circular column storage, the middle-matrix factors and helpers.
// Indices are 0-based; "logical" column j (0 = oldest) lives in storage slot (head + j) % m.

import { allocate } from "@nabla/ndarray";
import { f64 } from "../../internal/alloc.js";
import { axpyAt, axpyDot, dotAt } from "../../internal/vec.js";

export interface LbfgsbState {
  n: number;
  m: number;
  /**
   * Whether any variable has a bound. An unbounded run takes its steps by the two-loop recursion
   * and never reads the middle-matrix parts (sy, ss, wt and formk's scratch): they stay empty.
   */
  bounded: boolean;
  ws: Float64Array; // m×n, one contiguous column per slot: ws[slot*n + i] (Fortran's ws(n, m))
  wy: Float64Array;
  sy: Float64Array; // m×m, logical indices, sy[i*m+j] = s_i·y_j (lower triangle used)
  ss: Float64Array; // m×m, s_i·s_j (upper triangle used)
  wt: Float64Array; // m×m, upper Cholesky factor J' of T = theta SS + L D⁻¹ Lᵀ
  theta: number;
  col: number;
  head: number;
  itail: number;
  iupdat: number;
  /** formk's scratch, reused every iteration: the free-variable flags and the 2m×2m matrix. */
  isFree: Uint8Array;
  wn: Float64Array;
  /**
   * formk's column products by storage slot, for the all-free case: yy[a*m+b] = y_a·y_b and
   * sw[a*m+b] = s_a·y_b summed over every variable. A slot's entries are cleared (known[] = 0)
   * when matupd writes that slot; until then the same sum gives the same value.
   */
  yy: Float64Array;
  sw: Float64Array;
  known: Uint8Array;
  /** 1/(s·y) of the pair in each storage slot, and the two-loop's scratch coefficients. */
  rho: Float64Array;
  alpha: Float64Array;
}

// what an unbounded run holds in place of the middle-matrix storage it never reads
const NONE = new Float64Array(0);
const NO_FLAGS = new Uint8Array(0);

export function newState(n: number, m: number, bounded: boolean): LbfgsbState {
  const mm = m * m;
  return {
    n,
    m,
    bounded,
    ws: f64(n * m),
    wy: f64(n * m),
    sy: bounded ? f64(mm) : NONE,
    ss: bounded ? f64(mm) : NONE,
    wt: bounded ? f64(mm) : NONE,
    theta: 1,
    col: 0,
    head: 0,
    itail: 0,
    iupdat: 0,
    isFree: bounded ? allocate("bool", n) : NO_FLAGS,
    wn: NONE, // formk's 2m×2m matrix, made at its first use (many bounded runs stop before)
    yy: bounded ? f64(mm) : NONE,
    sw: bounded ? f64(mm) : NONE,
    known: bounded ? allocate("bool", mm) : NO_FLAGS,
    rho: f64(m),
    alpha: f64(m),
  };
}

export function resetMemory(s: LbfgsbState): void {
  s.col = 0;
  s.head = 0;
  s.theta = 1;
  s.iupdat = 0;
}

/** LINPACK dpofa on the leading k×k block of a row-major ld×ld array (upper R, A = RᵀR). */
export function dpofa(a: Float64Array, ld: number, k: number, off = 0): boolean {
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let kk = 0; kk < j; kk++) {
      let t = a[(off + kk) * ld + off + j];
      for (let i = 0; i < kk; i++) t -= a[(off + i) * ld + off + kk] * a[(off + i) * ld + off + j];
      t /= a[(off + kk) * ld + off + kk];
      a[(off + kk) * ld + off + j] = t;
      s += t * t;
    }
    const d = a[(off + j) * ld + off + j] - s;
    if (d <= 0 || Number.isNaN(d)) return false;
    a[(off + j) * ld + off + j] = Math.sqrt(d);
  }
  return true;
}

/** LINPACK dtrsl for an upper-triangular k×k block: job 11 solves Tᵀx = b, job 01 solves Tx = b (in place). */
export function dtrsl(
  t: Float64Array,
  ld: number,
  k: number,
  b: Float64Array,
  job: 1 | 11,
  boff = 0,
): boolean {
  for (let i = 0; i < k; i++) if (t[i * ld + i] === 0) return false;
  if (job === 11) {
    for (let i = 0; i < k; i++) {
      let s = b[boff + i];
      for (let j = 0; j < i; j++) s -= t[j * ld + i] * b[boff + j];
      b[boff + i] = s / t[i * ld + i];
    }
  } else {
    for (let i = k - 1; i >= 0; i--) {
      let s = b[boff + i];
      for (let j = i + 1; j < k; j++) s -= t[i * ld + j] * b[boff + j];
      b[boff + i] = s / t[i * ld + i];
    }
  }
  return true;
}

/** p = M v for the 2col×2col middle matrix M (subroutine bmv). False on a singular factor. */
export function bmv(s: LbfgsbState, v: Float64Array, p: Float64Array): boolean {
  const { col, sy, wt, m } = s;
  if (col === 0) return true;
  p[col] = v[col];
  for (let i = 1; i < col; i++) {
    let sum = 0;
    for (let k = 0; k < i; k++) sum += (sy[i * m + k] * v[k]) / sy[k * m + k];
    p[col + i] = v[col + i] + sum;
  }
  if (!dtrsl(wt, m, col, p, 11, col)) return false;
  for (let i = 0; i < col; i++) p[i] = v[i] / Math.sqrt(sy[i * m + i]);
  if (!dtrsl(wt, m, col, p, 1, col)) return false;
  for (let i = 0; i < col; i++) p[i] = -p[i] / Math.sqrt(sy[i * m + i]);
  for (let i = 0; i < col; i++) {
    let sum = 0;
    for (let k = i + 1; k < col; k++) sum += (sy[k * m + i] * p[col + k]) / sy[i * m + i];
    p[i] += sum;
  }
  return true;
}

/**
 * q ← H q, where H is the inverse of the limited-memory BFGS matrix built on H0 = gamma·I from
 * `count` pairs stored in ws/wy (logical pair j, 0 = oldest, in slot (head + j) % m, with
 * rho[slot] = 1/(s·y)): the two-loop recursion (Nocedal & Wright, Algorithm 7.4), O(count·n).
 * `alpha` is scratch of length count.
 */
export function twoLoop(
  ws: Float64Array,
  wy: Float64Array,
  m: number,
  head: number,
  count: number,
  rho: Float64Array,
  gamma: number,
  q: Float64Array,
  alpha: Float64Array,
): void {
  const n = q.length;
  if (count === 0) {
    if (gamma !== 1) for (let i = 0; i < n; i++) q[i] *= gamma;
    return;
  }
  // Each pass over q applies one pair's update and takes the next pair's dot product with the
  // updated entries: the operations and their order of the textbook loops, in half the passes.
  // (axpyDot adds c·w; with c = -a that is the textbook's q - a·y to the bit.)
  let slot = (head + count - 1) % m;
  let s = dotAt(ws, slot * n, q, n);
  for (let j = count - 1; j >= 0; j--) {
    const a = rho[slot] * s;
    alpha[j] = a;
    const y = slot * n;
    if (j === 0) {
      axpyAt(q, -a, wy, y, n);
      break;
    }
    slot = (head + j - 1) % m;
    s = axpyDot(q, -a, wy, y, ws, slot * n, n);
  }
  // slot now holds the oldest pair, where the second loop starts
  if (gamma !== 1) for (let i = 0; i < n; i++) q[i] *= gamma;
  s = dotAt(wy, slot * n, q, n);
  for (let j = 0; j < count; j++) {
    const c = alpha[j] - rho[slot] * s;
    const x = slot * n;
    if (j === count - 1) {
      axpyAt(q, c, ws, x, n);
      break;
    }
    slot = (head + j + 1) % m;
    s = axpyDot(q, c, ws, x, wy, slot * n, n);
  }
}

/**
 * Adds the pair (s = d, y = r) to the memory and refreshes SY, SS and theta (subroutine matupd);
 * an unbounded run keeps just the pair, its 1/(s·y) and theta.
 */
export function matupd(
  st: LbfgsbState,
  d: Float64Array,
  r: Float64Array,
  rr: number,
  dr: number,
  stp: number,
  dtd: number,
): void {
  const { n, m } = st;
  if (st.iupdat <= m) {
    st.col = st.iupdat;
    st.itail = (st.head + st.iupdat - 1) % m;
  } else {
    st.itail = (st.itail + 1) % m;
    st.head = (st.head + 1) % m;
  }
  st.ws.set(d, st.itail * n);
  st.wy.set(r, st.itail * n);
  st.rho[st.itail] = 1 / dr;
  st.theta = rr / dr;
  if (!st.bounded) return;
  for (let k = 0; k < m; k++) {
    st.known[st.itail * m + k] = 0;
    st.known[k * m + st.itail] = 0;
  }
  const col = st.col;
  const { ss, sy } = st;
  if (st.iupdat > m) {
    // drop the oldest pair: shift the triangles up-left by one
    for (let j = 0; j < col - 1; j++) {
      for (let i = 0; i <= j; i++) ss[i * m + j] = ss[(i + 1) * m + j + 1];
      for (let i = j; i < col - 1; i++) sy[i * m + j] = sy[(i + 1) * m + j + 1];
    }
  }
  let pointr = st.head;
  for (let j = 0; j < col - 1; j++) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      a += d[i] * st.wy[pointr * n + i];
      b += st.ws[pointr * n + i] * d[i];
    }
    sy[(col - 1) * m + j] = a;
    ss[j * m + col - 1] = b;
    pointr = (pointr + 1) % m;
  }
  ss[(col - 1) * m + col - 1] = stp === 1 ? dtd : stp * stp * dtd;
  sy[(col - 1) * m + col - 1] = dr;
}

/** Forms and factors T = theta SS + L D⁻¹ Lᵀ (subroutine formt). False if T is not positive definite. */
export function formt(st: LbfgsbState): boolean {
  // T's factor serves the Cauchy point, which an unbounded run only computes with no pairs
  if (!st.bounded) return true;
  const { col, m, ss, sy, wt, theta } = st;
  for (let j = 0; j < col; j++) wt[j] = theta * ss[j];
  for (let i = 1; i < col; i++) {
    for (let j = i; j < col; j++) {
      const k1 = Math.min(i, j);
      let ddum = 0;
      for (let k = 0; k < k1; k++) ddum += (sy[i * m + k] * sy[j * m + k]) / sy[k * m + k];
      wt[i * m + j] = ddum + theta * ss[i * m + j];
    }
  }
  return dpofa(wt, m, col);
}
