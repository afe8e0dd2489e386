import {
  arange,
  checkBroadcastTo,
  formatShape,
  moveaxisPermutation,
  NablaError,
  normalizeAxes,
  normalizePermutation,
  resolveShape,
  ShapeError,
  sameShape,
  sizeOf,
  sliceIndexCount,
  squeezeAxes,
  swapaxesPermutation,
  zeros,
} from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// Shapes and axis lists from numpy 2.4 (np.moveaxis, np.transpose, np.squeeze, reshape, indexing
// and numpy.lib.array_utils.normalize_axis_tuple on zeros((2, 3, 4, 5))), written out here.

/** Throws `fn()`'s error so its class and message can both be asserted. */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("sizeOf, sameShape, formatShape", () => {
  it("multiply, compare and print shapes", () => {
    expect(sizeOf([2, 3, 4])).toBe(24);
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([3, 0])).toBe(0);
    expect(sameShape([2, 3], [2, 3])).toBe(true);
    expect(sameShape([2, 3], [3, 2])).toBe(false);
    expect(sameShape([2], [2, 1])).toBe(false);
    expect(sameShape([], [])).toBe(true);
    expect(formatShape([2, 3])).toBe("[2,3]");
    expect(formatShape([])).toBe("[]");
  });

  it("sizeOf is an array's size", () => {
    for (const shape of [[], [5], [2, 3], [2, 0, 4], [1, 1, 7]]) {
      expect(sizeOf(shape)).toBe(zeros(shape).size);
    }
  });
});

describe("normalizeAxes", () => {
  it("normalises, sorts, and reads absent/null as every axis", () => {
    expect(normalizeAxes("sum", [-1, 0], 3)).toEqual([0, 2]);
    expect(normalizeAxes("sum", -2, 3)).toEqual([1]);
    expect(normalizeAxes("sum", undefined, 3)).toEqual([0, 1, 2]);
    expect(normalizeAxes("sum", null, 2)).toEqual([0, 1]);
    expect(normalizeAxes("sum", undefined, 0)).toEqual([]);
    expect(normalizeAxes("sum", [], 2)).toEqual([]);
  });

  it("checks bounds before repeats, as numpy's normalize_axis_tuple", () => {
    const repeated = errorOf(() => normalizeAxes("sum", [1, -1], 2));
    expect(repeated).toBeInstanceOf(RangeError);
    expect(NablaError.isInstance(repeated)).toBe(true);
    expect(repeated.message).toBe("sum: repeated axis in [1,-1].");
    expect(() => normalizeAxes("sum", [0, 0, 5], 2)).toThrow(
      "sum: axis 5 is out of bounds for array of dimension 2.",
    );
    expect(() => normalizeAxes("mean", 2.5, 3)).toThrow(
      "mean: axis 2.5 is out of bounds for array of dimension 3.",
    );
  });

  it("is the sorted set of normalised axes (property)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((ndim) =>
            fc.tuple(
              fc.constant(ndim),
              fc.array(fc.integer({ min: -ndim, max: ndim - 1 }), { maxLength: 6 }),
            ),
          ),
        ([ndim, axis]) => {
          const normal = axis.map((a) => (a < 0 ? a + ndim : a));
          const unique = [...new Set(normal)].sort((a, b) => a - b);
          if (unique.length === normal.length) {
            expect(normalizeAxes("f", axis, ndim)).toEqual(unique);
          } else {
            expect(() => normalizeAxes("f", axis, ndim)).toThrow("f: repeated axis in");
          }
        },
      ),
    );
  });

  it("does not write to its argument", () => {
    const axis = Object.freeze([2, 0]);
    expect(normalizeAxes("sum", axis, 3)).toEqual([0, 2]);
    expect(axis).toEqual([2, 0]);
  });
});

describe("normalizePermutation", () => {
  it("normalises a permutation and reverses by default", () => {
    expect(normalizePermutation("transpose", [-1, 0, 2, 1], 4)).toEqual([3, 0, 2, 1]);
    expect(zeros([2, 3, 4, 5]).transpose([-1, 0, 2, 1]).shape).toEqual([5, 2, 4, 3]);
    expect(normalizePermutation("transpose", undefined, 3)).toEqual([2, 1, 0]);
    expect(normalizePermutation("transpose", undefined, 0)).toEqual([]);
    expect(normalizePermutation("transpose", [], 0)).toEqual([]);
  });

  it("rejects repeats (also after normalising), wrong lengths and bad axes", () => {
    const twice = errorOf(() => normalizePermutation("transpose", [0, 0], 2));
    expect(twice).toBeInstanceOf(RangeError);
    expect(NablaError.isInstance(twice)).toBe(true);
    expect(twice.message).toBe("transpose: axes [0,0] are not a permutation of 2 axes.");
    expect(() => normalizePermutation("transpose", [1, -1], 2)).toThrow(
      "transpose: axes [1,-1] are not a permutation of 2 axes.",
    );
    expect(() => normalizePermutation("transpose", [0, 1, 2], 4)).toThrow(
      "transpose: axes [0,1,2] are not a permutation of 4 axes.",
    );
    expect(() => normalizePermutation("transpose", [0, 3], 2)).toThrow(
      "transpose: axis 3 is out of bounds for array of dimension 2.",
    );
  });

  it("accepts exactly the permutations (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }).chain((ndim) =>
          fc.tuple(
            fc.constant(ndim),
            fc.array(fc.integer({ min: -ndim, max: Math.max(0, ndim - 1) }), {
              minLength: ndim,
              maxLength: ndim,
            }),
          ),
        ),
        ([ndim, axes]) => {
          const normal = axes.map((a) => (a < 0 ? a + ndim : a));
          if (new Set(normal).size === ndim) {
            expect(normalizePermutation("t", axes, ndim)).toEqual(normal);
          } else {
            expect(() => normalizePermutation("t", axes, ndim)).toThrow("not a permutation");
          }
        },
      ),
    );
  });
});

