import {
  all,
  any,
  arange,
  argmax,
  argmin,
  argsort,
  array,
  cumprod,
  cumsum,
  diff,
  full,
  max,
  mean,
  median,
  min,
  NablaError,
  NDArray,
  nanargmax,
  nanargmin,
  nanmax,
  nanmean,
  nanmin,
  nanprod,
  nanstd,
  nansum,
  nanvar,
  percentile,
  prod,
  quantile,
  searchsorted,
  sort,
  std,
  sum,
  unique,
  var_,
  var as variance,
  zeros,
} from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, type CaseFunctions, generated, itMatchesCases } from "./reference.js";

const functions: CaseFunctions = {
  sum,
  prod,
  mean,
  var: var_,
  std,
  max,
  min,
  argmax,
  argmin,
  any,
  all,
  cumsum,
  cumprod,
  diff,
  searchsorted,
  unique,
  sort,
  argsort,
  median,
  quantile,
  percentile,
  nansum,
  nanprod,
  nanmean,
  nanvar,
  nanstd,
  nanmax,
  nanmin,
  nanargmax,
  nanargmin,
  sumGenerated: (n: number) => sum(generated(n)),
  sumFull: (n: number, v: number) => sum(full([n], v)),
  meanFull: (n: number, v: number) => mean(full([n], v)),
  sumGenerated2d: (r: number, c: number, o?: object) =>
    sum(new NDArray(generated(r * c), [r, c]), o),
  sumGenerated2dT: (r: number, c: number, o?: object) =>
    sum(new NDArray(generated(r * c), [r, c]).T, o),
  varGenerated2d: (r: number, c: number, o?: object) =>
    var_(new NDArray(generated(r * c), [r, c]), o),
  stdGenerated: (n: number) => std(generated(n)),
  sumGenerated3d: (p: number, q: number, r: number, o?: object) =>
    sum(new NDArray(generated(p * q * r), [p, q, r]), o),
};

describe("reductions against numpy 2.4 (scripts/make-fixtures-reduce.py)", () => {
  const cases = itMatchesCases(fixture.cases as Case[], functions);
  it("covers the fixture", () => {
    expect(cases.length).toBeGreaterThan(400);
  });
});

describe("pairwise summation", () => {
  it("sums 1e6 copies of 0.1 to numpy's 100000.00000000003, not the naive 100000.00000133288", () => {
    expect(sum(full([1e6], 0.1))).toBe(100000.00000000003);
    let naive = 0;
    for (let i = 0; i < 1e6; i++) naive += 0.1;
    expect(naive).not.toBe(100000.00000000003);
  });
  it("is exact for a strided view and for float32 / int32 inputs of exact values", () => {
    const x = arange(2000).slice("::2");
    expect(sum(x)).toBe(999000);
    expect(sum(arange(1000, undefined, 1, { dtype: "int32" }))).toBe(499500);
    expect(sum(arange(1000, undefined, 1, { dtype: "float32" }))).toBe(499500);
  });
  it("keeps the error far below a naive running sum on a long ill-conditioned row", () => {
    const n = 1 << 20;
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = i % 2 === 0 ? 1 + 1e-10 * (i % 7) : 1e-3;
    // exact total in two parts: even terms and odd terms
    let evenExtra = 0;
    for (let i = 0; i < n; i += 2) evenExtra += i % 7;
    const exact = n / 2 + 1e-10 * evenExtra + (n / 2) * 1e-3;
    expect(Math.abs(sum(d) - exact) / exact).toBeLessThan(1e-14);
  });
});

