import {
  arange,
  array,
  DTypeError,
  NablaError,
  type NDArray,
  ShapeError,
  type SliceSpec,
  zeros,
} from "@nabla/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/ndarray.reduce.json" with { type: "json" };
import { type Case, decode, expectClose } from "./reference.js";

describe("slice against numpy basic indexing (scripts/make-fixtures-reduce.py)", () => {
  const base = arange(60).reshape(3, 4, 5);
  for (const c of (fixture.cases as Case[]).filter((x) => x.fn === "slice")) {
    it(c.name, () => {
      const specs = c.args[0] as SliceSpec[];
      const view = base.slice(...specs);
      expect(view.data).toBe(base.data);
      expectClose(view, decode(c.expected));
      expectClose(view.copy(), decode(c.expected));
    });
  }
});

describe("slice syntax", () => {
  const a = arange(12).reshape(3, 4);
  it("supports negative steps, ellipsis, new axes and integer picks", () => {
    expect(a.slice("::-1", "::-2").toArray()).toEqual([
      [11, 9],
      [7, 5],
      [3, 1],
    ]);
    expect(a.slice("...", -1).toArray()).toEqual([3, 7, 11]);
    expect(a.slice(null, 1).shape).toEqual([1, 4]);
    expect(a.slice(1, null).shape).toEqual([1, 4]);
    expect(a.slice("...", null).shape).toEqual([3, 4, 1]);
    expect(a.slice(1, 2).shape).toEqual([]);
    expect(a.slice(1, 2).item()).toBe(6);
    expect(a.slice("5:").shape).toEqual([0, 4]);
    expect(a.slice("-100:100").shape).toEqual([3, 4]);
    expect(a.slice(":", "3:0:-1").toArray()).toEqual([
      [3, 2, 1],
      [7, 6, 5],
      [11, 10, 9],
    ]);
    expect(a.slice(" 1 : 2 ").toArray()).toEqual([[4, 5, 6, 7]]);
  });
  it("writes through views", () => {
    const z = zeros([3, 3]);
    z.slice("::2", "::-2").fill(1);
    expect(z.toArray()).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [1, 0, 1],
    ]);
    z.T.set([0, 1], 7);
    expect(z.get(1, 0)).toBe(7);
  });
  it("throws numpy's errors", () => {
    expect(() => a.slice("...", "...")).toThrow("an index can only have a single ellipsis");
    expect(() => a.slice(0, 0, 0)).toThrow(
      "too many indices for array: array is 2-dimensional, but 3 were indexed",
    );
    expect(() => a.slice("::0")).toThrow("slice step cannot be zero");
    expect(() => a.slice(3)).toThrow("index 3 is out of bounds for axis 0 with size 3");
    expect(() => a.slice(":", -5)).toThrow("index -5 is out of bounds for axis 1 with size 4");
    expect(() => a.slice("1")).toThrow("is not a slice");
    expect(() => a.slice("a:b")).toThrow("is not an integer");
    expect(() => a.slice(1.5)).toThrow(RangeError);
    expect(() => a.slice(true as never)).toThrow(TypeError);
  });
});

