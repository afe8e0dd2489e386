import {
  arange,
  array,
  asarray,
  empty,
  eye,
  full,
  fullLike,
  identity,
  linspace,
  logspace,
  NablaError,
  NDArray,
  ones,
  onesLike,
  repr,
  ShapeError,
  zeros,
  zerosLike,
} from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import golden from "./fixtures/ndarray.linspace.json" with { type: "json" };

function close(actual: number[], expected: number[], rtol: number, atol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(
      atol + rtol * Math.abs(expected[i]),
    );
  }
}

describe("array: dtype inference and shapes", () => {
  it("JS numbers are float64, booleans bool, mixed lists float64", () => {
    expect(array([1, 2, 3]).dtype).toBe("float64");
    expect(
      array([
        [1, 2],
        [3, 4],
      ]).shape,
    ).toEqual([2, 2]);
    expect(array([true, false]).dtype).toBe("bool");
    expect(repr(array([true, false]))).toBe("array([ True, False])");
    expect(array([true, 2]).dtype).toBe("float64");
    expect(array(3).shape).toEqual([]);
    expect(array(true).dtype).toBe("bool");
    expect(array([]).shape).toEqual([0]);
    expect(array([]).dtype).toBe("float64");
    expect(array([[]]).shape).toEqual([1, 0]);
  });

  it("typed arrays keep their dtype; dtype converts (float to int truncates)", () => {
    expect(array(new Int32Array([1, 2])).dtype).toBe("int32");
    expect(array(new Float32Array([1.5])).dtype).toBe("float32");
    expect(array(new Float64Array([1.5])).dtype).toBe("float64");
    expect(repr(array([1.7, -1.7, 2.5], { dtype: "int32" }))).toBe(
      "array([ 1, -1,  2], dtype=int32)",
    );
    expect(repr(array([0, 2, -1], { dtype: "bool" }))).toBe("array([False,  True,  True])");
    expect(array(new Int32Array([1, 2]), { dtype: "float64" }).dtype).toBe("float64");
  });

  it("copies its input", () => {
    const src = new Float64Array([1, 2]);
    const a = array(src);
    src[0] = 9;
    expect(a.get(0)).toBe(1);
    const b = array(a);
    expect(b === a).toBe(false);
    expect(b.data).not.toBe(a.data);
    b.set([0], 5);
    expect(a.get(0)).toBe(1);
  });

  it("rejects ragged nesting with a ShapeError", () => {
    expect(() => array([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => array([[1, 2], [3]])).toThrow(/inhomogeneous shape after 1 dimensions/);
    expect(() => array([1, [2]] as never)).toThrow(ShapeError);
    expect(() => array([[1], 2] as never)).toThrow(ShapeError);
    expect(() => array([[[1, 2]], [[3]]])).toThrow(ShapeError);
  });

  it("rejects values that are not numbers, unknown dtypes and unknown options", () => {
    expect(() => array(["a"] as never)).toThrow(TypeError);
    expect(() => array("1" as never)).toThrow(/expected a number, an array of numbers/);
    expect(() => array([zeros(2)] as never)).toThrow(/use stack\(\)/);
    expect(() => array([1], { dtype: "int64" as never })).toThrow(/unknown dtype "int64"/);
    expect(() => array([1], { dtpye: "int32" } as never)).toThrow(/unknown option "dtpye"/);
    let thrown: unknown;
    try {
      array([[1, 2], [3]]);
    } catch (e) {
      thrown = e;
    }
    expect(NablaError.isInstance(thrown)).toBe(true);
  });
});

describe("asarray", () => {
  it("returns the same NDArray when no conversion is needed", () => {
    const a = zeros([2, 2]);
    expect(asarray(a) === a).toBe(true);
    expect(asarray(a, { dtype: "float64" }) === a).toBe(true);
  });
  it("converts when the dtype differs or the input is not an NDArray", () => {
    const a = zeros([2]);
    const b = asarray(a, { dtype: "float32" });
    expect(b === a).toBe(false);
    expect(b.dtype).toBe("float32");
    expect(asarray([1, 2]) instanceof NDArray).toBe(true);
    expect(asarray(new Int32Array([1])).dtype).toBe("int32");
  });
});

describe("linspace: golden cases (numpy 2.4)", () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const [start, stop, num] = c.args as number[];
      const options = c.options as { endpoint?: boolean; retstep?: boolean };
      if (options.retstep) {
        const [samples, step] = linspace(start, stop, num, { ...options, retstep: true });
        const [values, expectedStep] = c.expected as [number[], number];
        close(Array.from(samples.data), values, c.rtol, c.atol);
        close([step], [expectedStep], c.rtol, c.atol);
      } else {
        const samples =
          num === undefined
            ? linspace(start, stop, options as { endpoint?: boolean })
            : linspace(start, stop, num, options as { endpoint?: boolean });
        close(Array.from(samples.data), c.expected as number[], c.rtol, c.atol);
      }
    });
  }
});