describe("reduction results and dtypes", () => {
  const a = arange(6).reshape(2, 3);
  it("returns a number for a full reduction and an NDArray with axis or keepdims", () => {
    const s: number = sum(a);
    expect(s).toBe(15);
    const byAxis: NDArray = sum(a, { axis: 0 });
    expect(byAxis.toArray()).toEqual([3, 5, 7]);
    expect(sum(a, { keepdims: true }).shape).toEqual([1, 1]);
    expect(sum(a, { axis: [0, 1] }).shape).toEqual([]);
    expect(sum(a, { axis: [0, 1] }).item()).toBe(15);
    expect(sum(a, { axis: null })).toBe(15);
    expect(sum(a, { axis: -1, keepdims: true }).toArray()).toEqual([[3], [12]]);
    const b: boolean = any(a);
    expect(b).toBe(true);
    expect(all(a)).toBe(false);
  });
  it("accepts numbers, nested arrays and typed arrays", () => {
    expect(sum(3)).toBe(3);
    expect(
      sum([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(10);
    expect(sum(new Int32Array([1, 2, 3]))).toBe(6);
    expect(max(new Float32Array([1.5, -2]))).toBe(1.5);
  });
  it("uses numpy's result dtypes", () => {
    const i = array([1, 2, 3], { dtype: "int32" });
    expect(sum(i, { axis: 0 }).dtype).toBe("int32");
    expect(cumsum(i).dtype).toBe("int32");
    expect(sum(array([true, true, false]))).toBe(2);
    expect(sum(array([true, true, false]), { axis: 0 }).dtype).toBe("int32");
    expect(mean(i, { axis: 0 }).dtype).toBe("float64");
    expect(mean(i)).toBe(2);
    expect(variance(i)).toBeCloseTo(2 / 3, 15);
    expect(max(i, { axis: 0 }).dtype).toBe("int32");
    expect(mean(array([1, 2], { dtype: "float32" }), { axis: 0 }).dtype).toBe("float32");
    expect(any(a, { axis: 0 }).dtype).toBe("bool");
    expect(argmax(a, { axis: 0 }).dtype).toBe("int32");
    expect(sum([1.5, 1.5, 1.5], { dtype: "int32" })).toBe(3);
    expect(sum([1, 2], { dtype: "float32", axis: 0 }).dtype).toBe("float32");
    expect(prod(array([2, 3], { dtype: "int32" }))).toBe(6);
  });
  it("returns the exact total for a full integer sum (numpy accumulates in int64)", () => {
    const big = full([3], 2 ** 30, { dtype: "int32" });
    expect(sum(big)).toBe(3 * 2 ** 30);
  });
  it("handles empty arrays as numpy", () => {
    expect(sum(zeros([0]))).toBe(0);
    expect(prod(zeros([0]))).toBe(1);
    expect(mean(zeros([0]))).toBeNaN();
    expect(variance(zeros([0]))).toBeNaN();
    expect(sum(zeros([0, 3]), { axis: 0 }).toArray()).toEqual([0, 0, 0]);
    expect(sum(zeros([0, 3]), { axis: 1 }).shape).toEqual([0]);
    expect(any(zeros([0]))).toBe(false);
    expect(all(zeros([0]))).toBe(true);
    expect(max(zeros([0, 3]), { axis: 1 }).shape).toEqual([0]);
    expect(argmax(zeros([2, 0]), { axis: 0 }).shape).toEqual([0]);
    expect(cumsum(zeros([0])).shape).toEqual([0]);
  });
  it("throws numpy's errors for reductions without identity over empty axes", () => {
    expect(() => min(zeros([0]))).toThrow(RangeError);
    expect(() => min(zeros([0]))).toThrow(
      "zero-size array to reduction operation minimum which has no identity",
    );
    expect(() => max(zeros([0, 3]), { axis: 0 })).toThrow(
      "zero-size array to reduction operation maximum which has no identity",
    );
    expect(() => max(zeros([0, 0]), { axis: 0 })).toThrow(RangeError);
    expect(() => argmax(zeros([0]))).toThrow("attempt to get argmax of an empty sequence");
    expect(() => argmin(zeros([2, 0]), { axis: 1 })).toThrow(
      "attempt to get argmin of an empty sequence",
    );
    try {
      min([]);
    } catch (e) {
      expect(NablaError.isInstance(e)).toBe(true);
    }
  });
  it("propagates NaN in min/max and treats it as the extreme in argmin/argmax", () => {
    expect(max([1, Number.NaN, 3])).toBeNaN();
    expect(min([Number.NaN, 1])).toBeNaN();
    expect(argmax([1, Number.NaN, 3, Number.NaN])).toBe(1);
    expect(argmin([1, 0, Number.NaN])).toBe(2);
    expect(
      argmax(
        [
          [1, 2],
          [Number.NaN, 0],
        ],
        { axis: 0 },
      ).toArray(),
    ).toEqual([1, 0]);
    expect(
      max(
        [
          [1, Number.NaN],
          [3, 0],
        ],
        { axis: 0 },
      ).toArray(),
    ).toEqual([3, Number.NaN]);
    expect(min([Number.NEGATIVE_INFINITY, 0])).toBe(Number.NEGATIVE_INFINITY);
  });
  it("supports keepdims for argmax / argmin, as numpy", () => {
    expect(argmax(a, { keepdims: true }).shape).toEqual([1, 1]);
    expect(argmax(a, { keepdims: true }).toArray()).toEqual([[5]]);
    expect(argmin(a, { axis: 1, keepdims: true }).toArray()).toEqual([[0], [0]]);
  });
  it("uses n - ddof as the divisor, giving NaN or Infinity when it is not positive", () => {
    expect(variance([1, 2, 3, 4], { ddof: 1 })).toBeCloseTo(5 / 3, 15);
    expect(variance([1], { ddof: 1 })).toBeNaN();
    expect(variance([1, 2], { ddof: 2 })).toBe(Number.POSITIVE_INFINITY);
    expect(std([1, 2, 3, 4])).toBe(Math.sqrt(1.25));
  });
  it("throws for bad options", () => {
    expect(() => sum(a, { axis: 2 })).toThrow("axis 2 is out of bounds for array of dimension 2");
    expect(() => sum(a, { axis: [0, 0] })).toThrow("duplicate value in axis");
    expect(() => sum(a, { axes: 0 } as never)).toThrow('unknown option "axes"');
    expect(() => sum(a, { keepdims: 1 } as never)).toThrow(TypeError);
    expect(() => sum(a, { dtype: "int64" } as never)).toThrow(TypeError);
    expect(() => argmax(a, { axis: [0] } as never)).toThrow("axis must be a single integer");
    expect(() => variance(a, { ddof: "1" } as never)).toThrow(TypeError);
    expect(() => cumsum(a, { axis: [0] } as never)).toThrow(TypeError);
    expect(() => cumsum(a, { dtype: "x" } as never)).toThrow(TypeError);
    expect(() => sum(a, { axis: "0" } as never)).toThrow(
      "axis must be an integer, a list of integers or null",
    );
    expect(() => mean(a, { axis: 0.5 })).toThrow("out of bounds");
    expect(() => mean(a, { dtype: "complex" } as never)).toThrow("unknown dtype");
    expect(() => median(a, { keepdims: "yes" } as never)).toThrow(TypeError);
    expect(() => sum("abc" as never)).toThrow(TypeError);
  });
});

describe("cumsum, cumprod, diff", () => {
  it("flatten without an axis, as numpy", () => {
    expect(
      cumsum([
        [1, 2],
        [3, 4],
      ]).toArray(),
    ).toEqual([1, 3, 6, 10]);
    expect(
      cumprod([
        [1, 2],
        [3, 4],
      ]).toArray(),
    ).toEqual([1, 2, 6, 24]);
    expect(
      cumsum(
        [
          [1, 2],
          [3, 4],
        ],
        { axis: -1 },
      ).toArray(),
    ).toEqual([
      [1, 3],
      [3, 7],
    ]);
    expect(cumsum(arange(6).reshape(2, 3).T, { axis: 0 }).toArray()).toEqual([
      [0, 3],
      [1, 7],
      [3, 12],
    ]);
  });
  it("diff: n = 0 returns the input, n beyond the length gives an empty axis", () => {
    const x = array([1, 4, 9]);
    expect(diff(x, { n: 0 })).toBe(x);
    expect(diff(x, { n: 5 }).shape).toEqual([0]);
    expect(
      diff(
        [
          [1, 2],
          [4, 8],
        ],
        { axis: 0, prepend: 0 },
      ).toArray(),
    ).toEqual([
      [1, 2],
      [3, 6],
    ]);
  });
  it("diff throws numpy's errors", () => {
    expect(() => diff([1, 2], { n: -1 })).toThrow("order must be non-negative but got -1");
    expect(() => diff(3)).toThrow("diff requires input that is at least one dimensional");
    expect(() => diff([1, 2], { n: 1.5 })).toThrow(TypeError);
    expect(() => diff([1, 2], { axis: 1 })).toThrow("axis 1 is out of bounds");
  });
});

describe("chainable methods", () => {
  const a = array([
    [1, 5],
    [3, 2],
  ]);
  it("match the functions", () => {
    const s: number = a.sum();
    expect(s).toBe(11);
    expect(a.sum({ axis: 1 }).toArray()).toEqual([6, 5]);
    expect(a.prod()).toBe(30);
    expect(a.mean()).toBe(2.75);
    expect(a.var()).toBe(variance(a));
    expect(a.std({ ddof: 1 })).toBe(std(a, { ddof: 1 }));
    expect(a.min()).toBe(1);
    expect(a.max({ axis: 0 }).toArray()).toEqual([3, 5]);
    expect(a.argmin()).toBe(0);
    expect(a.argmax({ axis: 1 }).toArray()).toEqual([1, 0]);
    const b: boolean = a.any();
    expect(b).toBe(true);
    expect(a.gt(2).all({ axis: 0 }).toArray()).toEqual([false, false]);
    expect(a.cumsum().toArray()).toEqual([1, 6, 9, 11]);
    expect(a.cumprod({ axis: 0 }).toArray()).toEqual([
      [1, 5],
      [3, 10],
    ]);
    expect(a.argsort().toArray()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(a.nonzero().map((x) => x.toArray())).toEqual([
      [0, 0, 1, 1],
      [0, 1, 0, 1],
    ]);
    expect(a.repeat(2, { axis: 0 }).shape).toEqual([4, 2]);
    expect(a.take([3]).toArray()).toEqual([2]);
    expect(a.diagonal().toArray()).toEqual([1, 2]);
    expect(a.trace()).toBe(3);
  });
});

// Naive references for the property tests.
function naiveReduce(
  x: NDArray,
  axes: number[],
  op: (acc: number, v: number) => number,
  init: number,
): NDArray {
  const keep = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outShape = keep.map((i) => x.shape[i]);
  const out = new Float64Array(outShape.reduce((p, n) => p * n, 1)).fill(init);
  const idx = new Array<number>(x.ndim).fill(0);
  for (let k = 0; k < x.size; k++) {
    let o = 0;
    for (const i of keep) o = o * x.shape[i] + idx[i];
    out[o] = op(out[o], x.get(...idx));
    for (let d = x.ndim - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) break;
      idx[d] = 0;
    }
  }
  return new NDArray(out, outShape);
}

const arrayCase = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      values: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
        minLength: shape.reduce((p, n) => p * n, 1),
        maxLength: shape.reduce((p, n) => p * n, 1),
      }),
      axes: fc.subarray(shape.map((_, i) => i)),
      transpose: fc.boolean(),
    }),
  );

