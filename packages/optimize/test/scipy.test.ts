import { minimize } from "@nabla/optimize";
import { describe, expect, it } from "vitest";
import { caseName, problemFns, type ScipyCase, scipyCases } from "./cases.js";

// Cases where the evaluation counts legitimately differ from scipy's (reasons in the README):
// trust-krylov uses GLTR here and trlib in scipy; the rest are long runs on stiff problems where
// a last-bit difference (scipy's BLAS uses FMA and SIMD summation) grows into a different path.
const COUNTS_DIFFER = new Set([
  "beale trust-krylov jac+hess",
  "helical_valley BFGS",
  "helical_valley trust-krylov jac+hess",
  "powell_singular CG jac",
  "powell_singular trust-krylov jac+hess",
  "wood BFGS",
  "wood Newton-CG jac+hess",
  "wood trust-krylov jac+hess",
  "rosen10 BFGS",
  "rosen10 L-BFGS-B",
  "rosen10 trust-krylov jac+hess",
]);
function run(c: ScipyCase) {
  const fns = problemFns(c.problem);
  const seen: number[][] = [];
  const f = (x: Parameters<typeof fns.f>[0]) => {
    seen.push(x.toArray() as number[]);
    return fns.f(x);
  };
  const res = minimize(f, c.x0, {
    method: c.method,
    jac: c.jac ? fns.grad : undefined,
    hess: c.hess ? fns.hess : undefined,
    bounds: c.bounds as never,
  });
  return { res, seen };
}

describe("every method on the golden problems, against scipy 1.17 on this machine", () => {
  for (const c of scipyCases) {
    const name = caseName(c);
    it(name, () => {
      const { res, seen } = run(c);
      const e = c.expected;
      expect(res.success).toBe(e.success);
      expect(res.status).toBe(e.status);
      expect(res.message).toBe(e.message);
      const x = res.x.toArray() as number[];
      if (e.success || Number.isFinite(e.fun)) {
        if (!(c.problem === "wood" && c.method === "Newton-CG")) {
          // same solution: scipy's x to 1e-6 when counts agree, to the problem's flatness otherwise
          const loose = COUNTS_DIFFER.has(name) || c.method === "trust-krylov";
          const tol = loose ? 2e-3 : 1e-6;
          for (let i = 0; i < x.length; i++)
            expect(Math.abs(x[i] - e.x[i])).toBeLessThanOrEqual(tol * (1 + Math.abs(e.x[i])));
          expect(Math.abs(res.fun - e.fun)).toBeLessThanOrEqual(
            (loose ? 1e-6 : 2e-6) * (1 + Math.abs(e.fun)),
          );
        }
      }
      if (COUNTS_DIFFER.has(name)) {
        // reported against scipy's: within 10% (trust-krylov's different subproblem solver: 15%)
        const slack = c.method === "trust-krylov" ? 0.15 : 0.1;
        expect(Math.abs((res.nfev as number) - (e.nfev as number))).toBeLessThanOrEqual(
          Math.ceil(slack * (e.nfev as number)) + 1,
        );
      } else {
        expect([res.nit, res.nfev, res.njev, res.nhev]).toEqual([e.nit, e.nfev, e.njev, e.nhev]);
      }
      if (c.bounds && (c.method === "L-BFGS-B" || c.method === "Nelder-Mead")) {
        for (const p of seen) {
          p.forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual((c.bounds as number[][])[i][0]);
            expect(v).toBeLessThanOrEqual((c.bounds as number[][])[i][1]);
          });
        }
      }
    });
  }
});
