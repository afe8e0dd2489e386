import { describe, expect, it } from "vitest";
import { npArgsort } from "../src/internal/argsort.js";
import fixture from "./fixtures/optimize.argsort.json" with { type: "json" };

const values = (a: (number | string)[]) =>
  Float64Array.from(a, (v) => (v === "Infinity" ? Number.POSITIVE_INFINITY : (v as number)));

describe("npArgsort: np.argsort's order, ties included (Nelder-Mead's vertex sort)", () => {
  it(`matches numpy ${fixture.numpy} on ${fixture.cases.length} arrays with ties, 2 to 256 values`, () => {
    const out = new Int32Array(256);
    for (const c of fixture.cases) {
      const a = values(c.a);
      npArgsort(a, a.length, out);
      expect(Array.from(out.subarray(0, a.length))).toEqual(c.argsort);
    }
  });

  it("is not stable on ties, as numpy's is not", () => {
    const a = [3, 1, 2, 1, 3, 1, 2, 1, 1, 0, 1];
    // np.argsort(a) on AVX-512; a stable sort gives 9, 1, 3, 5, 7, 8, 10, 2, 6, 0, 4
    expect(Array.from(npArgsort(a, a.length, new Int32Array(a.length)))).toEqual([
      9, 1, 7, 3, 8, 10, 5, 6, 2, 0, 4,
    ]);
  });

  it("keeps an already sorted array in place and puts NaN last", () => {
    expect(Array.from(npArgsort([0, 0, 1, 1, 1, 2], 6, new Int32Array(6)))).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(Array.from(npArgsort([2, Number.NaN, 1, 0], 4, new Int32Array(4)))).toEqual([
      3, 2, 0, 1,
    ]);
  });

  it("sorts more than 256 values (ties then in input order)", () => {
    const a = Float64Array.from({ length: 300 }, (_, i) => (i * 7919) % 301);
    const p = npArgsort(a, a.length, new Int32Array(a.length));
    for (let i = 1; i < a.length; i++) expect(a[p[i - 1]]).toBeLessThan(a[p[i]]);
    const tied = Float64Array.from({ length: 300 }, (_, i) => [2, Number.NaN, 1, 0][i % 4]);
    const q = Array.from(npArgsort(tied, tied.length, new Int32Array(tied.length)));
    const by = (r: number) => Array.from({ length: 75 }, (_, k) => 4 * k + r);
    expect(q).toEqual([...by(3), ...by(2), ...by(0), ...by(1)]);
  });
});