describe("properties: reductions against a naive loop over random shapes and axes", () => {
  it("sum, prod, max, min over any axes of any view", () => {
    fc.assert(
      fc.property(arrayCase, ({ shape, values, axes, transpose }) => {
        let x = new NDArray(Float64Array.from(values), shape);
        if (transpose) x = x.T;
        const ax = axes.map((i) => (transpose ? x.ndim - 1 - i : i)).sort();
        const s = sum(x, { axis: ax });
        const ref = naiveReduce(x, ax, (acc, v) => acc + v, 0);
        const tol = 1e-12 * (1 + Math.max(0, ...values.map(Math.abs))) * values.length;
        expect(s.shape).toEqual(ref.shape);
        const got = s.toTypedArray();
        for (const [i, v] of ref.toTypedArray().entries()) {
          expect(Math.abs(got[i] - v)).toBeLessThanOrEqual(tol);
        }
        // +0 and -0 compare equal in numpy's max/min (either may come back): compare values
        const unsigned = (t: NDArray) => Array.from(t.toTypedArray(), (v) => v + 0);
        expect(unsigned(max(x, { axis: ax }))).toEqual(
          unsigned(naiveReduce(x, ax, Math.max, Number.NEGATIVE_INFINITY)),
        );
        expect(unsigned(min(x, { axis: ax }))).toEqual(
          unsigned(naiveReduce(x, ax, Math.min, Number.POSITIVE_INFINITY)),
        );
        const p = prod(x.div(500), { axis: ax });
        const pref = naiveReduce(x.div(500), ax, (acc, v) => acc * v, 1);
        const pgot = p.toTypedArray();
        for (const [i, v] of pref.toTypedArray().entries()) {
          expect(Math.abs(pgot[i] - v)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v)));
        }
        const kd = sum(x, { axis: ax, keepdims: true });
        expect(kd.shape).toEqual(x.shape.map((n, i) => (ax.includes(i) ? 1 : n)));
      }),
      { numRuns: 200 },
    );
  });
  it("mean and var agree with sum over the same axes", () => {
    fc.assert(
      fc.property(arrayCase, ({ shape, values, axes }) => {
        const x = new NDArray(Float64Array.from(values), shape);
        const count = axes.reduce((p, i) => p * shape[i], 1);
        const m = mean(x, { axis: axes });
        const s = sum(x, { axis: axes }).div(count);
        expect(m.toArray()).toEqual(s.toArray());
        const v = var_(x, { axis: axes, keepdims: true });
        const dev = x.sub(mean(x, { axis: axes, keepdims: true }));
        const ref = sum(dev.mul(dev), { axis: axes, keepdims: true }).div(count);
        expect(v.toArray()).toEqual(ref.toArray());
      }),
      { numRuns: 100 },
    );
  });
  it("cumsum's last element along an axis is the sum (exact for integers)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (shape, seed) => {
          const size = shape.reduce((p, n) => p * n, 1);
          const x = new NDArray(
            Float64Array.from({ length: size }, (_, i) => ((i * 37 + seed) % 19) - 9),
            shape,
          );
          const axis = seed % shape.length;
          const c = cumsum(x, { axis });
          const last = c.slice(...shape.map((_, i) => (i === axis ? -1 : ":")));
          expect(last.toArray()).toEqual(sum(x, { axis }).toArray());
        },
      ),
    );
  });
});

