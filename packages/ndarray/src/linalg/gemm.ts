// The matrix-multiply kernel behind matmul, dot, inner and every linalg product.
//
// GotoBLAS layout in plain JS: B is packed a KC-row block at a time into 4-column panels, A into
// 4-row panels of an MC x KC block, and a 4x4 register tile runs down both panels with sixteen
// scalar accumulators. Packing makes every inner-loop read sequential, and the panels fit in
// L1/L2, so the tile is limited by multiply-adds rather than memory.

const KC = 256;
const MC = 128;
/** Below this many multiply-adds packing costs more than it saves. */
const SMALL = 32 * 32 * 32;

/**
 * C = A B for row-major A (m x k, at `ao`), B (k x n, at `bo`), writing C (m x n, at `co`).
 * C must not overlap A or B.
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  c: Float64Array,
  co: number,
): void {
  c.fill(0, co, co + m * n);
  if (m === 0 || n === 0 || k === 0) return;
  if (n === 1) {
    // Matrix-vector: one dot product per row, both operands contiguous.
    for (let i = 0; i < m; i++) {
      const ai = ao + i * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ai + p] * b[bo + p];
      c[co + i] = s;
    }
    return;
  }
  if (m * n * k <= SMALL || n < 4) {
    gemmSmall(m, n, k, a, ao, b, bo, c, co);
    return;
  }
  const n4 = (n + 3) & ~3;
  const kcMax = Math.min(KC, k);
  const mcMax = Math.min(MC, (m + 3) & ~3);
  const bp = new Float64Array(kcMax * n4);
  const ap = new Float64Array(kcMax * ((mcMax + 3) & ~3));
  for (let pc = 0; pc < k; pc += KC) {
    const kc = Math.min(KC, k - pc);
    packB(b, bo + pc * n, n, kc, bp);
    for (let ic = 0; ic < m; ic += MC) {
      const mc = Math.min(MC, m - ic);
      packA(a, ao + ic * k + pc, k, mc, kc, ap);
      for (let jb = 0; jb < n; jb += 4) {
        const nr = Math.min(4, n - jb);
        for (let ib = 0; ib < mc; ib += 4) {
          const mr = Math.min(4, mc - ib);
          tile(kc, ap, ib * kc, bp, jb * kc, c, co + (ic + ib) * n + jb, n, mr, nr);
        }
      }
    }
  }
}

/** Packs kc rows of B (row stride n, from `bo`) into 4-column panels, zero-padding the last. */
function packB(b: Float64Array, bo: number, n: number, kc: number, bp: Float64Array): void {
  for (let jb = 0; jb < n; jb += 4) {
    let at = jb * kc;
    if (jb + 4 <= n) {
      for (let p = 0; p < kc; p++) {
        const src = bo + p * n + jb;
        bp[at] = b[src];
        bp[at + 1] = b[src + 1];
        bp[at + 2] = b[src + 2];
        bp[at + 3] = b[src + 3];
        at += 4;
      }
    } else {
      const w = n - jb;
      for (let p = 0; p < kc; p++) {
        const src = bo + p * n + jb;
        for (let j = 0; j < 4; j++) bp[at + j] = j < w ? b[src + j] : 0;
        at += 4;
      }
    }
  }
}

/** Packs an mc x kc block of A (row stride k, from `ao`) into 4-row panels, zero-padding the last. */
function packA(
  a: Float64Array,
  ao: number,
  k: number,
  mc: number,
  kc: number,
  ap: Float64Array,
): void {
  for (let ib = 0; ib < mc; ib += 4) {
    const base = ib * kc;
    const h = Math.min(4, mc - ib);
    for (let i = 0; i < 4; i++) {
      if (i < h) {
        const src = ao + (ib + i) * k;
        for (let p = 0; p < kc; p++) ap[base + p * 4 + i] = a[src + p];
      } else {
        for (let p = 0; p < kc; p++) ap[base + p * 4 + i] = 0;
      }
    }
  }
}

/** C[0:mr, 0:nr] += (4-row A panel) (4-column B panel), sixteen accumulators in registers. */
function tile(
  kc: number,
  ap: Float64Array,
  ai: number,
  bp: Float64Array,
  bi: number,
  c: Float64Array,
  ci: number,
  ldc: number,
  mr: number,
  nr: number,
): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  let c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  const end = ai + kc * 4;
  for (; ai < end; ai += 4, bi += 4) {
    const a0 = ap[ai],
      a1 = ap[ai + 1],
      a2 = ap[ai + 2],
      a3 = ap[ai + 3];
    const b0 = bp[bi],
      b1 = bp[bi + 1],
      b2 = bp[bi + 2],
      b3 = bp[bi + 3];
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  if (mr === 4 && nr === 4) {
    c[ci] += c00;
    c[ci + 1] += c01;
    c[ci + 2] += c02;
    c[ci + 3] += c03;
    ci += ldc;
    c[ci] += c10;
    c[ci + 1] += c11;
    c[ci + 2] += c12;
    c[ci + 3] += c13;
    ci += ldc;
    c[ci] += c20;
    c[ci + 1] += c21;
    c[ci + 2] += c22;
    c[ci + 3] += c23;
    ci += ldc;
    c[ci] += c30;
    c[ci + 1] += c31;
    c[ci + 2] += c32;
    c[ci + 3] += c33;
    return;
  }
  const t = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  for (let i = 0; i < mr; i++) for (let j = 0; j < nr; j++) c[ci + i * ldc + j] += t[i * 4 + j];
}

/** Plain i-k-j loops for small products (C already zeroed). */
function gemmSmall(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  c: Float64Array,
  co: number,
): void {
  for (let i = 0; i < m; i++) {
    const ci = co + i * n;
    const ai = ao + i * k;
    for (let p = 0; p < k; p++) {
      const aip = a[ai + p];
      if (aip === 0) continue;
      const bi = bo + p * n;
      for (let j = 0; j < n; j++) c[ci + j] += aip * b[bi + j];
    }
  }
}
