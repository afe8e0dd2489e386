import type { NDArray } from "@nabla/ndarray";

/** numpy's pairwise summation (8 accumulators), so sums round exactly as np.sum does. */
export function npSum(a: ArrayLike<number>, lo = 0, n = a.length): number {
  if (n < 8) {
    let res = 0;
    for (let i = lo; i < lo + n; i++) res += a[i];
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[lo + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return npSum(a, lo, n2) + npSum(a, lo + n2, n - n2);
}

/** scipy.optimize.rosen, with numpy's summation order. */
export const rosen = (x: NDArray): number => {
  const d = x.toTypedArray();
  const terms = new Float64Array(d.length - 1);
  for (let i = 0; i < d.length - 1; i++)
    terms[i] = 100.0 * (d[i + 1] - d[i] ** 2.0) ** 2.0 + (1 - d[i]) ** 2.0;
  return npSum(terms);
};

export const rosenDer = (x: NDArray): number[] => {
  const d = x.toTypedArray();
  const n = d.length;
  const g = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    g[i] = 200 * (d[i] - d[i - 1] ** 2) - 400 * (d[i + 1] - d[i] ** 2) * d[i] - 2 * (1 - d[i]);
  }
  g[0] = -400 * d[0] * (d[1] - d[0] ** 2) - 2 * (1 - d[0]);
  g[n - 1] = 200 * (d[n - 1] - d[n - 2] ** 2);
  return g;
};

export const rosenHess = (x: NDArray): number[][] => {
  const d = x.toTypedArray();
  const n = d.length;
  const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n - 1; i++) {
    h[i][i + 1] = -400 * d[i];
    h[i + 1][i] = -400 * d[i];
  }
  h[0][0] = 1200 * d[0] ** 2 - 400 * d[1] + 2;
  for (let i = 1; i < n - 1; i++) h[i][i] = 202 + 1200 * d[i] ** 2 - 400 * d[i + 1];
  h[n - 1][n - 1] = 200;
  return h;
};

/** The lecture's two-variable Rosenbrock written as in the notebook. */
export const lectureRosen = (x: NDArray): number => {
  const [a, b] = x.toTypedArray();
  return (1 - a) ** 2 + 100 * (b - a ** 2) ** 2;
};

export function close(actual: number, expected: number, rtol: number, atol = 0): boolean {
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}
