import {
  array,
  linspace,
  type NDArray,
  polyder,
  polyfit,
  polyint,
  polyval,
  roots,
} from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { type Case, decode, expectClose, load } from "./linalg-helpers.js";

function args(c: Case): never[] {
  return decode(c.args as never);
}

function sortedRoots(r: { re: NDArray; im: NDArray }): [number, number][] {
  const re = r.re.toArray() as number[];
  const im = r.im.toArray() as number[];
  return re
    .map((v, i) => [v, im[i]] as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe("polynomials: numpy golden cases", () => {
  for (const c of load("ndarray.polyfit.json")) {
    it(c.name ?? "polyfit", () => {
      const [x, y, deg] = args(c);
      expectClose(
        polyfit(x, y, deg, decode(c.options as never)),
        decode(c.expected),
        c.rtol,
        c.atol,
      );
    });
  }
  for (const c of load("ndarray.polyval.json")) {
    it(c.name ?? "polyval", () => {
      const [p, x] = args(c);
      expectClose(polyval(p, x), decode(c.expected), c.rtol, c.atol);
    });
  }
  for (const c of load("ndarray.polyder.json")) {
    it(c.name ?? "polyder", () => {
      const [p, m] = args(c);
      expectClose(polyder(p, m), decode(c.expected), c.rtol, c.atol);
    });
  }
  for (const c of load("ndarray.polyint.json")) {
    it(c.name ?? "polyint", () => {
      const [p, m, k] = args(c);
      expectClose(polyint(p, m, k), decode(c.expected), c.rtol, c.atol);
    });
  }
  for (const c of load("ndarray.roots.json")) {
    it(c.name ?? "roots", () => {
      const r = roots(args(c)[0]);
      const got = sortedRoots(r).map(([re]) => re);
      const expected = (decode(c.expected) as number[]).slice().sort((a, b) => a - b);
      expectClose(got, expected, c.rtol, c.atol);
      for (const v of r.im.toArray() as number[]) expect(v).toBe(0);
    });
  }
  load("linalg.extra.json")
    .filter((c) => c.fn === "polyfit" || c.fn === "roots")
    .forEach((c, i) => {
      it(`${c.fn} extra #${i} ${JSON.stringify(c.options)}`, () => {
        if (c.fn === "polyfit") {
          const [x, y, deg] = args(c);
          expectClose(
            polyfit(x, y, deg, decode(c.options as never)),
            decode(c.expected),
            c.rtol,
            c.atol,
          );
        } else {
          const e = decode(c.expected) as { re: number[]; im: number[] };
          const expected = e.re
            .map((v, j) => [v, e.im[j]] as [number, number])
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expectClose(sortedRoots(roots(args(c)[0])), expected, c.rtol, c.atol);
        }
      });
    });
});

describe("polynomials: ALGORITHMS.md vectors", () => {
  const x = [0, 1, 2, 3, 4, 5];
  const y = [0, 0.8, 0.9, 0.1, -0.8, -1.0];
  it("polyfit full, cov, weights", () => {
    const full = polyfit(x, y, 3, { full: true });
    expect(full.rank).toBe(4);
    expect(full.rcond).toBe(1.3322676295501878e-15);
    expectClose(full.residuals, [0.03968253968254001], 1e-11, 0);
    expectClose(
      full.singularValues,
      [1.8828796636036094, 0.6471092002746208, 0.18783542690800328, 0.02705009623248137],
      1e-13,
      0,
    );
    const { coef, cov } = polyfit(x, y, 2, { cov: true });
    expectClose(coef, [-0.16071428571428586, 0.5007142857142862, 0.22142857142857147], 1e-12, 0);
    const V = cov.toArray() as number[][];
    expectClose(
      [V[0][0], V[1][1], V[2][2], V[0][1]],
      [0.00473724489795921, 0.1285372448979598, 0.14527551020408216, -0.02368622448979603],
      1e-10,
      0,
    );
    const un = polyfit(x, y, 1, { cov: "unscaled" });
    expectClose(
      un.cov,
      [
        [0.05714285714285715, -0.14285714285714288],
        [-0.14285714285714288, 0.5238095238095238],
      ],
      1e-12,
      0,
    );
    expectClose(
      polyfit(x, y, 1, { w: [1, 2, 3, 4, 5, 6] }),
      [-0.5080357142857143, 1.4803571428571431],
      1e-12,
      0,
    );
  });
  it("rank-deficient fits return the minimum-norm solution (numpy's RankWarning case)", () => {
    const r = polyfit([1, 1, 1], [1, 2, 3], 2, { full: true });
    expect(r.rank).toBe(1);
    expectClose(r.coef, [0.6666666666666663, 0.6666666666666667, 0.6666666666666667], 1e-12, 0);
    expect(r.residuals.shape).toEqual([0]);
  });
  it("polyval, polyder, polyint, roots small cases", () => {
    expect(polyval([3, 0, 1], 5)).toBe(76);
    expect((polyval([1, -3, 2], [0, 1, 2.5]) as NDArray).toArray()).toEqual([2, 0, 0.75]);
    expect((polyval([], [1, 2]) as NDArray).toArray()).toEqual([0, 0]);
    expect(polyder([5]).toArray()).toEqual([]);
    expect(polyder([1, 2, 3], 5).toArray()).toEqual([]);
    expect(polyder([1, 2, 3], 0).toArray()).toEqual([1, 2, 3]);
    expect(polyint([6], 3, 1).toArray()).toEqual([1, 0.5, 1, 1]);
    expect(polyint([1], 2, [1, 2]).toArray()).toEqual([0.5, 1, 2]);
    expect(sortedRoots(roots([1, 0, 1]))).toEqual([
      [0, -1],
      [0, 1],
    ]);
    expect(roots([1, 0, 1]).im.toArray()).toEqual([1, -1]);
    const z = roots([0, 0, 1, -6, 11, -6, 0, 0]);
    expect((z.re.toArray() as number[]).slice(3)).toEqual([0, 0]);
    expect(roots([5]).re.shape).toEqual([0]);
    expect(roots([0, 0]).re.shape).toEqual([0]);
  });
});

describe("polynomials: identities", () => {
  it("polyval(polyfit) reproduces exact polynomials, 1-D and 2-D y", () => {
    const p = [0.5, -2, 0, 3, 1];
    const xs = linspace(-2, 3, 40);
    const ys = polyval(p, xs) as NDArray;
    expectClose(polyfit(xs, ys, 4), p, 1e-12, 1e-12);
    const Y = array((ys.toArray() as number[]).map((v, i) => [v, 2 * v - i * 0]));
    expectClose(
      polyfit(xs, Y, 4),
      p.map((v) => [v, 2 * v]),
      1e-12,
      1e-12,
    );
  });
  it("polyder(polyint(p)) = p, and polyint integrates", () => {
    const p = [3, -1, 4, 1, -5];
    expectClose(polyder(polyint(p)), p, 1e-15, 0);
    expectClose(polyder(polyint(p, 3), 3), p, 1e-15, 0);
    const P = polyint(p);
    expect((polyval(P, 2) as number) - (polyval(P, 0) as number)).toBeCloseTo(268 / 15, 12);
  });
  it("roots of a product of known factors, including complex pairs", () => {
    // (x - 1)(x + 2)(x^2 + 2x + 5): roots 1, -2, -1 ± 2i
    const r = sortedRoots(roots([1, 3, 5, 1, -10]));
    expectClose(
      r,
      [
        [-2, 0],
        [-1, -2],
        [-1, 2],
        [1, 0],
      ],
      1e-12,
      1e-12,
    );
  });
});

describe("polynomials: numpy's errors", () => {
  it("polyfit argument checks", () => {
    expect(() => polyfit([1, 2], [1, 2], -1)).toThrow(/expected deg >= 0/);
    expect(() => polyfit([[1, 2]], [1, 2], 1)).toThrow(/expected 1D vector for x/);
    expect(() => polyfit([], [], 1)).toThrow(/expected non-empty vector for x/);
    expect(() => polyfit([1, 2], [[[1]], [[2]]], 1)).toThrow(/expected 1D or 2D array for y/);
    expect(() => polyfit([1, 2, 3], [1, 2], 1)).toThrow(/expected x and y to have same length/);
    expect(() => polyfit([1, 2, 3], [1, 2, 3], 1, { w: [[1, 2, 3]] })).toThrow(
      /expected a 1-d array for weights/,
    );
    expect(() => polyfit([1, 2, 3], [1, 2, 3], 1, { w: [1, 2] })).toThrow(
      /expected w and y to have the same length/,
    );
    expect(() => polyfit([1, 2], [1, 2], 1, { cov: true })).toThrow(
      /must exceed order to scale the covariance/,
    );
    expect(() => polyfit([1, 2], [1, 2], 1, { weights: [1, 1] } as never)).toThrow(
      /unknown option/,
    );
    expect(() => polyfit([1, 2], [1, 2], -1)).toThrow(RangeError);
    expect(() => polyfit([], [], 1)).toThrow(TypeError);
  });
  it("polyder, polyint, roots checks", () => {
    expect(() => polyder([1, 2], -1)).toThrow(/Order of derivative must be positive/);
    expect(() => polyint([1, 2], -1)).toThrow(/Order of integral must be positive/);
    expect(() => polyint([1, 2], 3, [1, 2])).toThrow(/k must be a scalar or a rank-1 array/);
    expect(() => roots([[1, 2]])).toThrow(/Input must be a rank-1 array/);
    expect(() => polyval([[1, 2]], 3)).toThrow(/must be a 1-D array/);
  });
});
