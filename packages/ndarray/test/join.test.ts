import {
  arange,
  array,
  columnStack,
  concatenate,
  hstack,
  meshgrid,
  NablaError,
  type NDArray,
  ShapeError,
  stack,
  vstack,
  zeros,
} from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, itMatchesCases } from "./reference.js";

describe("joining against numpy (scripts/make-fixtures-reduce.py)", () => {
  itMatchesCases(fixture.cases as Case[], {
    concatenate,
    stack,
    hstack,
    vstack,
    columnStack,
    meshgrid,
  });
});

describe("concatenate and stack", () => {
  it("promote dtypes and accept views", () => {
    const i = array([1, 2], { dtype: "int32" });
    expect(concatenate([i, i]).dtype).toBe("int32");
    expect(concatenate([i, [0.5]]).dtype).toBe("float64");
    expect(concatenate([array([true]), array([false])]).dtype).toBe("bool");
    expect(concatenate([i, [0.5]], { dtype: "float32" }).dtype).toBe("float32");
    const a = arange(6).reshape(2, 3);
    expect(concatenate([a.T, a.T.slice("::-1")], { axis: 1 }).toArray()).toEqual([
      [0, 3, 2, 5],
      [1, 4, 1, 4],
      [2, 5, 0, 3],
    ]);
    expect(concatenate([zeros([0, 3]), a]).toArray()).toEqual(a.toArray());
    expect(stack([1, 2]).toArray()).toEqual([1, 2]);
    expect(stack([a, a], { axis: -1 }).shape).toEqual([2, 3, 2]);
  });
  it("throw numpy's errors, naming the shapes", () => {
    expect(() => concatenate([])).toThrow("need at least one array to concatenate");
    expect(() => stack([])).toThrow("need at least one array to stack");
    expect(() => concatenate([1, 2])).toThrow("zero-dimensional arrays cannot be concatenated");
    expect(() => concatenate([zeros([2, 2]), zeros([2, 3])])).toThrow(ShapeError);
    expect(() => concatenate([zeros([2, 2]), zeros([2, 3])])).toThrow(
      "along dimension 1, the array at index 0 has size 2 (shape [2,2]) and the array at index 1 has size 3 (shape [2,3])",
    );
    expect(() => concatenate([zeros([2, 2]), zeros([2])])).toThrow(
      "all the input arrays must have same number of dimensions",
    );
    expect(() => concatenate([zeros([2])], { axis: 1 })).toThrow("axis 1 is out of bounds");
    expect(() => stack([zeros([2]), zeros([3])])).toThrow(
      "all input arrays must have the same shape, but the array at index 0 has shape [2] and the array at index 1 has shape [3]",
    );
    expect(() => stack([zeros([2])], { axis: 2 })).toThrow("out of bounds");
    expect(() => concatenate(zeros([2]) as never)).toThrow(TypeError);
    expect(() => concatenate([[1]], { axes: 0 } as never)).toThrow('unknown option "axes"');
    expect(() => concatenate([[1]], { dtype: "int64" } as never)).toThrow("unknown dtype");
    try {
      concatenate([]);
    } catch (e) {
      expect(NablaError.isInstance(e)).toBe(true);
    }
  });
  it("property: concatenate then slicing gives back the inputs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (lengths, cols) => {
          const parts = lengths.map((n, k) =>
            arange(n * cols)
              .add(100 * k)
              .reshape(n, cols),
          );
          const joined = concatenate(parts);
          let at = 0;
          for (const p of parts) {
            expect(joined.slice(`${at}:${at + p.shape[0]}`).toArray()).toEqual(p.toArray());
            at += p.shape[0];
          }
          const t = concatenate(
            parts.map((p) => p.T),
            { axis: 1 },
          );
          expect(t.toArray()).toEqual(joined.T.toArray());
        },
      ),
    );
  });
});

describe("hstack, vstack, columnStack", () => {
  it("follow numpy's rules for 0-d, 1-d and 2-d inputs", () => {
    expect(hstack([1, 2]).toArray()).toEqual([1, 2]);
    expect(vstack([1, 2]).toArray()).toEqual([[1], [2]]);
    expect(
      vstack([
        [1, 2],
        [
          [3, 4],
          [5, 6],
        ],
      ]).shape,
    ).toEqual([3, 2]);
    expect(
      columnStack([
        [1, 2],
        [[3], [4]],
      ]).toArray(),
    ).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(() => hstack([])).toThrow("need at least one array");
    expect(() =>
      vstack([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toThrow(ShapeError);
  });
});

describe("meshgrid", () => {
  it("returns contiguous copies with 'xy' (default) or 'ij' shapes", () => {
    const [X, Y] = meshgrid([1, 2, 3], [4, 5]);
    expect(X.shape).toEqual([2, 3]);
    expect(X.isContiguous && Y.isContiguous).toBe(true);
    const [I, J] = meshgrid([1, 2, 3], [4, 5], { indexing: "ij" });
    expect(I.shape).toEqual([3, 2]);
    expect(J.toArray()).toEqual([
      [4, 5],
      [4, 5],
      [4, 5],
    ]);
    expect(meshgrid()).toEqual([]);
    expect(
      meshgrid(
        array([
          [1, 2],
          [3, 4],
        ]),
        [0],
      )[0].shape,
    ).toEqual([1, 4]);
    const sparse = meshgrid([1, 2, 3], [4, 5], { sparse: true });
    expect(sparse.map((s: NDArray) => s.shape)).toEqual([
      [1, 3],
      [2, 1],
    ]);
  });
  it("rejects unknown indexing and options", () => {
    expect(() => meshgrid([1], { indexing: "xz" } as never)).toThrow(
      'valid values for indexing are "xy" and "ij"',
    );
    expect(() => meshgrid([1], { copy: false } as never)).toThrow('unknown option "copy"');
  });
});
