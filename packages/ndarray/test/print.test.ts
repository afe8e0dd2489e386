import { inspect } from "node:util";
import {
  arange,
  array,
  type DType,
  getPrintoptions,
  NablaError,
  type NDArray,
  printoptions,
  repr,
  setPrintoptions,
  str,
} from "@nabla/ndarray";
import { afterEach, describe, expect, it } from "vitest";
import generated from "./fixtures/ndarray.printing.generated.json" with { type: "json" };
import golden from "./fixtures/ndarray.printing.json" with { type: "json" };

type Raw = number | string | boolean | Raw[];
const decode = (v: Raw): number | boolean | (number | boolean)[] | unknown[] => {
  if (Array.isArray(v)) return v.map(decode);
  if (v === "nan") return Number.NaN;
  if (v === "inf") return Number.POSITIVE_INFINITY;
  if (v === "-inf") return Number.NEGATIVE_INFINITY;
  return v as number | boolean;
};

function build(data: Raw, dtype: string, shape: number[]): NDArray {
  const values = decode(data);
  const flat = Array.isArray(values) ? values.flat(Number.POSITIVE_INFINITY) : [values];
  return array(flat as number[], { dtype: dtype as DType }).reshape(shape);
}

describe("repr: golden cases (numpy 2.4)", () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const { data, dtype, shape } = c.args[0] as { data: Raw; dtype: string; shape: number[] };
      const a = build(data, dtype, shape);
      expect(a.toString()).toBe(c.expected);
      expect(String(a)).toBe(c.expected);
      expect(inspect(a)).toBe(c.expected);
    });
  }
});

describe("repr and str: generated cases (scripts/make-fixtures-print.py)", () => {
  for (const c of generated.cases) {
    it(c.name, () => {
      const a = build(c.data as Raw, c.dtype, c.shape);
      const options = c.options as Record<string, number | boolean | string>;
      expect(repr(a, options)).toBe(c.repr);
      expect(str(a, options)).toBe(c.str);
    });
  }
});

describe("views print their elements, not their buffer", () => {
  it("transposed, sliced and broadcast arrays", () => {
    const a = arange(12).reshape(3, 4);
    expect(repr(a.T)).toBe(
      "array([[ 0.,  4.,  8.],\n       [ 1.,  5.,  9.],\n       [ 2.,  6., 10.],\n       [ 3.,  7., 11.]])",
    );
    expect(repr(a.slice("::2", "1::2"))).toBe("array([[ 1.,  3.],\n       [ 9., 11.]])");
    expect(repr(a.slice(-1, "::-1"))).toBe("array([11., 10.,  9.,  8.])");
    expect(repr(array([1, 2]).broadcastTo([2, 2]))).toBe("array([[1., 2.],\n       [1., 2.]])");
  });

  it("a summarised view formats only its shown elements", () => {
    const a = arange(3003).reshape(1001, 3).slice(":", 0);
    expect(repr(a)).toBe("array([   0.,    3.,    6., ..., 2994., 2997., 3000.], shape=(1001,))");
  });

  it("repr and str accept array-likes", () => {
    expect(repr([1, 2])).toBe("array([1., 2.])");
    expect(str([[1, 2]])).toBe("[[1. 2.]]");
    expect(str(0.5)).toBe("0.5");
  });
});

describe("setPrintoptions / getPrintoptions", () => {
  const saved = getPrintoptions();
  afterEach(() => setPrintoptions(saved));

  it("starts at numpy's defaults", () => {
    expect(saved).toEqual({
      precision: 8,
      threshold: 1000,
      edgeitems: 3,
      linewidth: 75,
      suppress: false,
      nanstr: "nan",
      infstr: "inf",
    });
  });

  it("changes later printing until restored", () => {
    setPrintoptions({ precision: 3 });
    expect(String(array([Math.PI]))).toBe("array([3.142])");
    expect(getPrintoptions().precision).toBe(3);
    expect(getPrintoptions().threshold).toBe(1000);
    setPrintoptions(saved);
    expect(String(array([Math.PI]))).toBe("array([3.14159265])");
  });

  it("per-call options override the global ones", () => {
    setPrintoptions({ precision: 2 });
    expect(repr(array([Math.PI]), { precision: 4 })).toBe("array([3.1416])");
    expect(str(array([Math.PI]))).toBe("[3.14]");
  });

  it("printoptions applies options inside a callback only", () => {
    expect(printoptions({ precision: 2 }, () => String(array([Math.PI])))).toBe("array([3.14])");
    expect(String(array([Math.PI]))).toBe("array([3.14159265])");
    expect(() =>
      printoptions({ linewidth: 20 }, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(getPrintoptions().linewidth).toBe(75);
    expect(() => printoptions({ width: 3 } as never, () => 1)).toThrow(
      /printoptions: unknown option "width"/,
    );
  });

  it("rejects unknown options and bad values", () => {
    expect(() => setPrintoptions({ precission: 3 } as never)).toThrow(
      /unknown option "precission"/,
    );
    expect(() => setPrintoptions({ precision: -1 })).toThrow(RangeError);
    expect(() => setPrintoptions({ linewidth: 2.5 })).toThrow(
      /linewidth must be a non-negative integer/,
    );
    expect(() => setPrintoptions({ suppress: 1 as never })).toThrow(TypeError);
    expect(() => setPrintoptions({ nanstr: 0 as never })).toThrow(TypeError);
    expect(() => repr(array([1]), { edgeitems: -2 })).toThrow(/repr: edgeitems/);
    let thrown: unknown;
    try {
      setPrintoptions({ threshold: Number.NaN });
    } catch (e) {
      thrown = e;
    }
    expect(NablaError.isInstance(thrown)).toBe(true);
    expect(getPrintoptions()).toEqual(saved);
  });
});
