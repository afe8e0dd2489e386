/** JS twins of the integrands in scripts/make-fixtures.py (same names, same operations). */
export const integrands: Record<string, (x: number, ...args: number[]) => number> = {
  x2: (x) => x * x,
  sqrt: (x) => Math.sqrt(x),
  inv_sqrt: (x) => 1 / Math.sqrt(x),
  inv_x: (x) => 1 / x,
  inv_x2: (x) => 1 / (x * x),
  abs_third: (x) => Math.abs(x - 1 / 3),
  abs_03: (x) => Math.abs(x - 0.3),
  inv_sqrt_abs_03: (x) => 1 / Math.sqrt(Math.abs(x - 0.3)),
  inv_abs_third: (x) => 1 / Math.abs(x - 1 / 3),
  abs_third_m075: (x) => 1 / Math.sqrt(Math.abs(x - 1 / 3) * Math.sqrt(Math.abs(x - 1 / 3))),
  abs_01_m075: (x) => 1 / Math.sqrt(Math.abs(x - 0.1) * Math.sqrt(Math.abs(x - 0.1))),
  abs_third_pow09: (x) => Math.abs(x - 1 / 3) ** -0.9,
  peak4: (x) => 1 / ((x - 0.5) * (x - 0.5) + 1e-4),
  peak6: (x) => 1 / ((x - 0.5) * (x - 0.5) + 1e-6),
  peak8: (x) => 1 / ((x - 0.5) * (x - 0.5) + 1e-8),
  runge: (x) => 1 / (1 + 25 * x * x),
  lorentz: (x) => 1 / (x * x + 1),
  quartic: (x) => 1 / (1 + x * x * x * x),
  x_lin: (x) => x,
  step0: (x) => (x <= 0 ? 1 : 0),
  kinks: (x) => Math.abs(x - 0.2) + Math.abs(x - 0.5) + Math.abs(x - 0.7),
  nan: () => Number.NaN,
  nan_half: (x) => (x > 0.5 ? Number.NaN : 1),
  affine: (x, a, b) => a * x + b,
  sin: (x) => Math.sin(x),
  log: (x) => Math.log(x),
  exp_neg: (x) => Math.exp(-x),
  gauss: (x) => Math.exp(-x * x),
  cos50: (x) => Math.cos(50 * x),
  cos100: (x) => Math.cos(100 * x),
  cos1000: (x) => Math.cos(1000 * x),
  exp_cos: (x) => Math.exp(Math.cos(x)),
  log_over_sqrt: (x) => Math.log(x) / Math.sqrt(x),
  chirp: (x) => Math.sin(1e4 * x * x),
  sin_inv: (x) => Math.sin(1 / x),
  x_exp_neg: (x) => x * Math.exp(-x),
};

/** Fixture numbers: floats, or "inf"/"-inf"/"nan" strings. */
export function num(v: number | string): number {
  if (v === "inf") return Number.POSITIVE_INFINITY;
  if (v === "-inf") return Number.NEGATIVE_INFINITY;
  if (v === "nan") return Number.NaN;
  return v as number;
}
