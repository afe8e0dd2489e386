import {
  arange,
  argwhere,
  array,
  booleanMask,
  compress,
  extract,
  flatnonzero,
  greater,
  NablaError,
  NDArray,
  nonzero,
  putmask,
  ShapeError,
  take,
  takeAlongAxis,
  where,
  zeros,
} from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, type CaseFunctions, itMatchesCases } from "./reference.js";

const functions: CaseFunctions = {
  take,
  takeAlongAxis,
  booleanMask,
  compress,
  where,
  nonzero,
  argwhere,
  flatnonzero,
};

describe("indexing against numpy (scripts/make-fixtures-reduce.py)", () => {
  itMatchesCases(fixture.cases as Case[], functions);
});

describe("take", () => {
  const a = arange(12).reshape(3, 4);
  it("indexes the flattened array without axis; a JS number index gives a number", () => {
    const v: number = take(a, 5);
    expect(v).toBe(5);
    expect(take(a, [-1, 0]).toArray()).toEqual([11, 0]);
    expect(take(a, array(2)).shape).toEqual([]);
    expect(a.take([1], { axis: 0 }).toArray()).toEqual([[4, 5, 6, 7]]);
    expect(take(a, 2, { axis: 1 }).toArray()).toEqual([2, 6, 10]);
    expect(take(a.T, [0, 2], { axis: 1 }).toArray()).toEqual([
      [0, 8],
      [1, 9],
      [2, 10],
      [3, 11],
    ]);
    expect(take(a, [], { axis: 0 }).shape).toEqual([0, 4]);
    expect(take(array([1, 2], { dtype: "int32" }), [1]).dtype).toBe("int32");
  });
  it("throws numpy's errors", () => {
    expect(() => take(a, 12)).toThrow("index 12 is out of bounds for axis 0 with size 12");
    expect(() => take(a, [-5], { axis: 1 })).toThrow(
      "index -5 is out of bounds for axis 1 with size 4",
    );
    expect(() => take(a, [1.5])).toThrow(TypeError);
    expect(() => take(a, [true])).toThrow("use booleanMask");
    expect(() => take(a, [0], { axis: 2 })).toThrow("axis 2 is out of bounds");
    expect(() => take(a, [0], { mode: "nope" } as never)).toThrow(
      'mode must be "raise", "wrap" or "clip"',
    );
    expect(() => take(zeros([0]), [0], { mode: "wrap" })).toThrow("cannot do a non-empty take");
    expect(() => take(a, [0], { axes: 0 } as never)).toThrow('unknown option "axes"');
  });
});

describe("boolean masks", () => {
  const a = array([
    [1, -2, 3],
    [-4, 5, -6],
  ]);
  it("booleanMask is numpy's a[mask]", () => {
    expect(booleanMask(a, greater(a, 0)).toArray()).toEqual([1, 3, 5]);
    expect(booleanMask(a, [false, true]).toArray()).toEqual([[-4, 5, -6]]);
    expect(booleanMask(a.T, greater(a.T, 0)).toArray()).toEqual([1, 5, 3]);
    expect(booleanMask(a, zeros([2, 3], { dtype: "bool" })).shape).toEqual([0]);
    expect(booleanMask(a, true).shape).toEqual([1, 2, 3]);
  });
  it("booleanMask throws for non-bool masks and shape mismatches", () => {
    expect(() => booleanMask(a, [1, 0])).toThrow("mask must be a boolean array");
    expect(() => booleanMask(a, [true, false, true])).toThrow(ShapeError);
    expect(() => booleanMask(a, [true, false, true])).toThrow(
      "boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 3",
    );
    expect(() => booleanMask([1, 2], [[true, false]])).toThrow("too many indices");
  });
  it("compress and extract", () => {
    expect(compress([true, false, true], a, { axis: 1 }).toArray()).toEqual([
      [1, 3],
      [-4, -6],
    ]);
    expect(compress([0, 1], a).toArray()).toEqual([-2]);
    expect(() => compress([true, true, true], a, { axis: 0 })).toThrow(
      "index 2 is out of bounds for axis 0 with size 2",
    );
    expect(() => compress([[true]], a)).toThrow("condition must be a 1-d array");
    expect(extract(greater(a, 0), a).toArray()).toEqual([1, 3, 5]);
    expect(extract([1, 0, 2], a).toArray()).toEqual([1, 3]);
    expect(() => extract([0, 0, 0, 0, 0, 0, 0, 1], a)).toThrow("out of bounds");
  });
  it("putmask writes in place, cycling the values by position, and returns a", () => {
    const x = arange(6).reshape(2, 3);
    const out = putmask(x, greater(x, 2), [10, 20]);
    expect(out).toBe(x);
    expect(x.toArray()).toEqual([
      [0, 1, 2],
      [20, 10, 20],
    ]);
    const view = zeros([3, 3]).slice(":", 1);
    putmask(view, [true, false, true], 7);
    expect(view.toArray()).toEqual([7, 0, 7]);
    const b = zeros([2], { dtype: "bool" });
    putmask(b, [true, false], 5);
    expect(b.toArray()).toEqual([true, false]);
    expect(putmask(arange(2), [false, false], [])).toBeInstanceOf(NDArray);
  });
  it("putmask throws for size mismatches, empty values and non-NDArray targets", () => {
    expect(() => putmask(arange(3), [true, false], 1)).toThrow(
      "mask and data must be the same size",
    );
    expect(() => putmask(arange(3), [true, false, true], [])).toThrow("values is empty");
    expect(() => putmask([1, 2] as never, [true, false], 1)).toThrow(TypeError);
  });
});

