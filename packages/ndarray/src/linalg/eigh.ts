import { rangeError } from "../errors.js";
import { checkOptions } from "../internal/shape.js";
import type { ArrayLike, NDArray } from "../ndarray.js";
import { assertFinite, toSquareStack, wrap } from "./stack.js";
import { tridiagonalEigh } from "./tridiagonalEigh.js";

/** Above this size the tridiagonal QL path is used (Jacobi sweeps get slow). */
const JACOBI_MAX = 24;

/** Dispatches to cyclic Jacobi (small n: highest accuracy) or tridiagonal QL (large n). */
function symmetricEigen(
  a: Float64Array,
  o: number,
  n: number,
  w: Float64Array,
  wo: number,
  v?: Float64Array,
  vo = 0,
): void {
  if (n <= JACOBI_MAX) jacobiEigh(a, o, n, w, wo, v, vo);
  else tridiagonalEigh(a, o, n, w, wo, v, vo);
}

/** Options of `linalg.eigh` and `linalg.eigvalsh`. */
export interface EighOptions {
  /** Which triangle of `a` to read: "L" (default, as numpy) or "U". */
  UPLO?: "L" | "U";
}

/** `eigh`'s result: `a @ eigenvectors[:, i] = eigenvalues[i] * eigenvectors[:, i]`. */
export interface EighResult {
  /** Ascending. */
  eigenvalues: NDArray;
  /** Orthonormal eigenvectors as columns. */
  eigenvectors: NDArray;
}

/**
 * Eigen-decomposition of the n x n symmetric matrix at `a[o..]` (full storage, modified) by
 * cyclic Jacobi rotations, accurate to a few ulps of ||a||. Writes ascending eigenvalues to
 * `w[wo..]` and, if `v` is given, the eigenvectors as columns of the row-major `v[vo..]`.
 */
export function jacobiEigh(
  a: Float64Array,
  o: number,
  n: number,
  w: Float64Array,
  wo: number,
  v?: Float64Array,
  vo = 0,
): void {
  const vec = new Float64Array(n * n);
  for (let i = 0; i < n; i++) vec[i * n + i] = 1;
  let frob = 0;
  for (let i = 0; i < n * n; i++) frob += a[o + i] * a[o + i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[o + p * n + q] ** 2;
    if (off === 0 || off <= frob * 1e-36) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[o + p * n + q];
        if (apq === 0) continue;
        const app = a[o + p * n + p];
        const aqq = a[o + q * n + q];
        const theta = (aqq - app) / (2 * apq);
        let t: number;
        if (Math.abs(theta) > 1e150) t = 1 / (2 * theta);
        else t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        a[o + p * n + p] = app - t * apq;
        a[o + q * n + q] = aqq + t * apq;
        a[o + p * n + q] = 0;
        a[o + q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = a[o + r * n + p];
          const arq = a[o + r * n + q];
          const np = arp - s * (arq + tau * arp);
          const nq = arq + s * (arp - tau * arq);
          a[o + r * n + p] = np;
          a[o + p * n + r] = np;
          a[o + r * n + q] = nq;
          a[o + q * n + r] = nq;
        }
        for (let r = 0; r < n; r++) {
          const x = vec[r * n + p];
          const y = vec[r * n + q];
          vec[r * n + p] = x - s * (y + tau * x);
          vec[r * n + q] = y + s * (x - tau * y);
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (p, q) => a[o + p * n + p] - a[o + q * n + q] || p - q,
  );
  for (let j = 0; j < n; j++) {
    const src = order[j];
    w[wo + j] = a[o + src * n + src];
    if (v) for (let i = 0; i < n; i++) v[vo + i * n + j] = vec[i * n + src];
  }
}

/** Copies the chosen triangle onto the other one, so kernels see a symmetric matrix. */
export function symmetrize(data: Float64Array, o: number, n: number, upper: boolean): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (upper) data[o + j * n + i] = data[o + i * n + j];
      else data[o + i * n + j] = data[o + j * n + i];
    }
  }
}

function readUplo(fn: string, options: EighOptions | undefined): boolean {
  checkOptions(fn, options, ["UPLO"]);
  const uplo = options?.UPLO ?? "L";
  if (uplo !== "L" && uplo !== "U")
    throw rangeError(`${fn}: UPLO must be "L" or "U", got ${JSON.stringify(uplo)}.`);
  return uplo === "U";
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of a real symmetric matrix, numpy's
 * `linalg.eigh`. Only the lower triangle is read unless `UPLO: "U"`. Works on stacks.
 * Eigenvectors may differ from LAPACK's by sign.
 *
 * @example
 * const { eigenvalues, eigenvectors } = linalg.eigh([[2, 1], [1, 2]]);
 * eigenvalues; // array([1., 3.])
 */
export function eigh(a: ArrayLike, options?: EighOptions): EighResult {
  const upper = readUplo("eigh", options);
  const st = toSquareStack("eigh", a);
  assertFinite("eigh", st.data);
  const { n, count } = st;
  const w = new Float64Array(count * n);
  const v = new Float64Array(count * n * n);
  for (let t = 0; t < count; t++) {
    symmetrize(st.data, t * n * n, n, upper);
    symmetricEigen(st.data, t * n * n, n, w, t * n, v, t * n * n);
  }
  return {
    eigenvalues: wrap(w, [...st.batch, n], st.dtype),
    eigenvectors: wrap(v, [...st.batch, n, n], st.dtype),
  };
}

/**
 * Eigenvalues of a real symmetric matrix, ascending: numpy's `linalg.eigvalsh`.
 *
 * @example
 * linalg.eigvalsh([[2, 1], [1, 2]]); // array([1., 3.])
 */
export function eigvalsh(a: ArrayLike, options?: EighOptions): NDArray {
  const upper = readUplo("eigvalsh", options);
  const st = toSquareStack("eigvalsh", a);
  assertFinite("eigvalsh", st.data);
  const { n, count } = st;
  const w = new Float64Array(count * n);
  for (let t = 0; t < count; t++) {
    symmetrize(st.data, t * n * n, n, upper);
    symmetricEigen(st.data, t * n * n, n, w, t * n);
  }
  return wrap(w, [...st.batch, n], st.dtype);
}
