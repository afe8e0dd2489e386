import { minimize } from "@nabla/optimize";
import { describe, expect, it } from "vitest";
import golden from "./fixtures/optimize.minimize.json" with { type: "json" };
import { problems } from "./problems.js";

type Fn = { $fn: string };
const fnOf = (ref: Fn) => {
  const [name, kind] = ref.$fn.split("#") as [keyof typeof problems, string | undefined];
  const p = problems[name];
  const impl = kind === "grad" ? p.grad : kind === "hess" ? p.hess : p.f;
  return (x: { toTypedArray(): ArrayLike<number> }) => impl(x.toTypedArray());
};

// The shared golden cases (scipy 1.17.1): solution, value and success within the file's
// tolerances; counts exactly as scipy reports them.
describe("golden: optimize.minimize.json", () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const [fref, x0] = c.args as [Fn, number[]];
      const o = c.options as Record<string, unknown>;
      const res = minimize(fnOf(fref) as never, x0, {
        method: o.method as string,
        jac: o.jac ? (fnOf(o.jac as Fn) as never) : undefined,
        hess: o.hess ? (fnOf(o.hess as Fn) as never) : undefined,
        bounds: (o.bounds as never) ?? undefined,
      });
      const e = c.expected as Record<string, unknown>;
      expect(res.success).toBe(e.success);
      const x = res.x.toArray() as number[];
      for (const [i, v] of (e.x as number[]).entries()) {
        expect(Math.abs(x[i] - v)).toBeLessThanOrEqual(c.atol + c.rtol * Math.abs(v));
      }
      expect(Math.abs(res.fun - (e.fun as number))).toBeLessThanOrEqual(
        c.atol + c.rtol * Math.abs(e.fun as number),
      );
      for (const k of ["nit", "nfev", "njev", "nhev"] as const)
        if (k in e) expect(res[k]).toBe(e[k]);
      expect(res.message).toBe(c.scipy_message);
    });
  }
});
