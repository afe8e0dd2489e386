import { NDArray } from "@nabla/ndarray";
import { minimizeScalar } from "@nabla/optimize";
import { describe, expect, it } from "vitest";

// Values from scipy 1.17.1's minimize_scalar.
describe("minimizeScalar", () => {
  const f = (x: number) => (x - 2) ** 2;

  it("brent (default): scipy's counts, message and layout", () => {
    const r = minimizeScalar(f);
    expect([r.nit, r.nfev, r.success]).toEqual([4, 8, true]);
    expect(r.x).toBe(1.9999999999999998);
    expect(r.fun).toBe(4.930380657631324e-32);
    expect(String(r)).toBe(
      " message: \n          Optimization terminated successfully;\n          The returned value satisfies the termination criteria\n          (using xtol = 1.48e-08 )\n success: True\n     fun: 4.930380657631324e-32\n       x: 1.9999999999999998\n     nit: 4\n    nfev: 8",
    );
  });

  it("bounded (default with bounds)", () => {
    const r = minimizeScalar(f, { bounds: [0, 1] });
    expect([r.nit, r.nfev, r.status, r.message]).toEqual([25, 25, 0, "Solution found."]);
    expect(r.x).toBeCloseTo(0.9999940391390134, 15);
    expect(r.fun).toBeCloseTo(1.000011921757505, 15);
  });

  it("golden", () => {
    const r = minimizeScalar(f, { method: "golden" });
    expect([r.nit, r.nfev]).toEqual([36, 42]);
    expect(r.x).toBe(1.9999999999999998);
    expect(r.message).toContain("(using xtol = 1.4901161193847656e-08 )");
  });

  it("a three-point bracket, and 0-d NDArray returns", () => {
    const g = (x: number) => new NDArray(new Float64Array([Math.sin(x) + (x * x) / 10]), []);
    const r = minimizeScalar(g, { bracket: [-3, -2, 2] });
    expect([r.nit, r.nfev]).toEqual([9, 12]);
    expect(r.x).toBeCloseTo(-1.306440006686085, 12);
  });

  it("maxiter and bracket failures are results", () => {
    const r = minimizeScalar(f, { options: { maxiter: 2 } });
    expect(r.success).toBe(false);
    expect(r.message).toBe("\nMaximum number of iterations exceeded");
    const b = minimizeScalar((x) => -x, { bracket: [0, 1] });
    expect(b.success).toBe(false);
    expect(b.message).toMatch(/^The algorithm terminated without finding a valid bracket/);
    const m = minimizeScalar(f, { bounds: [-10, 10], options: { maxiter: 3 } });
    expect([m.status, m.message]).toEqual([1, "Maximum number of function calls reached."]);
  });

  it("errors", () => {
    expect(() => minimizeScalar(f, { method: "brent", bounds: [0, 1] })).toThrow(/incompatible/);
    expect(() => minimizeScalar(f, { method: "bounded" })).toThrow(/mandatory/);
    expect(() => minimizeScalar(f, { bounds: [1, 0] })).toThrow(
      /lower bound exceeds the upper bound/,
    );
    expect(() => minimizeScalar(f, { bounds: [0, Number.POSITIVE_INFINITY] })).toThrow(/finite/);
    expect(() => minimizeScalar(f, { method: "nope" as never })).toThrow(/unknown solver/);
    expect(() => minimizeScalar(f, { bracket: [0, 1, 2, 3] })).toThrow(/length 2 or 3/);
    expect(() => minimizeScalar(f, { bracket: [0, 3, 1] })).toThrow(/\(xa < xb\) and \(xb < xc\)/);
    expect(() => minimizeScalar(f, { options: { xatol: 1 } })).toThrow(/unknown option/);
    expect(() => minimizeScalar(() => [1, 2] as never)).toThrow(/scalar/);
  });
});
