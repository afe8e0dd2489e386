import { CubicSpline, interp1d, makeInterpSpline, PPoly } from "@nabla/interpolate";
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
      // sorted queries step from interval to interval (a path of their own)
      const sorted = q.slice().sort();
      for (const f of fs) {
        for (const points of [q, sorted]) {
          const bulk = f(points).toArray() as number[];
          const single = Array.from(points, (v) => f(v) as number);
          expect(bulk).toEqual(single);
        }
      }
    });
  }
});

describe("a repeated breakpoint (an empty interval) under bulk evaluation", () => {
  it("sorted and random queries pick the same pieces as single points", () => {
    // 300 breakpoints (enough for the bucket index) with x[100] == x[101]
    const n = 300;
    const x = Float64Array.from({ length: n }, (_, i) => (i <= 100 ? i : i - 1));
    const c = [
      Array.from({ length: n - 1 }, (_, i) => i % 7),
      Array.from({ length: n - 1 }, (_, i) => 1 + (i % 3)),
    ];
    const pp = new PPoly(c, x);
    const rand = rng(3);
    const q = Float64Array.from({ length: 2000 }, (_, i) =>
      i < 400 ? i * 0.5 : x[0] + (x[n - 1] - x[0]) * rand(),
    );
    for (const points of [q, q.slice().sort()]) {
      const bulk = pp(points).toArray() as number[];
      expect(bulk).toEqual(Array.from(points, (v) => pp(v)));
    }
  });
});
