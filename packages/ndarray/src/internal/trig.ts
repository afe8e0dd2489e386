import type { UnaryLoop } from "./elementwise.js";

/*
 * float64 sine and cosine as inner loops, within 1 ulp (as V8's Math.sin, a port of fdlibm)
 * and faster: V8 calls Math.sin out of line, a C call per element, where this is straight-line
 * code it keeps in registers. `npm run bench:kernels -w @nabla/ndarray` times both on 1e6
 * elements: 1.10-1.12x faster on linspace(0, 10), 1.15-1.21x on uniform numbers in ±3, where
 * the odd/even quadrant branch mispredicts (two runs, 2026-11-26). Rounding k and the sign are
 * branch-free for that reason: with Math.round and a sign branch, random inputs were slower
 * than Math.sin.
 *
 * x = k·π/2 + r with |r| ≤ π/4, then sin or cos of r by quadrant. π/2 is split in three
 * (Cody & Waite): the first two parts have at most 33 significant bits, so k times each is exact for
 * |k| < 2^20, and x - k·(first part) is exact (Sterbenz); r carries a correction `tail`
 * for the rounding of r itself and for the third part. Inputs the reduction cannot serve to
 * 1 ulp go to Math: |x| ≥ 1e5, NaN and ±Infinity, and |r| < 1e-5 (x within 1e-5 of a
 * multiple of π/2, where cancellation would need more bits of π; this includes |x| < 1e-5, so
 * -0 keeps its sign).
 *
 * The polynomials are Chebyshev fits on r² ∈ [0, (π/4)²] made with mpmath
 * (scripts/trig-coefficients.py): (sin r - r)/r³ with 7 terms and (cos r - 1 + r²/2)/r⁴ with 6,
 * each within 0.03 ulp of the function it approximates.
 *
 * The constants are written in place: bundled, a module-level const becomes a var, and every
 * read of one in the loop is a context-slot load and unboxing (9.4 instead of 6.4 ms per 1e6 sines,
 * measured before the rounding and sign went branch-free).
 */

/**
 * sin(v + shift·π/2): shift 0 is sine, 1 is cosine. Each loop below calls it with a constant
 * shift; V8 inlines it there and specializes (the loop itself must be in each caller, or the
 * one optimized loop would serve both shifts).
 */
function sinShifted(v: number, shift: 0 | 1): number {
  // Rounded to nearest by adding and subtracting 1.5·2^52 (Math.round branches on the sign, and
  // random signs mispredict); |v| too large for this goes to Math below anyway.
  const k = v * 0.6366197723675814 + 6755399441055744 - 6755399441055744;
  const head = v - k * 1.5707963267341256;
  const mid = k * 6.077100506303966e-11;
  const r = head - mid;
  if (!(Math.abs(r) >= 1e-5 && Math.abs(v) < 1e5)) return shift === 0 ? Math.sin(v) : Math.cos(v);
  // |head| > |mid| here, so (head - r) - mid is the exact rounding error of r.
  const tail = head - r - mid - k * 2.0222662487959506e-21;
  const z = r * r;
  const quadrant = k + shift;
  let s: number;
  if ((quadrant & 1) === 0) {
    // sin(r + tail) ≈ sin r + tail·cos r.
    const p =
      -0.16666666666666666 +
      z *
        (0.008333333333333331 +
          z *
            (-0.00019841269841265065 +
              z *
                (2.7557319219339167e-6 +
                  z *
                    (-2.5052106232447578e-8 +
                      z * (1.6058531618986147e-10 + z * -7.586697117706918e-13)))));
    s = r + (r * z * p + tail * (1 - 0.5 * z));
  } else {
    // cos(r + tail) ≈ cos r - tail·sin r; 1 - z/2 is summed with its rounding error.
    const p =
      0.041666666666666664 +
      z *
        (-0.0013888888888887398 +
          z *
            (2.480158729876569e-5 +
              z *
                (-2.7557317271729793e-7 +
                  z * (2.08761462684032e-9 + z * -1.1382632425521717e-11))));
    const half = 0.5 * z;
    const w = 1 - half;
    s = w + (1 - w - half + (z * z * p - r * tail));
  }
  // The sign as a factor, not a branch: on random inputs the quadrant is random.
  return s * (1 - (quadrant & 2));
}

/** `out[oo + i] = sin(x[xo + i*xs])`, within 1 ulp. */
export const sinLoop: UnaryLoop = (x, xo, xs, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = sinShifted(x[xo + i * xs], 0);
};

/** `out[oo + i] = cos(x[xo + i*xs])`, within 1 ulp. */
export const cosLoop: UnaryLoop = (x, xo, xs, o, oo, n) => {
  for (let i = 0; i < n; i++) o[oo + i] = sinShifted(x[xo + i * xs], 1);
};
