import { array, gradient, linspace, type NDArray, ShapeError } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { decode, expectClose, load } from "./linalg-helpers.js";

function call(args: unknown[], options: Record<string, unknown>): unknown {
  const [f, ...spacing] = args as never[];
  return Object.keys(options).length > 0
    ? gradient(f, ...spacing, options)
    : gradient(f, ...spacing);
}

describe("gradient: numpy reference values", () => {
  for (const c of load("ndarray.gradient.json")) {
    it(c.name ?? "golden", () => {
      expectClose(
        call(decode(c.args as never), decode(c.options as never)),
        decode(c.expected),
        c.rtol,
        c.atol,
      );
    });
  }
  load("linalg.extra.json")
    .filter((c) => c.fn === "gradient")
    .forEach((c, i) => {
      it(`extra #${i} ${JSON.stringify(c.options)}`, () => {
        expectClose(
          call(decode(c.args as never), decode(c.options as never)),
          decode(c.expected),
          c.rtol,
          c.atol,
        );
      });
    });
});

describe("gradient: ALGORITHMS.md vectors, bit for bit", () => {
  const f = [1, 2, 4, 7, 11, 16];
  const x = [0, 1, 1.5, 3.5, 4, 6];
  it("uniform and non-uniform spacing, edge orders 1 and 2", () => {
    expect((gradient(f) as NDArray).toArray()).toEqual([1, 1.5, 2.5, 3.5, 4.5, 5]);
    expect((gradient(f, 2) as NDArray).toArray()).toEqual([0.5, 0.75, 1.25, 1.75, 2.25, 2.5]);
    expect((gradient(f, { edgeOrder: 2 }) as NDArray).toArray()).toEqual([
      0.5, 1.5, 2.5, 3.5, 4.5, 5.5,
    ]);
    expect((gradient(f, x) as NDArray).toArray()).toEqual([
      1, 2.9999999999999996, 3.5, 6.700000000000001, 6.899999999999999, 2.5,
    ]);
    expect((gradient(f, x, { edgeOrder: 2 }) as NDArray).toArray()).toEqual([
      -1, 2.9999999999999996, 3.5, 6.700000000000001, 6.899999999999999, -1.8999999999999968,
    ]);
    expect(
      (
        gradient(
          x.map((v) => v * v),
          x,
          { edgeOrder: 2 },
        ) as NDArray
      ).toArray(),
    ).toEqual([0, 2, 3, 7, 7.999999999999998, 12]);
  });
  it("one array per axis for 2-D input, like numpy's tuple", () => {
    const a = [
      [1, 2, 6],
      [3, 4, 5],
    ];
    const [g0, g1] = gradient(a) as NDArray[];
    expect(g0.toArray()).toEqual([
      [2, 2, -1],
      [2, 2, -1],
    ]);
    expect(g1.toArray()).toEqual([
      [1, 2.5, 4],
      [1, 1, 1],
    ]);
    const [h0, h1] = gradient(a, 2, [1, 2, 4]) as NDArray[];
    expect(h0.toArray()).toEqual([
      [1, 1, -0.5],
      [1, 1, -0.5],
    ]);
    expect(h1.toArray()).toEqual([
      [1, 1.3333333333333335, 2],
      [1, 0.8333333333333333, 0.5],
    ]);
    expect((gradient(a, [1, 2, 4], { axis: -1, edgeOrder: 2 }) as NDArray).toArray()).toEqual([
      [0.6666666666666667, 1.3333333333333335, 2.6666666666666665],
      [1.1666666666666667, 0.8333333333333333, 0.16666666666666696],
    ]);
  });
  it("integer coordinates, duplicate coordinates (inf/nan as numpy), 0-d input, float32", () => {
    expect((gradient([1, 4, 9, 16], new Int32Array([1, 2, 3, 4])) as NDArray).toArray()).toEqual([
      3, 4, 6, 7,
    ]);
    expect((gradient([1, 2, 3], [0, 0, 1]) as NDArray).toArray()).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NaN,
      1,
    ]);
    expect(gradient(array(5))).toEqual([]);
    expect((gradient(new Float32Array([1, 2, 4])) as NDArray).dtype).toBe("float32");
  });
  it("is exact on quadratics with edgeOrder 2 (second-order everywhere)", () => {
    const xs = linspace(-1, 2, 13);
    const g = gradient(xs.mul(xs).mul(3), xs, { edgeOrder: 2 }) as NDArray;
    expectClose(g, xs.mul(6).toArray(), 1e-13, 1e-13);
  });
  it("inputs are not mutated", () => {
    const f0 = array([1, 2, 4, 8]);
    gradient(f0, [0, 1, 3, 4], { edgeOrder: 2 });
    expect(f0.toArray()).toEqual([1, 2, 4, 8]);
  });
});

describe("gradient: numpy's errors", () => {
  it("edgeOrder other than 1 or 2", () => {
    expect(() => gradient([1, 2, 3, 4], { edgeOrder: 3 })).toThrow(RangeError);
    expect(() => gradient([1, 2, 3, 4], { edgeOrder: 3 })).toThrow(/edgeOrder/);
  });
  it("too few points for the edge order", () => {
    expect(() => gradient([1, 2], { edgeOrder: 2 })).toThrow(
      /too small to calculate a numerical gradient/,
    );
    expect(() => gradient([1])).toThrow(RangeError);
  });
  it("spacing arguments: count, dimensionality, length", () => {
    expect(() =>
      gradient(
        [
          [1, 2],
          [3, 4],
        ],
        1,
        2,
        3,
      ),
    ).toThrow(/invalid number of arguments/);
    expect(() =>
      gradient(
        [
          [1, 2],
          [3, 4],
        ],
        1,
        2,
        3,
      ),
    ).toThrow(TypeError);
    expect(() => gradient([1, 2, 3], [[0, 1, 2]])).toThrow(
      /distances must be either scalars or 1d/,
    );
    expect(() => gradient([1, 2, 3], [0, 1])).toThrow(ShapeError);
    expect(() => gradient([1, 2, 3], [0, 1])).toThrow(/must match the length/);
  });
  it("axes out of range or repeated, unknown options", () => {
    expect(() => gradient([1, 2, 3], { axis: 1 })).toThrow(/out of bounds/);
    expect(() =>
      gradient(
        [
          [1, 2],
          [3, 4],
        ],
        { axis: [0, 0] },
      ),
    ).toThrow(/repeated axis/);
    expect(() => gradient([1, 2, 3], { edge_order: 2 } as never)).toThrow(
      /unknown option "edge_order"/,
    );
  });
});
