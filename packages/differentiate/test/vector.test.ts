import type { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import { directionaldiff, Gradient, Hessdiag, Hessian, Jacobian } from "../src/index.js";
import grad from "./fixtures/autodiff.grad.json" with { type: "json" };
import hess from "./fixtures/autodiff.hessian.json" with { type: "json" };
import goldenHess from "./fixtures/differentiate.hessian.json" with { type: "json" };
import goldenJac from "./fixtures/differentiate.jacobian.json" with { type: "json" };
import nd from "./fixtures/numdifftools.json" with { type: "json" };
import { decode, flat, ofVector, VECTOR } from "./functions.js";

type Case = { name: string; args: unknown[]; expected: unknown; rtol: number; atol: number };
const fnOf = (c: Case) => VECTOR[(c.args[0] as { $fn: string }).$fn];
const within = (got: number[], want: number[], rtol: number, atol: number, label: string) => {
  expect(got.length, label).toBe(want.length);
  for (const [i, w] of want.entries()) {
    expect(Math.abs(got[i] - w), `${label}[${i}]: ${got[i]} vs ${w}`).toBeLessThanOrEqual(
      atol + rtol * Math.abs(w),
    );
  }
};
const ndClasses = { Gradient, Jacobian, Hessdiag, Hessian } as const;

describe("Gradient / Jacobian / Hessdiag / Hessian (numdifftools)", () => {
  for (const key of ["Gradient", "Jacobian", "Hessdiag", "Hessian"] as const) {
    it(`${key} agrees with numdifftools 0.10.1 on the fixture cases`, () => {
      for (const c of nd[key]) {
        const make = ndClasses[key] as (
          f: unknown,
          o: object,
        ) => (x: unknown) => { estimate: NDArray | number; errorEstimate: NDArray | number };
        const r = make(ofVector(VECTOR[c.f]), { ...c.options, fullOutput: true })(c.x);
        const est = flat(r.estimate);
        const err = flat(r.errorEstimate);
        const ref = flat(decode(c.estimate));
        const refErr = flat(decode(c.errorEstimate));
        expect(est.length, c.name).toBe(ref.length);
        for (const [i, v] of ref.entries()) {
          const tol = 1e-13 * Math.abs(v) + 2 * (err[i] + refErr[i]) + 1e-15;
          expect(Math.abs(est[i] - v), `${key} ${c.name}[${i}]`).toBeLessThanOrEqual(tol);
        }
      }
    });
  }

  const gradCases = (grad.cases as Case[]).filter((c) => Array.isArray(c.args[1]));
  it.each(gradCases.map((c) => [c.name, c] as const))("Gradient of golden %s to 1e-10", (_, c) => {
    const r = Gradient(ofVector(fnOf(c)), { fullOutput: true })(c.args[1] as number[]);
    const want = flat(c.expected);
    const got = flat(r.estimate);
    const scale = Math.max(...want.map(Math.abs), 1);
    within(got, want, 0, 1e-10 * scale, c.name);
    const err = flat(r.errorEstimate);
    for (const [i, w] of want.entries())
      expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(err[i] + 1e-13 * scale);
  });

  it.each((goldenJac.cases as Case[]).map((c) => [c.name, c] as const))(
    "Jacobian of golden %s",
    (_, c) => {
      const J = Jacobian(ofVector(fnOf(c)))(c.args[1] as number[]);
      const want = c.expected as number[][];
      expect(J.shape).toEqual([want.length, want[0].length]);
      within(flat(J), flat(want), 1e-10, 1e-12, c.name);
    },
  );

  const hessCases = [
    ...(goldenHess.cases as Case[]),
    ...(hess.cases as Case[]).filter((c) => Array.isArray(c.args[1])),
  ];
  it.each(hessCases.map((c) => [c.name, c] as const))(
    "Hessian and Hessdiag of golden %s",
    (_, c) => {
      const f = ofVector(fnOf(c));
      const x = c.args[1] as number[];
      const want = c.expected as number[][];
      const H = Hessian(f)(x);
      expect(H.shape).toEqual([x.length, x.length]);
      const scale = Math.max(...flat(want).map(Math.abs), 1);
      within(flat(H), flat(want), 0, 1e-8 * scale, c.name);
      const d = Hessdiag(f)(x);
      within(
        flat(d),
        want.map((row, i) => row[i]),
        0,
        1e-8 * scale,
        `${c.name} diag`,
      );
      const fwd = Hessian(f, { method: "forward" })(x);
      within(flat(fwd), flat(want), 0, 1e-5 * scale, `${c.name} forward`);
    },
  );

  it("follows numdifftools' shapes: scalar f -> [1, n] Jacobian, [n] gradient, number for n = 1", () => {
    const f = ofVector(VECTOR.rosen2);
    expect(Jacobian(f)([1, 1]).shape).toEqual([1, 2]);
    expect((Gradient(f)([1, 1]) as NDArray).shape).toEqual([2]);
    expect(typeof Gradient((v: NDArray) => v.get(0) ** 3)(2)).toBe("number");
    const grid = Gradient(ofVector(VECTOR.sum_sq))([
      [1, 2],
      [3, 4],
    ]);
    within(flat(grid), [2, 4, 6, 8], 1e-12, 0, "flattened x");
    const J3 = Jacobian((v: NDArray): number[][] => [
      [v.get(0) * v.get(1), v.get(0)],
      [v.get(1), 1],
    ])([2, 3]);
    expect(J3.shape).toEqual([2, 2, 2]);
    within(flat(J3), [3, 1, 2, 0, 0, 0, 1, 0], 1e-10, 1e-12, "3-d jacobian");
  });

  it("reproduces the numdifftools docstring examples", () => {
    const rosen = (v: NDArray) => (1 - v.get(0)) ** 2 + 105 * (v.get(1) - v.get(0) ** 2) ** 2;
    within(flat(Hessian(rosen)([1, 1])), [842, -420, -420, 210], 1e-12, 1e-9, "rosen hessian");
    within(
      flat(Hessian((v: NDArray) => Math.cos(v.get(0) - v.get(1)))([0, 0])),
      [-1, 1, 1, -1],
      1e-10,
      1e-10,
      "cos",
    );
    const hd = Hessdiag((v: NDArray) => v.get(0) + v.get(1) ** 2 + v.get(2) ** 3, {
      fullOutput: true,
    })([1, 2, 3]);
    within(flat(hd.estimate), [0, 2, 18], 1e-12, 1e-12, "hessdiag");
    for (const e of flat(hd.errorEstimate)) expect(e).toBeLessThan(1e-11);
    within(
      flat(Jacobian((v: NDArray) => v.get(0) * v.get(1) * v.get(2) ** 2)([1, 2, 3])),
      [18, 9, 12],
      1e-12,
      1e-12,
      "jac",
    );
  });

  it("is not disturbed by an f that mutates its argument, and never mutates x", () => {
    const x = [1, 2, 3];
    const g = Gradient((v: NDArray) => {
      const d = v.toTypedArray();
      const s = d[0] ** 2 + d[1] ** 2 + d[2] ** 2;
      d.fill(99);
      return s;
    })(x);
    within(flat(g), [2, 4, 6], 1e-12, 0, "mutating f");
    expect(x).toEqual([1, 2, 3]);
  });

  it("directionaldiff agrees with numdifftools and with the gradient projected on the direction", () => {
    for (const c of nd.directionaldiff) {
      const r = directionaldiff(ofVector(VECTOR[c.f]), c.x, c.vec, { fullOutput: true });
      const tol = 1e-13 * Math.abs(c.estimate) + 2 * (r.errorEstimate + c.errorEstimate) + 1e-16;
      expect(Math.abs(r.estimate - c.estimate), c.name).toBeLessThanOrEqual(tol);
      const g = flat(Gradient(ofVector(VECTOR[c.f]))(c.x));
      const norm = Math.hypot(...c.vec);
      const proj = g.reduce((s, gi, i) => s + (gi * c.vec[i]) / norm, 0);
      expect(Math.abs(r.estimate - proj)).toBeLessThan(1e-12);
    }
    expect(directionaldiff(ofVector(VECTOR.prod3), [2, 3, 4], [1, 0, 0])).toBeCloseTo(12, 12);
    expect(() => directionaldiff(ofVector(VECTOR.prod3), [2, 3, 4], [1, 0])).toThrow(/same size/);
  });

  it("throws clear errors", () => {
    expect(() => Hessian(ofVector(VECTOR.polar))([1, 2])).toThrow(/must return a scalar/);
    expect(() => Hessdiag(ofVector(VECTOR.polar))([1, 2])).toThrow(/must return a scalar/);
    expect(() => Hessian(ofVector(VECTOR.rosen2), { order: 2 } as never)).toThrow(
      /unknown option "order"/,
    );
    expect(() => Jacobian(ofVector(VECTOR.rosen2), { n: 2 } as never)).toThrow(
      /unknown option "n"/,
    );
    expect(() => Gradient(ofVector(VECTOR.rosen2))("x" as never)).toThrow(/x must be/);
    expect(() => Gradient(() => "nope")([1])).toThrow(/must return a number/);
    let calls = 0;
    const changing = (v: NDArray) => (calls++ === 0 ? v.get(0) : [v.get(0), 1]);
    expect(() => Jacobian(changing)([1])).toThrow(/returned shape/);
    expect(() => Gradient(42 as never)).toThrow(/f must be a function/);
  });
});