describe("sort, argsort, quantiles and medians", () => {
  it("sort puts NaN last and argsort is stable", () => {
    expect(sort([3, Number.NaN, 1, 2]).toArray()).toEqual([1, 2, 3, Number.NaN]);
    expect(argsort([2, 1, 2, 1]).toArray()).toEqual([1, 3, 0, 2]);
    expect(argsort([Number.NaN, 1, Number.NaN, 0]).toArray()).toEqual([3, 1, 0, 2]);
    expect(
      sort(
        [
          [3, 1],
          [2, 4],
        ],
        { axis: null },
      ).toArray(),
    ).toEqual([1, 2, 3, 4]);
    expect(sort(array([3, 1], { dtype: "int32" })).dtype).toBe("int32");
    expect(sort(5).toArray()).toEqual([5]);
    expect(() => sort([1], { axis: 1 })).toThrow("out of bounds");
    expect(() => argsort([1], { axis: [0] } as never)).toThrow(TypeError);
  });
  it("quantile returns a number for scalar q and a full reduction, arrays otherwise", () => {
    const q: number = quantile([1, 2, 3, 4], 0.5);
    expect(q).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.5, { keepdims: true }).shape).toEqual([1]);
    expect(quantile([1, 2, 3, 4], [0, 1]).toArray()).toEqual([1, 4]);
    expect(quantile([1, 2, Number.NaN], 0.5)).toBeNaN();
    expect(percentile([0, 10], 30)).toBe(3);
    expect(
      median(
        [
          [1, 2],
          [3, 5],
        ],
        { axis: 0 },
      ).toArray(),
    ).toEqual([2, 3.5]);
    expect(median([])).toBeNaN();
  });
  it("quantile throws for q outside [0, 1] and empty input", () => {
    expect(() => quantile([1, 2], 1.5)).toThrow("quantiles must be in the range [0, 1]");
    expect(() => percentile([1, 2], -1)).toThrow("percentiles must be in the range [0, 100]");
    expect(() => quantile([], 0.5)).toThrow("empty");
    expect(() => quantile([1], 0.5, { method: "lower" } as never)).toThrow(
      'unknown option "method"',
    );
  });
});