describe("where, nonzero, argwhere", () => {
  it("where broadcasts the three operands with weak-scalar dtypes", () => {
    expect(where([true, false], 1, 0).toArray()).toEqual([1, 0]);
    expect(where([true, false], 1, 0).dtype).toBe("float64");
    const i = array([1, 2], { dtype: "int32" });
    expect(where([true, false], i, 0).dtype).toBe("int32");
    expect(where([true, false], i, 0.5).dtype).toBe("float64");
    expect(where([[true], [false]], [1, 2, 3], [-1]).toArray()).toEqual([
      [1, 2, 3],
      [-1, -1, -1],
    ]);
    expect(where([Number.NaN, 0], 1, 2).toArray()).toEqual([1, 2]);
    expect(() => where([true, false], [1, 2, 3], 0)).toThrow(ShapeError);
    expect(() => where([true], [1] as never, undefined as never)).toThrow("both or neither");
  });
  it("where(condition) is nonzero(condition)", () => {
    const c = [
      [0, 3],
      [4, 0],
    ];
    expect(where(c).map((x) => x.toArray())).toEqual(nonzero(c).map((x) => x.toArray()));
    expect(nonzero(c).map((x) => x.toArray())).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(nonzero(c)[0].dtype).toBe("int32");
    expect(() => nonzero(1)).toThrow("nonzero on 0d arrays is not allowed");
  });
  it("argwhere and flatnonzero", () => {
    expect(
      argwhere([
        [0, 3],
        [4, 0],
      ]).toArray(),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(argwhere(zeros([2, 2])).shape).toEqual([0, 2]);
    expect(argwhere(5).shape).toEqual([1, 0]);
    expect(argwhere(0).shape).toEqual([0, 0]);
    expect(
      flatnonzero(
        array([
          [0, 3],
          [4, 0],
        ]).T,
      ).toArray(),
    ).toEqual([1, 2]);
  });
  it("property: booleanMask(a, m) equals the elements picked by nonzero(m), and where agrees", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const a = array(values);
          const m = greater(a, 0);
          const picked = booleanMask(a, m).toArray();
          expect(picked).toEqual(values.filter((v) => v > 0));
          expect(take(a, nonzero(m)[0]).toArray()).toEqual(picked);
          expect(where(m, a, 0).toArray()).toEqual(values.map((v) => Math.max(v, 0)));
        },
      ),
    );
  });
  it("marks its errors as nabla's", () => {
    try {
      take([1], 3);
    } catch (e) {
      expect(NablaError.isInstance(e)).toBe(true);
    }
  });
});

describe("takeAlongAxis", () => {
  it("applies argsort and argmax indices, and throws for bad shapes and indices", () => {
    const a = array([
      [10, 30, 20],
      [60, 40, 50],
    ]);
    expect(takeAlongAxis(a, [[1], [0]], { axis: 1 }).toArray()).toEqual([[30], [60]]);
    expect(takeAlongAxis(a, [[0, 1, 0]], { axis: 0 }).toArray()).toEqual([[10, 40, 20]]);
    expect(() => takeAlongAxis(a, [0, 1], { axis: 1 })).toThrow(
      "must have the same number of dimensions",
    );
    expect(() => takeAlongAxis(a, [[0], [1], [0]], { axis: 1 })).toThrow("do not broadcast");
    expect(() => takeAlongAxis(a, [[3]], { axis: 1 })).toThrow(
      "index 3 is out of bounds for axis 1 with size 3",
    );
    expect(() => takeAlongAxis(a, [[0]], { axis: null })).toThrow("indices must be 1-d");
  });
});