describe("moveaxisPermutation", () => {
  it("gives numpy's moveaxis shapes", () => {
    const a = zeros([2, 3, 4, 5]);
    expect(moveaxisPermutation("moveaxis", 1, -1, 4)).toEqual([0, 2, 3, 1]);
    expect(a.moveaxis(1, -1).shape).toEqual([2, 4, 5, 3]);
    expect(moveaxisPermutation("moveaxis", -1, 0, 4)).toEqual([3, 0, 1, 2]);
    expect(a.moveaxis(-1, 0).shape).toEqual([5, 2, 3, 4]);
    expect(moveaxisPermutation("moveaxis", 2, 2, 4)).toEqual([0, 1, 2, 3]);
  });

  it("is numpy's order: the others in order, source inserted at destination (property)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((ndim) =>
            fc.tuple(
              fc.constant(ndim),
              fc.integer({ min: -ndim, max: ndim - 1 }),
              fc.integer({ min: -ndim, max: ndim - 1 }),
            ),
          ),
        ([ndim, source, destination]) => {
          const from = source < 0 ? source + ndim : source;
          const to = destination < 0 ? destination + ndim : destination;
          const order = Array.from({ length: ndim }, (_, i) => i).filter((i) => i !== from);
          order.splice(to, 0, from);
          expect(moveaxisPermutation("m", source, destination, ndim)).toEqual(order);
        },
      ),
    );
  });

  it("rejects an axis out of bounds", () => {
    expect(() => moveaxisPermutation("moveaxis", 0, 3, 3)).toThrow(
      "moveaxis: axis 3 is out of bounds for array of dimension 3.",
    );
    expect(() => moveaxisPermutation("moveaxis", -4, 0, 3)).toThrow(
      "moveaxis: axis -4 is out of bounds for array of dimension 3.",
    );
  });
});

describe("swapaxesPermutation", () => {
  it("gives numpy's swapaxes shapes", () => {
    expect(swapaxesPermutation("swapaxes", 0, -1, 3)).toEqual([2, 1, 0]);
    expect(zeros([2, 3, 4]).swapaxes(0, -1).shape).toEqual([4, 3, 2]);
    expect(swapaxesPermutation("swapaxes", -2, -1, 4)).toEqual([0, 1, 3, 2]);
    expect(swapaxesPermutation("swapaxes", 1, 1, 3)).toEqual([0, 1, 2]);
  });

  it("rejects an axis out of bounds", () => {
    expect(() => swapaxesPermutation("swapaxes", 0, 2, 2)).toThrow(
      "swapaxes: axis 2 is out of bounds for array of dimension 2.",
    );
  });
});

describe("checkBroadcastTo", () => {
  it("passes what numpy's broadcast_to accepts", () => {
    expect(() => checkBroadcastTo("broadcastTo", [3, 1], [2, 3, 4])).not.toThrow();
    expect(zeros([3, 1]).broadcastTo([2, 3, 4]).shape).toEqual([2, 3, 4]);
    expect(() => checkBroadcastTo("broadcastTo", [], [2])).not.toThrow();
    expect(() => checkBroadcastTo("broadcastTo", [1], [0])).not.toThrow();
    expect(() => checkBroadcastTo("broadcastTo", [2, 3], [2, 3])).not.toThrow();
  });

  it("rejects a mismatched length, fewer axes, and a 0-length axis to 1", () => {
    const err = errorOf(() => checkBroadcastTo("broadcastTo", [3], [2, 4]));
    expect(err).toBeInstanceOf(ShapeError);
    expect(NablaError.isInstance(err)).toBe(true);
    expect(err.message).toBe("broadcastTo: cannot broadcast shape [3] to [2,4].");
    expect(() => checkBroadcastTo("broadcastTo", [2, 3], [3])).toThrow(
      "broadcastTo: cannot broadcast shape [2,3] to [3].",
    );
    expect(() => checkBroadcastTo("broadcastTo", [0], [1])).toThrow(ShapeError);
  });

  it("rejects negative and fractional target lengths (numpy: ValueError, TypeError)", () => {
    for (const to of [[-1], [2.5], [2, -3], [Number.NaN]]) {
      const err = errorOf(() => checkBroadcastTo("broadcastTo", [1], to));
      expect(err).toBeInstanceOf(RangeError);
      expect(err.message).toBe(
        `broadcastTo: the target shape ${formatShape(to)} must have non-negative integer lengths.`,
      );
      expect(() => zeros([1]).broadcastTo(to)).toThrow(RangeError);
    }
  });

  it("leaves the caller's shape array out of the view", () => {
    const shape = [2, 3];
    const b = zeros([3]).broadcastTo(shape);
    shape[0] = 5;
    expect(b.shape).toEqual([2, 3]);
  });
});