describe("NaN-ignoring reductions", () => {
  it("skip NaN and handle all-NaN lanes as numpy", () => {
    expect(nansum([1, Number.NaN, 3])).toBe(4);
    expect(nansum([Number.NaN])).toBe(0);
    expect(nanprod([2, Number.NaN, 3])).toBe(6);
    expect(nanmean([1, Number.NaN, 3])).toBe(2);
    expect(nanmean([Number.NaN])).toBeNaN();
    expect(nanvar([1, Number.NaN, 3])).toBe(1);
    expect(nanstd([1, Number.NaN, 3], { ddof: 1 })).toBe(Math.SQRT2);
    expect(nanmax([Number.NaN, 1, Number.NaN, 3])).toBe(3);
    expect(nanmin([Number.NaN, Number.NaN])).toBeNaN();
    expect(nanargmax([Number.NaN, 1, 3, Number.NaN])).toBe(2);
    expect(nanargmin([Number.NaN, 4, 3])).toBe(2);
    expect(nansum(array([1, 2], { dtype: "int32" }))).toBe(3);
    expect(nanmean(array([1, 2], { dtype: "int32" }))).toBe(1.5);
  });
  it("throw numpy's errors", () => {
    expect(() => nanargmax([Number.NaN, Number.NaN])).toThrow("All-NaN slice encountered");
    expect(() =>
      nanargmin(
        [
          [1, Number.NaN],
          [Number.NaN, Number.NaN],
        ],
        { axis: 1 },
      ),
    ).toThrow("All-NaN slice");
    expect(() => nanmax([])).toThrow(
      "zero-size array to reduction operation fmax which has no identity",
    );
  });
});

