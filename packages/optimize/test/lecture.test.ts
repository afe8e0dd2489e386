import { minimize } from "@nabla/optimize";
import { describe, expect, it } from "vitest";
import { lectureRosen, rosenDer, rosenHess } from "./helpers.js";

// The three minimize calls of the seed lecture and the results it prints (scipy 1.17.1).
describe("lecture: minimize on Rosenbrock", () => {
  it("BFGS without a gradient: nit 32, nfev 111, njev 37", () => {
    const sol = minimize(lectureRosen, [1, 0]);
    expect(sol.success).toBe(true);
    expect(sol.status).toBe(0);
    expect(sol.message).toBe("Optimization terminated successfully.");
    expect([sol.nit, sol.nfev, sol.njev]).toEqual([32, 111, 37]);
    expect(sol.fun).toBeCloseTo(2.111180088069277e-11, 12);
    const x = sol.x.toArray() as number[];
    expect(x[0]).toBeCloseTo(0.9999954, 6);
    expect(x[1]).toBeCloseTo(0.9999908, 6);
    const hinv = sol.hessInv as { toArray(): number[][] };
    expect(hinv.toArray()[0][0]).toBeCloseTo(0.4939, 3);
    expect(hinv.toArray()[1][1]).toBeCloseTo(1.98, 2);
    const s = String(sol);
    expect(s).toContain(
      " message: Optimization terminated successfully.\n success: True\n  status: 0\n",
    );
    expect(s).toContain("       x: [ 1.000e+00  1.000e+00]\n     nit: 32\n     jac: [");
    expect(s).toContain("    nfev: 111\n    njev: 37");
  });

  it("BFGS with the gradient: nit 32, nfev 37", () => {
    const sol = minimize(lectureRosen, [1, 0], { jac: rosenDer });
    expect([sol.nit, sol.nfev, sol.njev]).toEqual([32, 37, 37]);
    expect(sol.fun).toBeCloseTo(1.929228318427838e-14, 16);
    const jac = sol.jac?.toArray() as number[];
    expect(jac[0]).toBeCloseTo(-2.941e-7, 9);
    expect(jac[1]).toBeCloseTo(8.157e-9, 11);
    expect(String(sol)).toContain(
      " hessInv: [[ 4.929e-01  9.858e-01]\n           [ 9.858e-01  1.977e+00]]",
    );
  });

  it("dogleg with gradient and Hessian: one iteration to [1, 1]", () => {
    const sol = minimize(lectureRosen, [1, 0], {
      jac: rosenDer,
      hess: rosenHess,
      method: "dogleg",
    });
    expect(sol.success).toBe(true);
    expect([sol.nit, sol.nfev, sol.njev, sol.nhev]).toEqual([1, 2, 2, 1]);
    const x = sol.x.toArray() as number[];
    expect(Math.abs(x[0] - 1)).toBeLessThan(1e-14);
    expect(Math.abs(x[1] - 1)).toBeLessThan(1e-14);
    expect(sol.fun).toBeLessThan(1e-28);
    const h = sol.hess?.toArray() as number[][];
    expect(h[0][0]).toBeCloseTo(802, 10);
    expect(h[0][1]).toBeCloseTo(-400, 10);
    expect(h[1][1]).toBe(200);
    const s = String(sol);
    expect(s).toContain(
      "    nhev: 1\n    hess: [[ 8.020e+02 -4.000e+02]\n           [-4.000e+02  2.000e+02]]",
    );
  });
});
