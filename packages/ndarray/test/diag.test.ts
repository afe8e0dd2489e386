import { arange, array, diag, diagonal, NDArray, trace, zeros } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import golden from "./fixtures/ndarray.diag.json" with { type: "json" };
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, type CaseFunctions, decode, expectClose, itMatchesCases } from "./reference.js";

describe("diag: golden cases (numpy 2.4)", () => {
  for (const c of golden.cases as Case[]) {
    it(c.name, () => {
      const [v, k] = c.args.map(decode) as [number[], number | undefined];
      expectClose(k === undefined ? diag(v) : diag(v, k), decode(c.expected), c.rtol, c.atol);
      if (k !== undefined) expectClose(diag(v, { k }), decode(c.expected), c.rtol, c.atol);
    });
  }
});

const functions: CaseFunctions = { diag, diagonal, trace };

describe("diag, diagonal, trace against numpy (scripts/make-fixtures-reduce.py)", () => {
  itMatchesCases(fixture.cases as Case[], functions);
});

describe("diag semantics", () => {
  it("matches ALGORITHMS.md's vectors", () => {
    expect(diag([1, 2], -1).toArray()).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 2, 0],
    ]);
    expect(diag(arange(9).reshape(3, 3), 1).toArray()).toEqual([1, 5]);
    expect(diag(arange(6).reshape(2, 3), -1).toArray()).toEqual([3]);
    expect(diag(arange(6).reshape(2, 3), 7).shape).toEqual([0]);
  });
  it("keeps the dtype and returns a copy for 2-D input", () => {
    const m = array(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: "int32" },
    );
    const d = diag(m);
    expect(d.dtype).toBe("int32");
    d.set([0], 9);
    expect(m.get(0, 0)).toBe(1);
    expect(diag(array([true, true])).dtype).toBe("bool");
    expect(diag([]).shape).toEqual([0, 0]);
  });
  it("reads strided and transposed views", () => {
    const a = arange(16).reshape(4, 4);
    expect(diag(a.T, 1).toArray()).toEqual([4, 9, 14]);
    expect(diag(a.slice("::2", "::-2")).toArray()).toEqual([3, 9]);
    expect(diag(arange(6).slice("::2")).toArray()).toEqual([
      [0, 0, 0],
      [0, 2, 0],
      [0, 0, 4],
    ]);
  });
  it("throws numpy's errors", () => {
    expect(() => diag(zeros([2, 2, 2]))).toThrow("Input must be 1- or 2-d");
    expect(() => diag(3)).toThrow(RangeError);
    expect(() => diag([1, 2], 0.5)).toThrow(TypeError);
    expect(() => diag([1, 2], { j: 1 } as never)).toThrow('unknown option "j"');
  });
});

describe("diagonal and trace", () => {
  it("diagonal is a view", () => {
    const a = zeros([3, 3]);
    const d = diagonal(a);
    expect(d.data).toBe(a.data);
    d.set([1], 5);
    expect(a.get(1, 1)).toBe(5);
    expect(a.diagonal({ offset: -1 }).shape).toEqual([2]);
  });
  it("trace sums a diagonal (a number for 2-D, an array for stacks)", () => {
    const t: number = trace([
      [1, 2],
      [3, 4],
    ]);
    expect(t).toBe(5);
    expect(
      array([
        [1, 2],
        [3, 4],
      ]).trace({ offset: 1 }),
    ).toBe(2);
    const stacked = trace(arange(8).reshape(2, 2, 2), { axis1: 1, axis2: 2 });
    expect(stacked instanceof NDArray && stacked.toArray()).toEqual([3, 11]);
  });
  it("throws for bad axes", () => {
    expect(() => diagonal([1, 2])).toThrow("at least two dimensions");
    expect(() => diagonal(zeros([2, 2]), { axis1: 1, axis2: 1 })).toThrow(
      "axis1 and axis2 cannot be the same",
    );
    expect(() => diagonal(zeros([2, 2]), { axis1: 2 })).toThrow("out of bounds");
  });
});