describe("searchsorted and unique", () => {
  it("searchsorted returns a number for a number and throws for bad input", () => {
    const k: number = searchsorted([1, 2, 3], 2);
    expect(k).toBe(1);
    expect(searchsorted([1, 2, 3], 2, { side: "right" })).toBe(2);
    expect(searchsorted([], 1)).toBe(0);
    expect(() => searchsorted([[1]], 1)).toThrow("a must be 1-dimensional");
    expect(() => searchsorted([1], 1, { side: "middle" } as never)).toThrow(
      'side must be "left" or "right"',
    );
    expect(() => searchsorted([1, 2], 1, { sorter: [0] })).toThrow("sorter has 1 indices");
    expect(() => searchsorted([1, 2], 1, { sorter: [0, 2] })).toThrow("out of bounds");
  });
  it("unique keeps the dtype and returns the requested arrays", () => {
    expect(unique(array([2, 1, 2], { dtype: "int32" })).dtype).toBe("int32");
    expect(unique([]).shape).toEqual([0]);
    const r = unique(
      [
        [2, 1],
        [2, 2],
      ],
      { returnInverse: true, returnCounts: true },
    );
    expect(r.values.toArray()).toEqual([1, 2]);
    expect(r.inverse?.toArray()).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(r.counts?.toArray()).toEqual([1, 3]);
    expect(r.indices).toBeUndefined();
    expect(() => unique([1], { return_counts: true } as never)).toThrow(
      'unknown option "return_counts"',
    );
  });
});
