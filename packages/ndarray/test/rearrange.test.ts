import {
  arange,
  array,
  arraySplit,
  average,
  countNonzero,
  flip,
  ptp,
  repeat,
  roll,
  split,
  tile,
  zeros,
} from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, type CaseFunctions, itMatchesCases } from "./reference.js";

const functions: CaseFunctions = {
  average,
  ptp,
  countNonzero,
  flip,
  roll,
  tile,
  repeat,
  split,
  arraySplit,
};

describe("average, ptp, countNonzero, flip, roll, tile, repeat, split against numpy", () => {
  itMatchesCases(fixture.cases as Case[], functions);
});

describe("flip, roll, tile, repeat", () => {
  it("flip is a view; roll, tile and repeat copy", () => {
    const a = arange(6).reshape(2, 3);
    expect(flip(a).data).toBe(a.data);
    expect(flip(a).toArray()).toEqual([
      [5, 4, 3],
      [2, 1, 0],
    ]);
    const r = roll(a, 0, { axis: 1 });
    expect(r.data).not.toBe(a.data);
    expect(r.toArray()).toEqual(a.toArray());
    expect(roll(a, 1).toArray()).toEqual([
      [5, 0, 1],
      [2, 3, 4],
    ]);
    expect(tile(array([1, 2], { dtype: "int32" }), 2).dtype).toBe("int32");
    expect(tile(zeros([0]), 3).shape).toEqual([0]);
    expect(repeat(3, 2).toArray()).toEqual([3, 3]);
  });
  it("throw for bad arguments", () => {
    expect(() => flip([1, 2], { axis: 1 })).toThrow("out of bounds");
    expect(() => roll([1, 2], [1, 2])).toThrow("several shifts");
    expect(() => roll([[1, 2]], [1, 2, 3], { axis: [0, 1] })).toThrow("same length");
    expect(() => roll([1, 2], 0.5)).toThrow(TypeError);
    expect(() => tile([1], -1)).toThrow("reps must be non-negative");
    expect(() => repeat([1, 2], [1, 2, 3])).toThrow("repeats has 3 counts");
    expect(() => repeat([1, 2], -1)).toThrow("negative");
  });
});

describe("split and arraySplit", () => {
  it("split gives views and requires an equal division", () => {
    const a = arange(6);
    const parts = split(a, 3);
    expect(parts.map((p) => p.toArray())).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(parts[1].data).toBe(a.data);
    expect(() => split(a, 4)).toThrow("array split does not result in an equal division");
    expect(arraySplit(a, 4).map((p) => p.shape[0])).toEqual([2, 2, 1, 1]);
    expect(() => split(a, 0)).toThrow("number of sections must be larger than 0");
    expect(() => split(3, 1)).toThrow("0-d");
    expect(() => split(a, 1, { axis: 1 })).toThrow("out of bounds");
    expect(() => split(a, "2" as never)).toThrow(
      "expected a number of sections or a list of indices",
    );
    expect(() => arraySplit(a, [2, 1]).map((p) => p.shape[0])).not.toThrow();
    expect(arraySplit(a, [2, 1]).map((p) => p.shape[0])).toEqual([2, 0, 5]);
  });
});

describe("average, ptp, countNonzero", () => {
  it("follow numpy's rules and errors", () => {
    const m: number = average([1, 2, 3], { weights: [3, 0, 1] });
    expect(m).toBe(1.5);
    expect(
      average(array([1, 2], { dtype: "int32" }), { weights: array([1, 1], { dtype: "int32" }) }),
    ).toBe(1.5);
    expect(() => average([1, 2], { weights: [1, -1] })).toThrow("weights sum to zero");
    expect(() => average([[1, 2]], { weights: [1, 2] })).toThrow(
      "axis must be specified when shapes of a and weights differ",
    );
    expect(() => average([[1, 2]], { axis: 1, weights: [1, 2, 3] })).toThrow(
      "shape of weights [3]",
    );
    expect(ptp([1, Number.NaN])).toBeNaN();
    expect(() => ptp([])).toThrow("zero-size array");
    expect(countNonzero([0, Number.NaN, -1])).toBe(2);
    expect(
      countNonzero(
        [
          [0, 1],
          [1, 1],
        ],
        { axis: 0 },
      ).dtype,
    ).toBe("int32");
  });
});
