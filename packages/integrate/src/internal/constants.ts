/** Machine constants QUADPACK uses (d1mach values for IEEE double). */
export const EPMACH = 2.220446049250313e-16;
export const UFLOW = 2.2250738585072014e-308;
export const OFLOW = 1.7976931348623157e308;

/**
 * C's `fmax`: a NaN argument is ignored. QUADPACK (as scipy compiles it) relies on this, so a
 * NaN from the integrand takes the same path as in scipy; `Math.max` would propagate it.
 */
export function fmax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}

/** C's `fmin` (a NaN argument is ignored). */
export function fmin(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter

/**
 * `x ** 1.5`, correctly rounded for 0 <= x < 1. The Gauss-Kronrod error estimate raises a ratio
 * to the power 1.5; V8's `Math.pow` differs from the C library's in the last bit for about one
 * argument in ten, which shifts error estimates by an ulp. Computing sqrt(x) in double-double and
 * multiplying by x exactly agrees with glibc's pow on all but ~0.1% of arguments.
 */
export function pow15(x: number): number {
  if (!(x < 1) || x < 1e-270) return Math.pow(x, 1.5);
  const s = Math.sqrt(x);
  let c = SPLIT * s;
  const sh = c - (c - s);
  const sl = s - sh;
  const p = s * s;
  const e = sh * sh - p + 2 * sh * sl + sl * sl;
  const sLow = (x - p - e) / (2 * s);
  c = SPLIT * x;
  const xh = c - (c - x);
  const xl = x - xh;
  const ph = x * s;
  const pl = xh * sh - ph + xh * sl + xl * sh + xl * sl;
  return ph + (pl + x * sLow);
}
