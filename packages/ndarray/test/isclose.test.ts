import { allclose, array, arrayEqual, isclose, NablaError, ShapeError } from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import golden from "./fixtures/ndarray.allclose.json" with { type: "json" };
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, decode, itMatchesCases } from "./reference.js";

describe("allclose: golden cases (numpy 2.4)", () => {
  for (const c of golden.cases as Case[]) {
    it(c.name, () => {
      const [a, b] = c.args.map(decode) as [number[], number[]];
      expect(allclose(a, b, decode(c.options as never) as object)).toBe(c.expected);
    });
  }
});

describe("isclose against numpy (scripts/make-fixtures-reduce.py)", () => {
  itMatchesCases(fixture.cases as Case[], { isclose });
});

describe("isclose / allclose semantics", () => {
  it("matches ALGORITHMS.md's vectors", () => {
    expect(isclose(1, 1 + 1e-5)).toBe(true);
    expect(isclose(1, 1 + 2e-5)).toBe(false);
    expect(isclose(0, 1e-8)).toBe(true);
    expect(isclose(0, 1.1e-8)).toBe(false);
    expect(isclose(Number.NaN, Number.NaN)).toBe(false);
    expect(isclose(Number.NaN, Number.NaN, { equalNan: true })).toBe(true);
    expect(isclose(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(true);
    expect(isclose(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(false);
    expect(isclose(1e300, Number.POSITIVE_INFINITY, { rtol: 1 })).toBe(false);
    expect(allclose([1e10, 1e-7], [1.00001e10, 1e-8])).toBe(false);
    expect(allclose([1e10, 1e-8], [1.00001e10, 1e-9])).toBe(true);
  });
  it("is asymmetric: b is the reference", () => {
    // |a - b| = 1 <= 0.5 * |b| only when b is the larger value
    expect(isclose(1, 2, { rtol: 0.5, atol: 0 })).toBe(true);
    expect(isclose(2, 1, { rtol: 0.5, atol: 0 })).toBe(false);
  });
  it("broadcasts, returns bool arrays, and is true for empty arrays", () => {
    const r = isclose([[1], [2]], [1, 2]);
    expect(r.dtype).toBe("bool");
    expect(r.toArray()).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(allclose([], [])).toBe(true);
    expect(allclose(1, [1, 1 + 1e-9])).toBe(true);
    expect(isclose(array(1), array(1)).shape).toEqual([]);
  });
  it("throws for shapes that do not broadcast and bad options", () => {
    expect(() => allclose([1, 2], [1, 2, 3])).toThrow(ShapeError);
    expect(() => allclose([1, 2], [1, 2, 3])).toThrow("shapes [2] and [3] do not broadcast");
    expect(() => isclose([1], [1], { equal_nan: true } as never)).toThrow(
      'unknown option "equal_nan"',
    );
    expect(() => isclose(1, 1, { rtol: "1" } as never)).toThrow(TypeError);
    expect(() => isclose(1, 1, { atol: "0" } as never)).toThrow(TypeError);
    expect(() => isclose(1, 1, { equalNan: 1 } as never)).toThrow(TypeError);
    try {
      allclose([1], [1, 2, 3]);
    } catch (e) {
      expect(NablaError.isInstance(e)).toBe(true);
    }
  });
  it("property: allclose(a, a) and isclose agrees with the scalar formula", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.double(), { minLength: 1, maxLength: 20 }),
        (xs, ys) => {
          const n = Math.min(xs.length, ys.length);
          const a = xs.slice(0, n);
          const b = ys.slice(0, n);
          expect(allclose(a, a, { equalNan: true })).toBe(true);
          const got = isclose(a, b).toArray() as boolean[];
          for (let i = 0; i < n; i++) {
            const ref =
              (Math.abs(a[i] - b[i]) <= 1e-8 + 1e-5 * Math.abs(b[i]) && Number.isFinite(b[i])) ||
              a[i] === b[i];
            expect(got[i]).toBe(ref);
          }
        },
      ),
    );
  });
});

describe("arrayEqual", () => {
  it("compares shapes and values as numpy's array_equal", () => {
    expect(arrayEqual([1, 2], [1, 2])).toBe(true);
    expect(arrayEqual([1, 2], [[1, 2]])).toBe(false);
    expect(arrayEqual([1, 2], [1, 3])).toBe(false);
    expect(arrayEqual([1, Number.NaN], [1, Number.NaN])).toBe(false);
    expect(arrayEqual([1, Number.NaN], [1, Number.NaN], { equalNan: true })).toBe(true);
    expect(
      arrayEqual(
        array([
          [1, 2],
          [3, 4],
        ]).T,
        [
          [1, 3],
          [2, 4],
        ],
      ),
    ).toBe(true);
    expect(arrayEqual([], [])).toBe(true);
    expect(arrayEqual(array([1, 0], { dtype: "int32" }), [true, false])).toBe(true);
    expect(() => arrayEqual([1], [1], { equal_nan: true } as never)).toThrow(RangeError);
  });
});