describe("shape manipulation", () => {
  it("reshape infers one -1 and is a view of contiguous data", () => {
    const a = arange(12);
    const r = a.reshape(3, -1);
    expect(r.shape).toEqual([3, 4]);
    expect(r.data).toBe(a.data);
    expect(a.reshape([2, -1, 3]).shape).toEqual([2, 2, 3]);
    expect(zeros([0, 3]).reshape(-1, 3).shape).toEqual([0, 3]);
    const t = r.T.reshape(-1);
    expect(t.data).not.toBe(a.data);
    expect(t.toArray()).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
  });
  it("reshape throws ShapeError naming the sizes", () => {
    expect(() => arange(12).reshape(5, -1)).toThrow(ShapeError);
    expect(() => arange(12).reshape(5, -1)).toThrow(
      "cannot reshape array of size 12 into shape [5,-1]",
    );
    expect(() => arange(12).reshape(5, 3)).toThrow(
      "cannot reshape array of size 12 into shape [5,3]",
    );
    expect(() => arange(12).reshape(-1, -1)).toThrow("can only specify one unknown dimension");
    expect(() => arange(12).reshape(-2, -6)).toThrow("invalid dimension");
  });
  it("squeeze, expandDims, transpose, swapaxes, moveaxis", () => {
    const a = zeros([1, 3, 1, 2]);
    expect(a.squeeze().shape).toEqual([3, 2]);
    expect(a.squeeze(2).shape).toEqual([1, 3, 2]);
    expect(a.squeeze([0, -2]).shape).toEqual([3, 2]);
    expect(() => a.squeeze(1)).toThrow(
      "cannot select an axis to squeeze out which has size not equal to one",
    );
    expect(() => a.squeeze(4)).toThrow("axis 4 is out of bounds for array of dimension 4");
    expect(zeros([2, 3]).expandDims(-1).shape).toEqual([2, 3, 1]);
    expect(zeros([2, 3]).expandDims(1).shape).toEqual([2, 1, 3]);
    expect(() => zeros([2, 3]).expandDims(3)).toThrow("out of bounds");
    const b = arange(24).reshape(2, 3, 4);
    expect(b.transpose().shape).toEqual([4, 3, 2]);
    expect(b.transpose([1, 0, 2]).get(2, 1, 3)).toBe(b.get(1, 2, 3));
    expect(b.transpose([-1, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(() => b.transpose([0, 0, 1])).toThrow("are not a permutation");
    expect(() => b.transpose([0, 1])).toThrow("are not a permutation");
    expect(b.swapaxes(0, 2).shape).toEqual([4, 3, 2]);
    expect(b.moveaxis(0, -1).shape).toEqual([3, 4, 2]);
    expect(b.moveaxis(-1, 0).get(3, 1, 2)).toBe(b.get(1, 2, 3));
  });
  it("broadcastTo makes stride-0 views and throws ShapeError naming both shapes", () => {
    const v = array([1, 2, 3]).broadcastTo([2, 3]);
    expect(v.strides).toEqual([0, 1]);
    expect(v.toArray()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(
      array([[1], [2]])
        .broadcastTo([2, 2])
        .toArray(),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(() => array([1, 2, 3]).broadcastTo([2, 2])).toThrow(ShapeError);
    expect(() => array([1, 2, 3]).broadcastTo([2, 2])).toThrow("[3]");
    expect(() => zeros([2, 3]).broadcastTo([3])).toThrow(ShapeError);
  });
  it("ravel is a view when contiguous, flatten always copies", () => {
    const a = arange(6).reshape(2, 3);
    expect(a.ravel().data).toBe(a.data);
    expect(a.flatten().data).not.toBe(a.data);
    expect(a.T.ravel().toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(a.T.toTypedArray()).toEqual(new Float64Array([0, 3, 1, 4, 2, 5]));
    expect(a.slice(1).toTypedArray()).toEqual(new Float64Array([3, 4, 5]));
  });
});

describe("elements, astype and errors", () => {
  it("get/set with negative indices and numpy's IndexError text", () => {
    const a = zeros([2, 3]);
    a.set([-1, -1], 5);
    expect(a.get(1, 2)).toBe(5);
    expect(() => a.get(2, 0)).toThrow("index 2 is out of bounds for axis 0 with size 2");
    expect(() => a.get(0)).toThrow("expected 2 indices for shape [2,3], got 1");
    expect(() => a.set([0, 0.5], 1)).toThrow(RangeError);
    expect(() => a.item()).toThrow("can only convert an array of size 1");
    expect(array([[7]]).item()).toBe(7);
  });
  it("astype truncates toward zero, maps nonzero to true, and keeps float32 rounding", () => {
    expect(array([1.7, -1.7, 2.5]).astype("int32").toArray()).toEqual([1, -1, 2]);
    expect(array([0, 2, Number.NaN, -0.5]).astype("bool").toArray()).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(array([0.1]).astype("float32").toArray()).toEqual([Math.fround(0.1)]);
    expect(array([true, false]).astype("float64").toArray()).toEqual([1, 0]);
    expect(arange(4).reshape(2, 2).T.astype("int32").toArray()).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(() => array([1]).astype("int64" as never)).toThrow(TypeError);
  });
  it("errors carry the nabla marker and the right classes", () => {
    try {
      arange(3).reshape(2, 2);
    } catch (e) {
      expect(e).toBeInstanceOf(ShapeError);
      expect(e).toBeInstanceOf(RangeError);
      expect(NablaError.isInstance(e)).toBe(true);
    }
    expect(new DTypeError("x")).toBeInstanceOf(TypeError);
  });
});

// A model of an array as (shape, index -> value), transformed with naive index arithmetic,
// to check views (slice / transpose / reshape / broadcastTo) against independent copies.
interface Model {
  shape: number[];
  at: (idx: number[]) => number;
}

function materialize(m: Model): unknown {
  const build = (prefix: number[]): unknown =>
    prefix.length === m.shape.length
      ? m.at(prefix)
      : Array.from({ length: m.shape[prefix.length] }, (_, i) => build([...prefix, i]));
  return build([]);
}

/** Python's range for slice(start, stop, step) over length n. */
function sliceIndices(
  n: number,
  start: number | null,
  stop: number | null,
  step: number,
): number[] {
  const out: number[] = [];
  if (step > 0) {
    let s = start === null ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    const e = stop === null ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
    for (; s < e; s += step) out.push(s);
  } else {
    let s = start === null ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
    const e = stop === null ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
    for (; s > e; s += step) out.push(s);
  }
  return out;
}

type Op =
  | { kind: "transpose"; seed: number }
  | { kind: "slice"; parts: [number | null, number | null, number][] }
  | { kind: "reshape"; seed: number }
  | { kind: "broadcast"; lead: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("transpose" as const), seed: fc.nat() }),
  fc.record({
    kind: fc.constant("slice" as const),
    parts: fc.array(
      fc.tuple(
        fc.option(fc.integer({ min: -6, max: 6 })),
        fc.option(fc.integer({ min: -6, max: 6 })),
        fc.constantFrom(1, 2, 3, -1, -2),
      ),
      { maxLength: 4 },
    ),
  }),
  fc.record({ kind: fc.constant("reshape" as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant("broadcast" as const), lead: fc.integer({ min: 1, max: 3 }) }),
);

function apply(x: NDArray, m: Model, op: Op): [NDArray, Model] {
  if (op.kind === "transpose") {
    const perm = x.shape.map((_, i) => i);
    for (let i = perm.length - 1; i > 0; i--) {
      const j = (op.seed + i * 7) % (i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const shape = perm.map((p) => m.shape[p]);
    return [
      x.transpose(perm),
      {
        shape,
        at: (idx) => {
          const src = new Array<number>(idx.length);
          perm.forEach((p, i) => {
            src[p] = idx[i];
          });
          return m.at(src);
        },
      },
    ];
  }
  if (op.kind === "slice") {
    const parts = op.parts.slice(0, x.ndim);
    const lists = m.shape.map((n, i) =>
      i < parts.length ? sliceIndices(n, ...parts[i]) : sliceIndices(n, null, null, 1),
    );
    const specs = parts.map(([s, e, st]) => `${s ?? ""}:${e ?? ""}:${st}`);
    return [
      x.slice(...specs),
      { shape: lists.map((l) => l.length), at: (idx) => m.at(idx.map((k, i) => lists[i][k])) },
    ];
  }
  if (op.kind === "reshape") {
    const size = m.shape.reduce((p, n) => p * n, 1);
    const divisors = Array.from({ length: size }, (_, i) => i + 1).filter((d) => size % d === 0);
    const d = size === 0 ? 0 : divisors[op.seed % divisors.length];
    const shape = size === 0 ? [0] : [d, -1];
    const out = x.reshape(shape);
    const strides = m.shape.map((_, i) => m.shape.slice(i + 1).reduce((p, n) => p * n, 1));
    const flat = (k: number) => m.at(strides.map((s, i) => Math.floor(k / s) % m.shape[i]));
    return [
      out,
      {
        shape: [...out.shape],
        at: (idx) => flat(idx.length === 2 ? idx[0] * out.shape[1] + idx[1] : idx[0]),
      },
    ];
  }
  const shape = [op.lead, ...m.shape];
  return [x.broadcastTo(shape), { shape, at: (idx) => m.at(idx.slice(1)) }];
}

describe("property: views agree with naive index arithmetic and with their copies", () => {
  it("random chains of slice / transpose / reshape / broadcastTo", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.array(opArb, { maxLength: 5 }),
        (shape, ops) => {
          const size = shape.reduce((p, n) => p * n, 1);
          let x = arange(size).reshape(shape);
          const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, n) => p * n, 1));
          let m: Model = {
            shape: [...shape],
            at: (idx) => idx.reduce((p, k, i) => p + k * strides[i], 0),
          };
          for (const op of ops) {
            if (x.size > 400) break;
            [x, m] = apply(x, m, op);
            expect(x.shape).toEqual(m.shape);
            const expected = materialize(m);
            expect(x.toArray()).toEqual(expected);
            expect(x.copy().toArray()).toEqual(expected);
            expect(x.copy().isContiguous).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
