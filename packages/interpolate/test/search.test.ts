import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findAscending, findDescending, findSpan, searchsorted } from "../src/internal/search.js";

const sorted = fc
  .array(fc.integer({ min: -20, max: 20 }), { minLength: 2, maxLength: 30 })
  .map((a) => Float64Array.from(a.sort((p, q) => p - q)));

describe("interval search (internal)", () => {
  it("findAscending: the largest i <= n-2 with x[i] <= v, whatever the hint", () => {
    fc.assert(
      fc.property(
        sorted,
        fc.double({ min: -25, max: 25, noNaN: true }),
        fc.integer({ min: -1, max: 40 }),
        (x, v, hint) => {
          const n = x.length;
          if (x[0] === x[n - 1]) return;
          const got = findAscending(x, n, v, hint, true);
          let want: number;
          if (v < x[0]) want = 0;
          else if (v >= x[n - 1]) want = n - 2;
          else {
            want = 0;
            for (let i = 0; i <= n - 2; i++) if (x[i] <= v) want = i;
          }
          expect(got).toBe(want);
          if (v < x[0] || v > x[n - 1]) expect(findAscending(x, n, v, hint, false)).toBe(-1);
        },
      ),
    );
    expect(findAscending(Float64Array.of(0, 1), 2, Number.NaN, 0, true)).toBe(-1);
  });

  it("findDescending mirrors it", () => {
    const x = Float64Array.of(3, 2, 0);
    expect([2.5, 2, 1, 0, 4, -1].map((v) => findDescending(x, 3, v, 0, true))).toEqual([
      0, 1, 1, 1, 0, 1,
    ]);
    expect(findDescending(x, 3, 4, 0, false)).toBe(-1);
  });

  it("searchsorted agrees with numpy's definition (NaN last)", () => {
    fc.assert(
      fc.property(
        sorted,
        fc.double({ min: -25, max: 25, noNaN: true }),
        fc.integer({ min: -1, max: 40 }),
        fc.boolean(),
        (a, v, hint, right) => {
          const want = Array.from(a).filter((e) => (right ? e <= v : e < v)).length;
          expect(searchsorted(a, a.length, v, right, hint)).toBe(want);
        },
      ),
    );
    expect(searchsorted(Float64Array.of(1, 2), 2, Number.NaN, false, 0)).toBe(2);
  });

  it("findSpan: the span of a clamped knot vector holding v", () => {
    const t = Float64Array.of(0, 0, 0, 0, 1, 2, 2, 3, 3, 3, 3);
    const k = 3;
    const n = t.length - k - 1;
    for (const [v, hint] of [
      [0, 3],
      [0.5, 0],
      [1, 3],
      [1.5, 6],
      [2, 3],
      [2.5, 3],
      [3, 3],
      [-1, 5],
      [4, 3],
    ]) {
      const l = findSpan(t, k, n, v, hint, true);
      expect(l).toBeGreaterThanOrEqual(k);
      expect(l).toBeLessThan(n);
      if (v >= 0 && v < 3) expect(t[l] <= v && v < t[l + 1]).toBe(true);
    }
    expect(findSpan(t, k, n, 3, 3, false)).toBe(n - 1);
    expect(findSpan(t, k, n, 3.5, 3, false)).toBe(-1);
    expect(findSpan(t, k, n, Number.NaN, 3, true)).toBe(-1);
  });
});
