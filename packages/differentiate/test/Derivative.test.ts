import { linspace, NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { Derivative } from "../src/index.js";
import grad from "./fixtures/autodiff.grad.json" with { type: "json" };
import hess from "./fixtures/autodiff.hessian.json" with { type: "json" };
import golden from "./fixtures/differentiate.derivative.json" with { type: "json" };
import nd from "./fixtures/numdifftools.json" with { type: "json" };
import { decode, elementwise, flat, SCALAR } from "./functions.js";

const close = (a: number, b: number, rtol: number, atol = 0): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= atol + rtol * Math.abs(b);

describe("Derivative (numdifftools)", () => {
  it("reproduces the lecture cell Derivative(f)(x) for f = x**0.5 at linspace(0.1, 1, 10)", () => {
    const x = linspace(0.1, 1, 10);
    const d = Derivative((v: NDArray) => v.pow(0.5))(x);
    expect(d).toBeInstanceOf(NDArray);
    expect(d.shape).toEqual([10]);
    const printed =
      "1.58113883 1.11803399 0.91287093 0.79056942 0.70710678 0.64549722 0.5976143 0.55901699 0.52704628 0.5"
        .split(" ")
        .map(Number);
    const got = flat(d);
    const xs = flat(x);
    got.forEach((v, i) => {
      expect(Math.abs(v - printed[i])).toBeLessThan(5e-9);
      const exact = 0.5 * xs[i] ** -0.5;
      expect(Math.abs(v - exact)).toBeLessThanOrEqual(1e-10 * exact);
    });
  });

  it("matches ALGORITHMS.md vectors: exp at 1 (numpy-2 value 2.7182818284590113 to pinv rounding)", () => {
    const r = Derivative(Math.exp, { fullOutput: true })(1);
    expect(close(r.estimate, 2.7182818284590113, 2e-14)).toBe(true);
    expect(r.finalStep).toBe(0.0078125);
    expect(r.bestIndex).toBe(6);
    expect(r.errorEstimate).toBeGreaterThan(1e-14);
    expect(r.errorEstimate).toBeLessThan(1e-13);
    expect(Math.abs(r.estimate - Math.E)).toBeLessThanOrEqual(r.errorEstimate);
    expect(Derivative(Math.exp)(1)).toBe(r.estimate);
  });

  it("matches ALGORITHMS.md vectors bit for bit where f is exact: x^3 + x^2, n = 2, and a fixed step", () => {
    const r = Derivative((x: number) => x ** 3 + x ** 2, { n: 2, fullOutput: true })(1);
    expect(r).toEqual({
      estimate: 8.000000000000009,
      errorEstimate: 8.881784197001252e-15,
      finalStep: 0.19073486328124994,
      bestIndex: 3,
    });
    const s = Derivative(Math.exp, { step: 0.1, fullOutput: true })(1);
    expect(s.estimate).toBe(2.7228145639474177);
    expect(s.errorEstimate).toBe(1.2706204736174789);
    expect(s.finalStep).toBe(0.10000000000000009);
  });

  it("matches ALGORITHMS.md forward/backward/higher-order vectors", () => {
    expect(close(Derivative(Math.sin, { method: "forward" })(0.5), 0.8775825618909341, 1e-12)).toBe(
      true,
    );
    expect(
      close(Derivative(Math.sin, { method: "forward", order: 4 })(0.5), 0.8775825618903712, 1e-13),
    ).toBe(true);
    const n3 = Derivative(Math.sin, { method: "forward", n: 3, fullOutput: true })(0.5);
    expect(Math.abs(n3.estimate + 0.8775825618903725)).toBeLessThanOrEqual(n3.errorEstimate);
    expect(n3.finalStep).toBe(0.046566128730773905);
    expect(Number.isNaN(Derivative(Math.sqrt)(1e-3))).toBe(true);
  });

  it("agrees with numdifftools 0.10.1 (run from source) on every fixture case", () => {
    for (const c of nd.Derivative) {
      const x = decode(c.x) as number | number[];
      const f = elementwise(SCALAR[c.f]);
      const r = Derivative(f, { ...(c.options as object), fullOutput: true })(x as never);
      const est = flat(r.estimate);
      const err = flat(r.errorEstimate);
      const refEst = flat(decode(c.estimate));
      const refErr = flat(decode(c.errorEstimate));
      est.forEach((v, i) => {
        const tol = 1e-13 * Math.abs(refEst[i]) + 2 * (err[i] + refErr[i]);
        expect(close(v, refEst[i], 0, tol), `${c.name}: ${v} vs ${refEst[i]}`).toBe(true);
        // error estimates agree where truncation (not round-off) dominates them
        if (Number.isFinite(refErr[i]) && refErr[i] > 1e-10) {
          expect(err[i] / refErr[i], c.name).toBeGreaterThan(0.3);
          expect(err[i] / refErr[i], c.name).toBeLessThan(3);
        }
      });
    }
  });

  const exactCases = [...golden.cases, ...grad.cases].filter(
    (c) =>
      typeof c.args[1] === "number" &&
      typeof c.expected === "number" &&
      !("exact" in c && c.exact === null),
  );

  it.each(exactCases.map((c) => [c.name, c] as const))(
    "first derivative of golden %s: relative error <= 1e-10 and inside the error estimate",
    (_, c) => {
      const f = SCALAR[(c.args[0] as { $fn: string }).$fn];
      const x = c.args[1] as number;
      const exact = c.expected as number;
      const r = Derivative(f, { fullOutput: true })(x);
      expect(Math.abs(r.estimate - exact)).toBeLessThanOrEqual(1e-10 * Math.abs(exact) + 1e-15);
      // the estimate bounds the true error up to round-off in the extrapolation (~1e-13 relative)
      expect(Math.abs(r.estimate - exact)).toBeLessThanOrEqual(
        r.errorEstimate + 1e-13 * Math.abs(exact),
      );
    },
  );

  const secondCases = hess.cases.filter(
    (c) => typeof c.args[1] === "number" && typeof c.expected === "number",
  );
  it.each(secondCases.map((c) => [c.name, c] as const))(
    "second derivative of golden %s (n = 2)",
    (_, c) => {
      const f = SCALAR[(c.args[0] as { $fn: string }).$fn];
      const exact = c.expected as number;
      const r = Derivative(f, { n: 2, fullOutput: true })(c.args[1] as number);
      expect(Math.abs(r.estimate - exact)).toBeLessThanOrEqual(1e-7 * Math.abs(exact) + 1e-8);
    },
  );

  it("differentiates exp, sin, sqrt and log to 1e-10 relative at many points", () => {
    const cases: [(x: number) => number, (x: number) => number, number[]][] = [
      [Math.exp, Math.exp, [-5, -1, 0, 0.5, 1, 3, 10]],
      [Math.sin, Math.cos, [-3, -1, 0.1, 0.5, 1, 2.5]],
      [Math.sqrt, (x) => 0.5 / Math.sqrt(x), [0.05, 0.5, 1, 4, 100]],
      [Math.log, (x) => 1 / x, [0.05, 0.5, 1, 2, 50]],
    ];
    for (const [f, df, xs] of cases) {
      for (const x of xs) {
        const r = Derivative(f, { fullOutput: true })(x);
        const exact = df(x);
        expect(Math.abs(r.estimate - exact), `${f.name} at ${x}`).toBeLessThanOrEqual(
          1e-10 * Math.abs(exact) + 1e-15,
        );
        expect(Math.abs(r.estimate - exact), `${f.name} at ${x}`).toBeLessThanOrEqual(
          r.errorEstimate + 1e-13 * Math.abs(exact),
        );
      }
    }
  });

  it("computes higher derivatives n = 2, 3, 4 of sin and exp", () => {
    const x = 0.7;
    const sinD = [
      Math.sin,
      Math.cos,
      (t: number) => -Math.sin(t),
      (t: number) => -Math.cos(t),
      Math.sin,
    ];
    for (const n of [1, 2, 3, 4]) {
      const r = Derivative(Math.sin, { n, fullOutput: true })(x);
      expect(Math.abs(r.estimate - sinD[n](x)), `n=${n}`).toBeLessThanOrEqual(
        Math.max(r.errorEstimate, 1e-14) * 1.5,
      );
      expect(Math.abs(r.estimate - sinD[n](x))).toBeLessThan(1e-5);
      expect(Math.abs(Derivative(Math.exp, { n })(x) - Math.exp(x))).toBeLessThan(1e-5);
    }
  });

  it("returns f(x) itself for n = 0 and the same shapes as x", () => {
    expect(Derivative(Math.exp, { n: 0 })(1)).toBe(Math.exp(1));
    const grid = [
      [1, 2],
      [-1, 0],
    ];
    const d = Derivative(elementwise(Math.exp))(grid);
    expect(d.shape).toEqual([2, 2]);
    for (const [i, v] of flat(d).entries())
      expect(close(v, Math.exp(flat(grid)[i]), 1e-12)).toBe(true);
    const full = Derivative(elementwise(Math.exp), { fullOutput: true })(grid);
    expect(full.bestIndex.dtype).toBe("int32");
    expect(full.finalStep.shape).toEqual([2, 2]);
  });

  it("calls f once per step and side with the whole array (vectorised), f(x) only when needed", () => {
    let calls = 0;
    const f = (v: NDArray) => {
      calls++;
      expect(v.shape).toEqual([3]);
      return v.exp();
    };
    Derivative(f)([0, 1, 2]);
    expect(calls).toBe(30);
    calls = 0;
    Derivative(f, { method: "forward" })([0, 1, 2]);
    expect(calls).toBe(16);
  });

  it("propagates NaN from f and at NaN x", () => {
    expect(Number.isNaN(Derivative(() => Number.NaN)(1))).toBe(true);
    expect(Number.isNaN(Derivative(Math.exp)(Number.NaN))).toBe(true);
  });

  it("throws clear errors for bad input", () => {
    expect(() => Derivative(Math.exp, { method: "complex" as never })).toThrow(
      /complex arithmetic/,
    );
    expect(() => Derivative(Math.exp, { method: "sideways" as never })).toThrow(/method must be/);
    expect(() => Derivative(Math.exp, { n: -1 })).toThrow(RangeError);
    expect(() => Derivative(Math.exp, { n: 1.5 })).toThrow(/n must be/);
    expect(() => Derivative(Math.exp, { order: 0 })).toThrow(/order must be/);
    expect(() => Derivative(Math.exp, { step: -1 })).toThrow(/step must be/);
    expect(() => Derivative(Math.exp, { stepRatio: 1 })).toThrow(/stepRatio/);
    expect(() => Derivative(Math.exp, { baseStep: 0 })(1)).toThrow(/every generated step is zero/);
    expect(() => Derivative(Math.exp, { numSteps: 0 })).toThrow(/numSteps/);
    expect(() => Derivative(Math.exp, { richardsonTerms: -1 })).toThrow(/richardsonTerms/);
    expect(() => Derivative(Math.exp, { fullOutput: 1 as never })).toThrow(TypeError);
    expect(() => Derivative(Math.exp, { full_output: true } as never)).toThrow(
      /unknown option "full_output"/,
    );
    expect(() => Derivative(3 as never)).toThrow(/f must be a function/);
    expect(() => Derivative((v: NDArray) => v.get(0))([1, 2])).toThrow(/must be vectorized/);
    expect(() => Derivative(() => "a" as never)(1)).toThrow(/must return a number/);
    expect(() => Derivative(Math.exp)("a" as never)).toThrow(/x must be a number/);
    expect(() =>
      Derivative(Math.exp, { step: 0.1, numSteps: 1, checkNumSteps: false, order: 4 })(1),
    ).toThrow(/numSteps \(1\) must be larger/);
  });
});