describe("squeezeAxes", () => {
  it("finds numpy's squeezed axes", () => {
    expect(squeezeAxes("squeeze", [1, 3, 1, 1], undefined)).toEqual([0, 2, 3]);
    expect(squeezeAxes("squeeze", [1, 3, 1, 1], [0, -1])).toEqual([0, 3]);
    expect(zeros([1, 3, 1, 1]).squeeze([0, -1]).shape).toEqual([3, 1]);
    expect(squeezeAxes("squeeze", [2, 3], undefined)).toEqual([]);
    expect(squeezeAxes("squeeze", [], undefined)).toEqual([]);
  });

  it("rejects an axis whose length is not 1, or out of bounds", () => {
    const err = errorOf(() => squeezeAxes("squeeze", [2, 3, 4, 5], 0));
    expect(err).toBeInstanceOf(RangeError);
    expect(err.message).toBe(
      "squeeze: cannot select an axis to squeeze out which has size not equal to one (axis 0 has size 2).",
    );
    expect(() => squeezeAxes("squeeze", [1, 3], 2)).toThrow(
      "squeeze: axis 2 is out of bounds for array of dimension 2.",
    );
  });

  it("rejects a repeated axis, as numpy's duplicate-value error", () => {
    expect(() => squeezeAxes("squeeze", [1, 3], [0, 0])).toThrow(
      "squeeze: repeated axis in [0,0].",
    );
    expect(() => zeros([1, 3, 1]).squeeze([2, -1])).toThrow("squeeze: repeated axis in [2,-1].");
  });
});

describe("resolveShape", () => {
  it("infers the -1 length as numpy's reshape", () => {
    expect(resolveShape("reshape", 120, [4, -1])).toEqual([4, 30]);
    expect(arange(120).reshape(4, -1).shape).toEqual([4, 30]);
    expect(resolveShape("reshape", 120, [2, 3, 4, 5])).toEqual([2, 3, 4, 5]);
    expect(resolveShape("reshape", 1, [])).toEqual([]);
    expect(resolveShape("reshape", 0, [3, -1])).toEqual([3, 0]);
  });

  it("returns a fresh array", () => {
    const shape = [2, 3];
    const out = resolveShape("reshape", 6, shape);
    expect(out).toEqual(shape);
    expect(out).not.toBe(shape);
  });

  it("rejects sizes that do not fit, two unknowns and bad lengths", () => {
    const err = errorOf(() => resolveShape("reshape", 120, [7, -1]));
    expect(err).toBeInstanceOf(ShapeError);
    expect(err).toBeInstanceOf(RangeError);
    expect(err.message).toBe("reshape: cannot reshape array of size 120 into shape [7,-1].");
    expect(() => resolveShape("reshape", 120, [2, 3])).toThrow(ShapeError);
    expect(() => resolveShape("reshape", 6, [0, -1])).toThrow(
      "reshape: cannot reshape array of size 6 into shape [0,-1].",
    );
    // numpy: an unknown length beside a zero one is ambiguous.
    expect(() => resolveShape("reshape", 0, [0, -1, 2])).toThrow(ShapeError);
    expect(() => resolveShape("reshape", 12, [-1, -1])).toThrow(
      "reshape: can only specify one unknown dimension (-1).",
    );
    expect(() => resolveShape("reshape", 12, [-2, -6])).toThrow(
      "reshape: invalid dimension -2 in [-2,-6].",
    );
    expect(() => resolveShape("reshape", 12, [2.5, 4])).toThrow("reshape: invalid dimension 2.5");
  });
});

describe("sliceIndexCount", () => {
  it("counts the specs that index an axis", () => {
    expect(sliceIndexCount("slice", ["...", 0, null], 4)).toBe(1);
    expect(zeros([2, 3, 4, 5]).slice("...", 0, null).shape).toEqual([2, 3, 4, 1]);
    expect(sliceIndexCount("slice", [":", "1:", -1], 3)).toBe(3);
    expect(sliceIndexCount("slice", [null, null], 0)).toBe(0);
    expect(sliceIndexCount("slice", [], 2)).toBe(0);
  });

  it("rejects two ellipses and too many indices", () => {
    const many = errorOf(() => sliceIndexCount("slice", [0, 0, 0, 0, 0], 4));
    expect(many).toBeInstanceOf(RangeError);
    expect(NablaError.isInstance(many)).toBe(true);
    expect(many.message).toBe(
      "slice: too many indices for array: array is 4-dimensional, but 5 were indexed.",
    );
    expect(() => sliceIndexCount("slice", ["...", "..."], 4)).toThrow(
      "slice: an index can only have a single ellipsis ('...').",
    );
  });
});
