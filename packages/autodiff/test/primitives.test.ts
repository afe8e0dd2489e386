import * as nd from "@nabla/ndarray";
import { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import {
  checkGrads,
  np,
  type PrimitiveName,
  primitives,
  stopGradient,
  type Tracer,
  vmap,
} from "../src/index.js";
import { close, uniform, wellConditioned } from "./helpers.js";

// One case list per primitive: the mapped type makes a primitive without cases a type error,
// and the tests below walk the table, so a new primitive is checked as soon as it exists.
interface Case {
  f: (...args: Tracer[]) => unknown;
  points: unknown[][];
  eps?: number;
  atol?: number;
  rtol?: number;
}

const U = uniform;
const A3 = wellConditioned([3, 3], 3);
const unaryCase = (f: (x: Tracer) => unknown, lo: number, hi: number): Case => ({
  f,
  points: [[U([], lo, hi, 1)], [U([3], lo, hi, 2)], [U([2, 3], lo, hi, 3)]],
});

const cases: { [P in PrimitiveName]: Case } = {
  abs: { f: (x) => np.abs(x), points: [[U([3], 0.2, 2, 1)], [U([2, 2], -2, -0.2, 2)], [-0.7]] },
  add: {
    f: (x, y) => np.add(x, y),
    points: [
      [U([3], -1, 1, 1), U([3], -1, 1, 2)],
      [U([2, 3], -1, 1, 3), U([3], -1, 1, 4)],
      [U([], -1, 1, 5), U([2, 1], -1, 1, 6)],
    ],
  },
  arccos: unaryCase((x) => np.arccos(x), -0.9, 0.9),
  arccosh: unaryCase((x) => np.arccosh(x), 1.2, 3),
  arcsin: unaryCase((x) => np.arcsin(x), -0.9, 0.9),
  arcsinh: unaryCase((x) => np.arcsinh(x), -2, 2),
  arctan: unaryCase((x) => np.arctan(x), -2, 2),
  arctan2: {
    f: (y, x) => np.arctan2(y, x),
    points: [
      [U([3], 0.5, 2, 1), U([3], -2, -0.5, 2)],
      [U([2, 3], -2, -0.5, 3), U([3], 0.5, 2, 4)],
    ],
  },
  arctanh: unaryCase((x) => np.arctanh(x), -0.9, 0.9),
  broadcastTo: {
    f: (x) => np.broadcastTo(x, [2, 3]),
    points: [[U([3], -1, 1, 1)], [U([2, 1], -1, 1, 2)], [0.3]],
  },
  ceil: unaryCase((x) => np.multiply(x, np.ceil(x)), 0.2, 0.8),
  compare: {
    f: (x, y) => np.where(np.less(x, y), np.multiply(x, x), np.multiply(y, 3)),
    points: [[np.array([0.1, 1.5, -0.5]), np.array([0.6, 0.2, 0.5])]],
  },
  concatenate: {
    f: (x, y) => np.concatenate([x, y, x], { axis: -1 }),
    points: [
      [U([2], -1, 1, 1), U([3], -1, 1, 2)],
      [U([2, 3], -1, 1, 3), U([2, 1], -1, 1, 4)],
    ],
  },
  convert: {
    f: (x) => np.multiply(np.astype(x, "float32"), np.astype(x, "float32")),
    points: [[U([3], 0.5, 1.5, 1)]],
    eps: 1e-2,
    atol: 1e-3,
    rtol: 1e-3,
  },
  cos: unaryCase((x) => np.cos(x), -2, 2),
  cosh: unaryCase((x) => np.cosh(x), -2, 2),
  cumsum: {
    f: (x) => np.cumsum(np.multiply(x, x), { axis: 0 }),
    points: [[U([4], -1, 1, 1)], [U([3, 2], -1, 1, 2)]],
  },
  det: { f: (a) => np.linalg.det(a), points: [[A3], [wellConditioned([2, 2, 2], 4)]] },
  divide: {
    f: (x, y) => np.divide(x, y),
    points: [
      [U([3], -1, 1, 1), U([3], 0.5, 2, 2)],
      [U([2, 3], -1, 1, 3), U([], -2, -0.5, 4)],
    ],
  },
  exp: unaryCase((x) => np.exp(x), -2, 2),
  expm1: unaryCase((x) => np.expm1(x), -2, 2),
  floor: unaryCase((x) => np.multiply(x, np.floor(x)), 1.2, 1.8),
  inv: { f: (a) => np.linalg.inv(a), points: [[A3], [wellConditioned([2, 2, 2], 5)]] },
  log: unaryCase((x) => np.log(x), 0.3, 3),
  log10: unaryCase((x) => np.log10(x), 0.3, 3),
  log1p: unaryCase((x) => np.log1p(x), -0.5, 3),
  log2: unaryCase((x) => np.log2(x), 0.3, 3),
  matmul: {
    f: (a, b) => np.matmul(a, b),
    points: [
      [U([2, 3], -1, 1, 1), U([3, 4], -1, 1, 2)],
      [U([3], -1, 1, 3), U([3, 2], -1, 1, 4)],
      [U([2, 2, 3], -1, 1, 5), U([3, 2], -1, 1, 6)],
      [U([3], -1, 1, 7), U([3], -1, 1, 8)],
    ],
  },
  maximum: {
    f: (x, y) => np.maximum(x, y),
    points: [[np.array([0.1, 1.5, -0.5]), np.array([0.6, 0.2, 0.5])]],
  },
  minimum: {
    f: (x, y) => np.minimum(x, y),
    points: [[np.array([0.1, 1.5, -0.5]), np.array([0.6, 0.2, 0.5])]],
  },
  mod: {
    f: (x, y) => np.mod(x, y),
    points: [[np.array([2.5, 3.3, -1.7]), np.array([0.7, 1.3, 0.9])]],
  },
  multiply: {
    f: (x, y) => np.multiply(x, y),
    points: [
      [U([3], -1, 1, 1), U([3], -1, 1, 2)],
      [U([2, 3], -1, 1, 3), U([2, 1], -1, 1, 4)],
    ],
  },
  negative: unaryCase((x) => np.negative(x), -2, 2),
  pad: {
    f: (x) =>
      np.pad(np.multiply(x, x), [
        [1, 2],
        [0, 1],
      ]),
    points: [[U([2, 3], -1, 1, 1)]],
  },
  power: {
    f: (x, y) => np.power(x, y),
    points: [
      [U([3], 0.3, 2, 1), U([3], 0.5, 2.5, 2)],
      [U([2, 3], 0.3, 2, 3), 2.5],
    ],
  },
  reduceMax: {
    f: (x) => np.max(x, { axis: 1 }),
    points: [
      [
        np.array([
          [0.1, 0.5, -0.3],
          [1.2, -0.4, 0.7],
        ]),
      ],
    ],
  },
  reduceMin: {
    f: (x) => np.min(x, { axis: 0, keepdims: true }),
    points: [
      [
        np.array([
          [0.1, 0.5, -0.3],
          [1.2, -0.4, 0.7],
        ]),
      ],
    ],
  },
  reduceProd: {
    f: (x) => np.prod(x, { axis: -1 }),
    points: [[U([2, 3], 0.5, 1.5, 1)], [U([4], -1.5, -0.5, 2)]],
  },
  reduceSum: {
    f: (x) => np.sum(np.multiply(x, x), { axis: 1, keepdims: true }),
    points: [[U([2, 3], -1, 1, 1)], [U([2, 3, 2], -1, 1, 2)]],
  },
  reshape: {
    f: (x) => np.reshape(x, [3, -1]),
    points: [[U([2, 3], -1, 1, 1)], [U([6], -1, 1, 2)]],
  },
  rint: unaryCase((x) => np.multiply(x, np.rint(x)), 1.1, 1.4),
  select: {
    f: (x, y) => np.where(np.array([true, false, true]), np.sin(x), np.multiply(y, y)),
    points: [
      [U([3], -1, 1, 1), U([3], -1, 1, 2)],
      [U([2, 3], -1, 1, 3), U([], -1, 1, 4)],
    ],
  },
  sign: unaryCase((x) => np.multiply(x, np.sign(x)), -2, -0.5),
  sin: unaryCase((x) => np.sin(x), -2, 2),
  sinh: unaryCase((x) => np.sinh(x), -2, 2),
  slice: {
    f: (x) =>
      np.add(
        np.multiply(np.slice(x, "1:", "::-2"), np.slice(x, ":-1", null, "::2")),
        np.slice(x, -1, "1:2"),
      ),
    points: [[U([3, 4], -1, 1, 1)], [U([4, 5], -1, 1, 2)]],
  },
  solve: {
    f: (a, b) => np.linalg.solve(a, b),
    points: [
      [A3, U([3], -1, 1, 1)],
      [A3, U([3, 2], -1, 1, 2)],
      [wellConditioned([2, 3, 3], 6), U([2, 3, 1], -1, 1, 3)],
    ],
  },
  sqrt: unaryCase((x) => np.sqrt(x), 0.3, 3),
  square: unaryCase((x) => np.square(x), -2, 2),
  stack: {
    f: (x, y) => np.stack([x, np.sin(y), x], { axis: -1 }),
    points: [
      [U([3], -1, 1, 1), U([3], -1, 1, 2)],
      [U([2, 2], -1, 1, 3), U([2, 2], -1, 1, 4)],
      [0.3, -0.4],
    ],
  },
  stopGradient: {
    // The stopped branch must not contribute: what is left agrees with finite differences.
    f: (x) => np.add(np.sin(x), np.multiply(0, stopGradient(np.exp(x)))),
    points: [[U([3], -1, 1, 1)]],
  },
  subtract: {
    f: (x, y) => np.subtract(x, y),
    points: [
      [U([3], -1, 1, 1), U([3], -1, 1, 2)],
      [U([], -1, 1, 3), U([2, 3], -1, 1, 4)],
    ],
  },
  tan: unaryCase((x) => np.tan(x), -1.2, 1.2),
  tanh: unaryCase((x) => np.tanh(x), -2, 2),
  transpose: {
    f: (x) => np.transpose(np.multiply(x, x), [1, 2, 0]),
    points: [[U([2, 3, 4], -1, 1, 1)]],
  },
  trunc: unaryCase((x) => np.multiply(x, np.trunc(x)), -1.8, -1.2),
};

function stackOf(xs: unknown[]): NDArray {
  return nd.stack(xs.map((x) => (x instanceof NDArray ? x : nd.array(x as number))));
}

function perturbed(x: unknown, k: number): unknown {
  if (typeof x === "number") return x + 0.01 * k;
  const a = x as NDArray;
  return a.dtype === "bool" ? a : nd.add(a, 0.01 * k);
}

const names = Object.keys(primitives) as PrimitiveName[];

describe("every primitive", () => {
  it("has a case", () => {
    for (const name of names) expect(cases[name], name).toBeDefined();
  });

  for (const name of names) {
    const c = cases[name];
    it(`${name}: forward and reverse, orders 1 and 2, match finite differences`, () => {
      for (const args of c.points) {
        checkGrads(c.f, args, {
          order: 2,
          modes: ["fwd", "rev"],
          eps: c.eps,
          atol: c.atol ?? 1e-6,
          rtol: c.rtol ?? 1e-6,
        });
      }
    });

    it(`${name}: vmap matches a loop over the batch, for every batch axis placement`, () => {
      for (const args of c.points) {
        const batch = [0, 1, 2].map((k) => args.map((a) => perturbed(a, k)));
        const expected = stackOf(batch.map((b) => c.f(...(b as Tracer[]))));
        // every argument mapped on axis 0
        const all = args.map((_, i) => stackOf(batch.map((b) => b[i])));
        expect(close(vmap(c.f)(...all), expected, 1e-12, 1e-14)).toBe(true);
        // each argument alone mapped on its last axis, the others fixed
        args.forEach((_, i) => {
          const inAxes = args.map((_a, j) => (j === i ? -1 : null));
          const mapped = args.map((a, j) => (j === i ? np.moveaxis(all[i], 0, -1) : a));
          const want = stackOf(
            [0, 1, 2].map((k) =>
              c.f(...(args.map((a, j) => (j === i ? batch[k][j] : a)) as Tracer[])),
            ),
          );
          expect(
            close(vmap(c.f, { inAxes })(...(mapped as (number | NDArray)[])), want, 1e-12, 1e-14),
            `${name} arg ${i}`,
          ).toBe(true);
        });
      }
    });
  }
});
