import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactInverse, exactSolve } from "../src/internal/exactSolve.js";
import { convolveAt, fdRule, richardsonRule } from "../src/internal/fdRule.js";
import { stencilWeights } from "../src/internal/stencil.js";
import { generateSteps } from "../src/internal/steps.js";

describe("exact rational solver", () => {
  it("rounds exactly once: 1/3, 1/10, 2/3 are the nearest doubles", () => {
    expect(exactSolve([[3]], [[1]])[0][0]).toBe(1 / 3);
    expect(exactSolve([[10]], [[1]])[0][0]).toBe(0.1);
    expect(exactSolve([[3]], [[2]])[0][0]).toBe(2 / 3);
    expect(exactSolve([[-7]], [[1e-300]])[0][0]).toBe(1e-300 / -7);
  });

  it("inverts the 4x4 Hilbert matrix to its exact integer inverse", () => {
    const H = Array.from({ length: 4 }, (_, i) =>
      Array.from({ length: 4 }, (_, j) => 1 / (i + j + 1)),
    );
    const inv = exactInverse(H);
    // the doubles 1/3, 1/5, ... are not exact, so the inverse is close to (not equal to) the integers
    const want = [
      [16, -120, 240, -140],
      [-120, 1200, -2700, 1680],
      [240, -2700, 6480, -4200],
      [-140, 1680, -4200, 2800],
    ];
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++)
        expect(Math.abs(inv[i][j] - want[i][j])).toBeLessThan(1e-9 * Math.abs(want[i][j]));
  });

  it("solves random well-conditioned systems to the last bit of A x = b", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (v) => {
          const A = [
            [4 + Math.abs(v[0]), 1],
            [1, 4 + Math.abs(v[1])],
          ];
          const x = exactSolve(A, [[v[2]], [v[3]]]).map((r) => r[0]);
          const r0 = A[0][0] * x[0] + A[0][1] * x[1] - v[2];
          const r1 = A[1][0] * x[0] + A[1][1] * x[1] - v[3];
          return (
            Math.abs(r0) <= 1e-14 * (Math.abs(v[2]) + 20) &&
            Math.abs(r1) <= 1e-14 * (Math.abs(v[3]) + 20)
          );
        },
      ),
    );
  });

  it("rejects singular matrices", () => {
    expect(() =>
      exactInverse([
        [1, 2],
        [2, 4],
      ]),
    ).toThrow(/singular/);
  });
});

describe("finite-difference and Richardson rules", () => {
  it("match numdifftools' LogRule docstrings (step ratio 2)", () => {
    const near = (a: Float64Array, b: number[]) => {
      for (const [i, v] of b.entries())
        expect(Math.abs(a[i] - v)).toBeLessThan(1e-7 * Math.max(1, Math.abs(v)));
    };
    expect(Array.from(fdRule(1, "central", 2, 2))).toEqual([1]);
    near(fdRule(1, "central", 4, 2), [-0.33333333, 2.66666667]);
    near(fdRule(1, "central", 6, 2), [0.02222222, -0.88888889, 5.68888889]);
    expect(Array.from(fdRule(1, "forward", 2, 2))).toEqual([-1, 4]);
    near(fdRule(1, "forward", 4, 2), [-0.04761905, 1.33333333, -10.66666667, 24.38095238]);
    expect(Array.from(fdRule(2, "central", 2, 2))).toEqual([2]);
    near(fdRule(2, "central", 4, 2), [-0.66666667, 10.66666667]);
    near(fdRule(2, "forward", 2, 2), [-4, 40, -64]);
    near(fdRule(2, "backward", 2, 2), [4, -40, 64]);
  });

  it("gives Richardson [1/45, -4/9, 64/45] for central steps halving", () => {
    expect(Array.from(richardsonRule(2, 2, 2, 2))).toEqual([1 / 45, -4 / 9, 64 / 45]);
    expect(Array.from(richardsonRule(2, 2, 2, 0))).toEqual([1]);
  });

  it("sums like scipy.ndimage.convolve1d (first and last terms first) and reflects at the end", () => {
    const seq = [1e16, 1, -1e16, 3].map((v) => Float64Array.of(v));
    const rule = Float64Array.of(1, 1, 1);
    expect(convolveAt(seq, rule, 0, 0)).toBe(1e16 + -1e16 + 1);
    expect(convolveAt(seq, rule, 2, 0)).toBe(-1e16 + 3 + 3);
  });

  it("exact stencil weights equal the rationals behind scipy's order-8 formula", () => {
    const { central } = stencilWeights(4, 2);
    const want = [
      -16384 / 2835,
      128 / 135,
      -4 / 135,
      1 / 5670,
      0,
      -1 / 5670,
      4 / 135,
      -128 / 135,
      16384 / 2835,
    ];
    expect(Array.from(central)).toEqual(want);
  });

  it("generates numdifftools' default steps: 2 * 2^-i at |x| <= 1, scaled by log(e - 1 + |x|) beyond", () => {
    const { steps, ratio } = generateSteps(Float64Array.of(1, 10), undefined, {}, "central", 1, 2);
    expect(ratio).toBe(2);
    expect(steps.length).toBe(15);
    expect(steps[0][0]).toBe(2);
    expect(steps[14][0]).toBe(0.0001220703125);
    expect(steps[0][1]).toBe(4.922300343468949);
    expect(steps[1][1]).toBe(2.4611501717344746);
    const fixed = generateSteps(Float64Array.of(1), 0.1, {}, "central", 1, 2);
    expect(fixed.steps.map((h) => h[0])).toEqual([0.10000000000000009]);
  });
});
