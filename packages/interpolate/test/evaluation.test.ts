import { CubicSpline, interp1d, makeInterpSpline } from "@nabla/interpolate";
import { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Large evaluations take a bucket-index path; one-point calls take the plain search. Both must
// give the same bits, including at breakpoints, outside the data and with clustered breakpoints.
describe("bulk evaluation equals point-by-point evaluation", () => {
  const rand = rng(7);
  const uniform = Float64Array.from({ length: 500 }, (_, i) => i * 0.37 + rand() * 0.3);
  const clustered = Float64Array.from({ length: 300 }, (_, i) => (i < 299 ? i * 1e-6 : 1000));
  const small = Float64Array.from({ length: 12 }, (_, i) => i + rand() * 0.5);
  for (const [name, xs] of [
    ["small", small],
    ["uniform", uniform],
    ["clustered", clustered],
  ] as const) {
    it(name, () => {
      const ys = xs.map((v) => Math.sin(v) + v * 0.01);
      const lo = xs[0];
      const hi = xs[xs.length - 1];
      const q = new Float64Array(3000);
      for (let i = 0; i < q.length; i++) q[i] = lo - 1 + (hi - lo + 2) * rand();
      q.set(xs.subarray(0, Math.min(200, xs.length)), 0); // exact breakpoints
      q[200] = hi;
      q[201] = lo;
      const X = new NDArray(xs, [xs.length]);
      const Y = new NDArray(ys, [ys.length]);
      const fs = [
        new CubicSpline(X, Y),
        makeInterpSpline(X, Y, 3),
        makeInterpSpline(X, Y, 0),
        interp1d(X, Y, { kind: "cubic", fillValue: "extrapolate" }),
      ];
      for (const f of fs) {
        const bulk = f(q).toArray() as number[];
        const single = Array.from(q, (v) => f(v) as number);
        expect(bulk).toEqual(single);
      }
    });
  }
});
