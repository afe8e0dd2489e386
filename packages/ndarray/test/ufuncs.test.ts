import * as nd from "@nabla/ndarray";
import {
  add,
  array,
  divide,
  maximum,
  minimum,
  mod,
  multiply,
  NDArray,
  power,
  ShapeError,
  subtract,
} from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, decode, expectClose } from "./reference.js";

const ufuncNames = [
  "power",
  "mod",
  "maximum",
  "minimum",
  "arctan2",
  "hypot",
  "add",
  "subtract",
  "multiply",
  "divide",
  "round",
  "rint",
  "floor",
  "ceil",
  "trunc",
  "sign",
  "abs",
  "negative",
  "sqrt",
  "log",
  "exp",
  "isnan",
  "isinf",
  "isfinite",
];

describe("ufuncs on special values against numpy (scripts/make-fixtures-reduce.py)", () => {
  for (const c of (fixture.cases as Case[]).filter((x) => ufuncNames.includes(x.fn ?? ""))) {
    it(c.name, () => {
      const fn = (nd as unknown as Record<string, (...args: unknown[]) => NDArray>)[c.fn!];
      const args = c.args.map((a) => array(decode(a) as number[]));
      const options = decode(c.options as never) as object;
      const out = Object.keys(options).length ? fn(...args, options) : fn(...args);
      // pow/arctan2/hypot/log/exp may differ from C's libm in the last bit: rtol 1e-12 there
      expectClose(out, decode(c.expected), c.rtol === 0 ? 0 : 1e-15, 0);
    });
  }
});

