// Finite-difference and Richardson rules come from tiny, badly conditioned Vandermonde-like
// systems. numdifftools (pinv) and scipy (solve) round them with LAPACK; we instead solve the
// floating-point matrix exactly in rational arithmetic and round once, so every rule is the
// correctly rounded solution of the same matrix the reference libraries build.

interface Rational {
  n: bigint;
  d: bigint; // always > 0
}

const ZERO: Rational = { n: 0n, d: 1n };
const view = new DataView(new ArrayBuffer(8));

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Rational {
  if (n === 0n) return ZERO;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

/** The exact value of a finite double as a fraction. */
function fromDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`exactSolve: non-finite matrix entry ${x}`);
  if (x === 0) return ZERO;
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exponent = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let power: number;
  if (exponent === 0) power = -1074;
  else {
    mantissa |= 1n << 52n;
    power = exponent - 1075;
  }
  return power >= 0
    ? make(sign * (mantissa << BigInt(power)), 1n)
    : make(sign * mantissa, 1n << BigInt(-power));
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** Rounds a fraction to the nearest double (ties to even), without double rounding. */
function toDouble(r: Rational): number {
  if (r.n === 0n) return 0;
  const negative = r.n < 0n;
  const a = negative ? -r.n : r.n;
  const b = r.d;
  // Scale so the integer quotient carries ~65 bits, then fold the remainder into a sticky bit
  // so Number()'s single rounding is correct.
  const shift = 65 - (bitLength(a) - bitLength(b));
  const num = shift >= 0 ? a << BigInt(shift) : a;
  const den = shift >= 0 ? b : b << BigInt(-shift);
  let q = num / den;
  q = (q << 1n) | (num % den === 0n ? 0n : 1n);
  let value = Number(q);
  let e = -(shift + 1);
  while (e > 0) {
    const step = Math.min(e, 1000);
    value *= 2 ** step;
    e -= step;
  }
  while (e < 0) {
    const step = Math.max(e, -1000);
    value *= 2 ** step;
    e -= step;
  }
  return negative ? -value : value;
}

const sub = (x: Rational, y: Rational): Rational => make(x.n * y.d - y.n * x.d, x.d * y.d);
const mul = (x: Rational, y: Rational): Rational => make(x.n * y.n, x.d * y.d);
const div = (x: Rational, y: Rational): Rational => make(x.n * y.d, x.d * y.n);

/**
 * Solves `A X = B` exactly for a small non-singular square `A` (rows of numbers) and returns X
 * rounded to doubles. `B` has one row per row of `A` and any number of columns.
 */
export function exactSolve(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
): number[][] {
  const n = A.length;
  const m = B[0].length;
  const M = A.map((row, i) => [...row.map(fromDouble), ...B[i].map(fromDouble)]);
  for (let c = 0; c < n; c++) {
    let p = c;
    while (p < n && M[p][c].n === 0n) p++;
    if (p === n) throw new RangeError("exactSolve: singular matrix");
    if (p !== c) [M[p], M[c]] = [M[c], M[p]];
    const pivot = M[c][c];
    for (let r = 0; r < n; r++) {
      if (r === c || M[r][c].n === 0n) continue;
      const factor = div(M[r][c], pivot);
      for (let k = c; k < n + m; k++) M[r][k] = sub(M[r][k], mul(factor, M[c][k]));
    }
  }
  return M.map((row, r) => row.slice(n).map((v) => toDouble(div(v, M[r][r]))));
}

/** The exact inverse of a small non-singular square matrix, rounded to doubles. */
export function exactInverse(A: readonly (readonly number[])[]): number[][] {
  const n = A.length;
  const I = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  return exactSolve(A, I);
}

const powCache = new Map<string, number>();

/**
 * `base ** k` for an integer k, correctly rounded (C's pow, which numpy and Python call, is
 * correctly rounded in practice; V8's `**` is not always, which would shift numdifftools' steps).
 */
export function powInt(base: number, k: number): number {
  if (!Number.isInteger(k) || !Number.isFinite(base) || base === 0 || Math.abs(k) > 256)
    return base ** k;
  const key = `${base}|${k}`;
  let v = powCache.get(key);
  if (v === undefined) {
    const b = fromDouble(base);
    let r: Rational = { n: 1n, d: 1n };
    for (let i = 0; i < Math.abs(k); i++) r = mul(r, b);
    v = toDouble(k < 0 ? div({ n: 1n, d: 1n }, r) : r);
    powCache.set(key, v);
  }
  return v;
}
