// A banded linear solve with partial pivoting (what LAPACK's gbsv does), for the spline systems.

/**
 * A square band matrix of order `n` with `kl` sub- and `ku` super-diagonals. Row `i` keeps the
 * columns `i - kl .. i + kl + ku` (the extra `kl` hold the fill-in that row exchanges create).
 */
export class BandMatrix {
  readonly n: number;
  readonly kl: number;
  readonly ku: number;
  readonly width: number;
  readonly data: Float64Array;

  /** `storage` (optional) is a block of at least `bandSize(n, kl, ku)` doubles to use; it is zeroed. */
  constructor(n: number, kl: number, ku: number, storage?: Float64Array) {
    this.n = n;
    this.kl = kl;
    this.ku = ku;
    this.width = 2 * kl + ku + 1;
    const size = n * this.width;
    this.data = storage ? storage.subarray(0, size).fill(0) : new Float64Array(size);
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.width + j - i + this.kl] = value;
  }

  get(i: number, j: number): number {
    return this.data[i * this.width + j - i + this.kl];
  }
}

/** Doubles needed to store a band matrix. */
export function bandSize(n: number, kl: number, ku: number): number {
  return n * (2 * kl + ku + 1);
}

/**
 * Solves `A X = B` in place for `nrhs` right-hand sides stored row-major in `b` (`n` rows of
 * `nrhs`), overwriting `b` with `X` and `a` with its factors. Returns false if `A` is singular.
 */
export function solveBanded(a: BandMatrix, b: Float64Array, nrhs: number): boolean {
  const { n, kl, ku, width: w, data } = a;
  const reach = kl + ku;
  for (let i = 0; i < n; i++) {
    const last = Math.min(n - 1, i + kl);
    let p = i;
    let best = Math.abs(data[i * w + kl]);
    for (let r = i + 1; r <= last; r++) {
      const v = Math.abs(data[r * w + i - r + kl]);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (best === 0 || Number.isNaN(best)) return false;
    const jmax = Math.min(n - 1, i + reach);
    if (p !== i) {
      for (let j = i; j <= jmax; j++) {
        const ai = i * w + j - i + kl;
        const ap = p * w + j - p + kl;
        const t = data[ai];
        data[ai] = data[ap];
        data[ap] = t;
      }
      for (let c = 0; c < nrhs; c++) {
        const t = b[i * nrhs + c];
        b[i * nrhs + c] = b[p * nrhs + c];
        b[p * nrhs + c] = t;
      }
    }
    const pivot = data[i * w + kl];
    for (let r = i + 1; r <= last; r++) {
      const rowOff = r * w - r + kl;
      const f = data[rowOff + i] / pivot;
      if (f === 0) continue;
      data[rowOff + i] = 0;
      const iOff = i * w - i + kl;
      for (let j = i + 1; j <= jmax; j++) data[rowOff + j] -= f * data[iOff + j];
      for (let c = 0; c < nrhs; c++) b[r * nrhs + c] -= f * b[i * nrhs + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const iOff = i * w - i + kl;
    const jmax = Math.min(n - 1, i + reach);
    const pivot = data[iOff + i];
    for (let c = 0; c < nrhs; c++) {
      let s = b[i * nrhs + c];
      for (let j = i + 1; j <= jmax; j++) s -= data[iOff + j] * b[j * nrhs + c];
      b[i * nrhs + c] = s / pivot;
    }
  }
  return true;
}