describe("special values", () => {
  it("power follows C's pow for 1 ** y, x ** 0 and (-1) ** ±inf", () => {
    expect(
      power(
        [1, Number.NaN, -1, -1],
        [Number.NaN, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      ).toArray(),
    ).toEqual([1, 1, 1, 1]);
    expect(power(-8, 1 / 3).item()).toBeNaN();
    expect(power(0, -1).item()).toBe(Number.POSITIVE_INFINITY);
  });
  it("mod takes the divisor's sign (Python's %)", () => {
    expect(mod([5, -5, 5, -5], [3, 3, -3, -3]).toArray()).toEqual([2, 1, -1, -2]);
    expect(mod(5, 0).item()).toBeNaN();
    expect(Object.is(mod(-0, 3).item(), -0) || mod(-0, 3).item() === 0).toBe(true);
  });
  it("maximum and minimum propagate NaN", () => {
    expect(maximum([Number.NaN, 1], [1, Number.NaN]).toArray()).toEqual([Number.NaN, Number.NaN]);
    expect(minimum([Number.NaN, 1], [1, Number.NaN]).toArray()).toEqual([Number.NaN, Number.NaN]);
    expect(maximum([-0], [0]).toArray()).toEqual([0]);
  });
  it("round is half-to-even, as numpy", () => {
    expect(nd.round([0.5, 1.5, 2.5, -0.5, -1.5, 2.675]).toArray()).toEqual([0, 2, 2, -0, -2, 3]);
    expect(nd.round([2.675], { decimals: 2 }).toArray()).toEqual([2.68]);
    expect(nd.rint([0.5, 1.5, 2.5]).toArray()).toEqual([0, 2, 2]);
    expect(() => nd.round([1], { decimals: 0.5 })).toThrow("decimals must be an integer");
  });
});

describe("dtype promotion (numpy 2, NEP 50 weak scalars)", () => {
  const i32 = array([1, 2], { dtype: "int32" });
  const f32 = array([1, 2], { dtype: "float32" });
  const b = array([true, false]);
  it("keeps the array dtype for JS numbers that fit", () => {
    expect(add(i32, 1).dtype).toBe("int32");
    expect(add(1, i32).dtype).toBe("int32");
    expect(add(f32, 1.5).dtype).toBe("float32");
    expect(multiply(f32, 1e300).dtype).toBe("float32");
  });
  it("goes to float64 for fractional scalars with integer arrays", () => {
    expect(add(i32, 1.5).dtype).toBe("float64");
    expect(add(i32, 1.5).toArray()).toEqual([2.5, 3.5]);
  });
  it("promotes array pairs by numpy's table", () => {
    expect(add(i32, f32).dtype).toBe("float64");
    expect(add(i32, i32).dtype).toBe("int32");
    expect(add(f32, array([1, 2])).dtype).toBe("float64");
    expect(add(b, i32).dtype).toBe("int32");
    expect(nd.promote("bool", "float32")).toBe("float32");
  });
  it("divide and sqrt give floats; bool arithmetic counts in int32 (numpy would keep bool for add)", () => {
    expect(divide(i32, i32).dtype).toBe("float64");
    expect(divide(f32, f32).dtype).toBe("float32");
    expect(nd.sqrt(i32).dtype).toBe("float64");
    expect(add(b, b).dtype).toBe("int32");
    expect(add(b, b).toArray()).toEqual([2, 0]);
    expect(add(b, 1).dtype).toBe("int32");
  });
  it("compares to bool arrays", () => {
    expect(nd.less(i32, 1.5).dtype).toBe("bool");
    expect(nd.equal([Number.NaN], [Number.NaN]).toArray()).toEqual([false]);
  });
});

// Broadcasting against a naive loop over random compatible shapes.
const shapesArb = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((full) =>
    fc.tuple(
      fc.constant(full),
      fc.integer({ min: 0, max: full.length }),
      fc.integer({ min: 0, max: full.length }),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
    ),
  )
  .map(([full, da, db, onesA, onesB]) => {
    const a = full.slice(da).map((n, i) => (onesA[i + da] ? 1 : n));
    const b = full.slice(db).map((n, i) => (onesB[i + db] ? 1 : n));
    return { a, b };
  });

function filled(shape: number[], seed: number): NDArray {
  const size = shape.reduce((p, n) => p * n, 1);
  return new NDArray(
    Float64Array.from({ length: size }, (_, i) => ((i * 31 + seed * 17) % 23) / 4 - 2.5),
    shape,
  );
}

function naiveBroadcast(
  a: NDArray,
  b: NDArray,
  f: (x: number, y: number) => number,
): { shape: number[]; values: number[] } {
  const nd = Math.max(a.ndim, b.ndim);
  const pa = [...new Array(nd - a.ndim).fill(1), ...a.shape];
  const pb = [...new Array(nd - b.ndim).fill(1), ...b.shape];
  const shape = pa.map((n, i) => Math.max(n, pb[i]));
  const size = shape.reduce((p, n) => p * n, 1);
  const values: number[] = [];
  for (let k = 0; k < size; k++) {
    const idx: number[] = [];
    let rem = k;
    for (let d = nd - 1; d >= 0; d--) {
      idx.unshift(rem % shape[d]);
      rem = Math.floor(rem / shape[d]);
    }
    const ia = idx.slice(nd - a.ndim).map((v, i) => (a.shape[i] === 1 ? 0 : v));
    const ib = idx.slice(nd - b.ndim).map((v, i) => (b.shape[i] === 1 ? 0 : v));
    values.push(f(a.get(...ia), b.get(...ib)));
  }
  return { shape, values };
}

describe("property: broadcasting ufuncs equal a naive loop", () => {
  const ops: [string, (a: NDArray, b: NDArray) => NDArray, (x: number, y: number) => number][] = [
    ["add", add, (x, y) => x + y],
    ["subtract", subtract, (x, y) => x - y],
    ["multiply", multiply, (x, y) => x * y],
    ["divide", divide, (x, y) => x / y],
    [
      "maximum",
      maximum,
      (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : Math.max(x, y)),
    ],
    ["mod", mod, (x, y) => ((x % y) + y) % y],
    ["greater", nd.greater, (x, y) => (x > y ? 1 : 0)],
  ];
  for (const [name, f, ref] of ops) {
    it(name, () => {
      fc.assert(
        fc.property(shapesArb, fc.nat(50), fc.boolean(), ({ a, b }, seed, transpose) => {
          let x = filled(a, seed);
          if (transpose) x = x.T.copy().T; // same values, Fortran-order strides
          const y = filled(b, seed + 1);
          const got = f(x, y);
          const want = naiveBroadcast(x, y, ref);
          expect(got.shape).toEqual(want.shape);
          const flat = Array.from(got.toTypedArray());
          want.values.forEach((v, i) => {
            if (Number.isNaN(v)) expect(flat[i]).toBeNaN();
            else expect(flat[i]).toBe(v);
          });
        }),
        { numRuns: 150 },
      );
    });
  }
  it("unrolled rows: every length, offset and scalar side equals a naive loop", () => {
    const ops: [(a: NDArray, b: NDArray) => NDArray, (x: number, y: number) => number][] = [
      [add, (x, y) => x + y],
      [subtract, (x, y) => x - y],
      [multiply, (x, y) => x * y],
      [divide, (x, y) => x / y],
    ];
    const base = nd.array(Array.from({ length: 16 }, (_, i) => Math.sin(i + 1) * 10));
    const other = nd.array(Array.from({ length: 16 }, (_, i) => Math.cos(2 * i + 1) * 3));
    const scalar = nd.array(0.7);
    for (const [f, ref] of ops) {
      for (let n = 0; n <= 11; n++) {
        for (let offset = 0; offset <= 3; offset++) {
          const x = base.slice(`${offset}:${offset + n}`);
          const y = other.slice(`${3 - offset}:${3 - offset + n}`);
          const xv = Array.from(x.toTypedArray());
          const yv = Array.from(y.toTypedArray());
          const cases: [NDArray, number[]][] = [
            [f(x, y), xv.map((v, i) => ref(v, yv[i]))],
            [f(x, scalar), xv.map((v) => ref(v, 0.7))],
            [f(scalar, y), yv.map((v) => ref(0.7, v))],
            [f(x, nd.array([0.7])), xv.map((v) => ref(v, 0.7))],
          ];
          for (const [got, want] of cases) expect(Array.from(got.toTypedArray())).toEqual(want);
        }
      }
    }
  });
  it("throws ShapeError naming both shapes when they do not broadcast", () => {
    expect(() => add(nd.zeros([3, 2]), nd.zeros([4]))).toThrow(ShapeError);
    expect(() => add(nd.zeros([3, 2]), nd.zeros([4]))).toThrow(
      "add: shapes [3,2] and [4] do not broadcast.",
    );
  });
});