describe("linspace: edge cases and errors", () => {
  it("num may be positional or an option", () => {
    expect(repr(linspace(0, 1, 5))).toBe("array([0.  , 0.25, 0.5 , 0.75, 1.  ])");
    expect(repr(linspace(0, 1, { num: 5 }))).toBe("array([0.  , 0.25, 0.5 , 0.75, 1.  ])");
    expect(linspace(0, 1).size).toBe(50);
  });

  it("keeps the last sample exactly at stop and gives numpy's step", () => {
    const [x, h] = linspace(0.1, 1, 10, { retstep: true });
    expect(h).toBe(0.1);
    expect(x.get(9)).toBe(1);
    expect(repr(x)).toBe("array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1. ])");
  });

  it("num 0 and 1", () => {
    const [one, step1] = linspace(2, 3, 1, { retstep: true });
    expect(Array.from(one.data)).toEqual([2]);
    expect(step1).toBeNaN();
    const [oneOpen, step2] = linspace(2, 3, 1, { endpoint: false, retstep: true });
    expect(Array.from(oneOpen.data)).toEqual([2]);
    expect(step2).toBe(1);
    const [none, step0] = linspace(0, 1, 0, { retstep: true });
    expect(none.shape).toEqual([0]);
    expect(step0).toBeNaN();
  });

  it("integer dtype floors the samples", () => {
    expect(repr(linspace(0, 1, 3, { dtype: "int32" }))).toBe("array([0, 0, 1], dtype=int32)");
    expect(repr(linspace(-1, 1, 4, { dtype: "int32" }))).toBe(
      "array([-1, -1,  0,  1], dtype=int32)",
    );
    expect(linspace(0, 1, 3, { dtype: "float32" }).dtype).toBe("float32");
  });

  it("errors", () => {
    expect(() => linspace(0, 1, -1)).toThrow(/Number of samples, -1, must be non-negative/);
    expect(() => linspace(0, 1, -1)).toThrow(RangeError);
    expect(() => linspace(0, 1, 2.5)).toThrow(TypeError);
    expect(() => linspace(0, 1, 5, { num: 5 } as never)).toThrow(/num given twice/);
    expect(() => linspace(0, 1, { stepz: 1 } as never)).toThrow(/unknown option "stepz"/);
    expect(() => linspace(0, 1, "5" as never)).toThrow(TypeError);
  });
});

describe("arange", () => {
  it("matches numpy's values", () => {
    expect(repr(arange(4))).toBe("array([0., 1., 2., 3.])");
    expect(repr(arange(1, 2, 0.25))).toBe("array([1.  , 1.25, 1.5 , 1.75])");
    expect(repr(arange(10, 0, -3))).toBe("array([10.,  7.,  4.,  1.])");
    expect(repr(arange(0.5, 3))).toBe("array([0.5, 1.5, 2.5])");
    expect(Array.from(arange(0, 1, 0.1).data)).toEqual([
      0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9,
    ]);
    expect(arange(5, 1).size).toBe(0);
    expect(repr(arange(3, undefined, 1, { dtype: "int32" }))).toBe("array([0, 1, 2], dtype=int32)");
  });
  it("errors", () => {
    expect(() => arange(0, 1, 0)).toThrow(/step must not be zero/);
    expect(() => arange(Number.NaN)).toThrow(RangeError);
    expect(() => arange(0, Number.POSITIVE_INFINITY)).toThrow(/stop must be a finite number/);
  });
});

describe("eye, identity, logspace", () => {
  it("eye with m and k", () => {
    expect(repr(eye(3, { m: 4, k: 1 }))).toBe(
      "array([[0., 1., 0., 0.],\n       [0., 0., 1., 0.],\n       [0., 0., 0., 1.]])",
    );
    expect(repr(eye(3, { k: -2 }))).toBe(
      "array([[0., 0., 0.],\n       [0., 0., 0.],\n       [1., 0., 0.]])",
    );
    expect(Array.from(eye(2, { k: 5 }).data)).toEqual([0, 0, 0, 0]);
    expect(eye(2, { dtype: "int32" }).dtype).toBe("int32");
    expect(repr(identity(2))).toBe("array([[1., 0.],\n       [0., 1.]])");
    expect(() => eye(2, { k: 0.5 })).toThrow(/k must be an integer/);
    expect(() => eye(-1)).toThrow(RangeError);
  });

  it("logspace", () => {
    expect(repr(logspace(0, 2, 3))).toBe("array([  1.,  10., 100.])");
    expect(repr(logspace(0, 3, 4, { base: 2 }))).toBe("array([1., 2., 4., 8.])");
    expect(repr(logspace(0, 1, 5, { endpoint: false }))).toBe(
      "array([1.        , 1.58489319, 2.51188643, 3.98107171, 6.30957344])",
    );
    expect(logspace(0, 1).size).toBe(50);
    expect(() => logspace(0, 1, { bse: 2 } as never)).toThrow(/unknown option "bse"/);
  });
});

describe("full, zeros, ones, empty and the *Like functions", () => {
  it("shapes and dtypes", () => {
    expect(repr(full([2, 2], 7))).toBe("array([[7., 7.],\n       [7., 7.]])");
    expect(full(2, true).dtype).toBe("bool");
    expect(repr(zeros(3, { dtype: "int32" }))).toBe("array([0, 0, 0], dtype=int32)");
    expect(repr(ones([1, 2]))).toBe("array([[1., 1.]])");
    expect(empty([2, 3]).shape).toEqual([2, 3]);
    expect(zeros([]).shape).toEqual([]);
    expect(zeros([0, 2]).size).toBe(0);
  });
  it("*Like keep shape and dtype unless told", () => {
    const a = array([[1, 2, 3]], { dtype: "int32" });
    expect(repr(zerosLike(a))).toBe("array([[0, 0, 0]], dtype=int32)");
    expect(repr(onesLike(a, { dtype: "float64" }))).toBe("array([[1., 1., 1.]])");
    expect(repr(fullLike([1.5, 2], 3))).toBe("array([3., 3.])");
    expect(fullLike(a, 2.7).get(0, 0)).toBe(2);
  });
  it("errors", () => {
    expect(() => zeros(-1)).toThrow(/negative or non-integer dimension -1/);
    expect(() => ones([2, 1.5])).toThrow(RangeError);
    expect(() => full(2, 1, { dtype: "complex" as never })).toThrow(TypeError);
    expect(() => zeros(2, { shape: 3 } as never)).toThrow(/unknown option "shape"/);
  });
});
