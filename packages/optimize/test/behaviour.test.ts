import { array, NablaError, NDArray, ShapeError } from "@nabla/ndarray";
import {
  BFGS,
  Bounds,
  LbfgsInvHessProduct,
  minimize,
  OptimizeResult,
  SR1,
  StopIteration,
} from "@nabla/optimize";
import { describe, expect, it } from "vitest";
import { num } from "./cases.js";
import scipyFixture from "./fixtures/optimize.scipy.json" with { type: "json" };
import { rosen, rosenDer, rosenHess } from "./helpers.js";

const specials = scipyFixture.specials;
const reprs = scipyFixture.reprs as Record<string, string>;

const x0f = (x: NDArray) => x.toTypedArray() as Float64Array;
const SPECIAL: Record<string, { f: (x: NDArray) => number; g?: (x: NDArray) => number[] }> = {
  square: {
    f: (x) => x0f(x).reduce((s, v) => s + v * v, 0),
    g: (x) => Array.from(x0f(x), (v) => 2 * v),
  },
  abs: { f: (x) => x0f(x).reduce((s, v) => s + Math.abs(v), 0) },
  nanRight: { f: (x) => (x0f(x)[0] > 2 ? Number.NaN : (x0f(x)[0] - 3) ** 2) },
  nan: { f: () => Number.NaN },
  expNeg: { f: (x) => -Math.exp(x0f(x)[0]) },
  saddle: {
    f: (x) => x0f(x)[0] ** 2 - x0f(x)[1] ** 2 + x0f(x)[1] ** 4,
    g: (x) => [2 * x0f(x)[0], -2 * x0f(x)[1] + 4 * x0f(x)[1] ** 3],
  },
};
const saddleHess = (x: NDArray) => [
  [2, 0],
  [0, -2 + 12 * x0f(x)[1] ** 2],
];

describe("failures are results (scipy's status and message)", () => {
  for (const s of specials) {
    const o = s.options as Record<string, unknown>;
    it(`${s.name} ${JSON.stringify(o)}`, () => {
      const p = s.name === "rosen" ? { f: rosen, g: undefined } : SPECIAL[s.name];
      const res = minimize(p.f, s.x0, {
        method: o.method as string | undefined,
        jac: o.jac ? p.g : undefined,
        hess: o.hess ? saddleHess : undefined,
        options: (o.options as Record<string, unknown>) ?? undefined,
      });
      const e = s.expected as Record<string, unknown>;
      expect(res.status).toBe(e.status);
      expect(res.success).toBe(e.success);
      expect(res.message).toBe(e.message);
      if (s.name === "abs") {
        // |x| has a kink at the answer; the precision-loss phase differs from scipy's by a
        // last-bit difference in H·g (OpenBLAS uses FMA), so only the iteration count is exact
        expect(res.nit).toBe(e.nit);
        expect(Math.abs((res.nfev as number) - (e.nfev as number))).toBeLessThanOrEqual(
          0.05 * (e.nfev as number),
        );
      } else {
        for (const k of ["nit", "nfev", "njev", "nhev"] as const)
          if (k in e) expect(res[k]).toBe(e[k]);
      }
      const fun = num(e.fun as number | string);
      if (Number.isFinite(fun)) expect(res.fun).toBeCloseTo(fun, 8);
      else expect(res.fun).toBe(fun);
      const x = res.x.toArray() as number[];
      (e.x as (number | string)[]).map(num).forEach((v, i) => {
        expect(Math.abs(x[i] - v)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(v)));
      });
    });
  }
});

describe("printing like scipy", () => {
  it("dogleg, trust-exact and Powell results print exactly as scipy prints them", () => {
    expect(
      String(minimize(rosen, [1, 0], { jac: rosenDer, hess: rosenHess, method: "dogleg" })),
    ).toBe(reprs.dogleg);
    expect(
      String(minimize(rosen, [-1.2, 1], { jac: rosenDer, hess: rosenHess, method: "trust-exact" })),
    ).toBe(reprs["trust-exact"]);
    expect(String(minimize(rosen, [-1.2, 1], { method: "Powell" }))).toBe(reprs.Powell);
  });

  it("wraps long arrays at numpy's line width", () => {
    const lines = reprs["CG-rosen10"].split("\n");
    const get = (key: string) => {
      const i = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
      return [lines[i], lines[i + 1]].join("\n");
    };
    const parse = (block: string) =>
      block
        .replace(/^\s*\w+: /, "")
        .replace(/[[\]\n]/g, " ")
        .trim()
        .split(/\s+/)
        .map(Number);
    const res = new OptimizeResult({
      message: "Optimization terminated successfully.",
      success: true,
      status: 0,
      fun: 3.3085158991390655e-11,
      x: array(parse(get("x"))),
      nit: 265,
      jac: array(parse(get("jac"))),
      nfev: 437,
      njev: 437,
    });
    expect(String(res)).toBe(reprs["CG-rosen10"]);
  });

  it("prints summarised matrices and the L-BFGS-B operator", () => {
    const x0 = Array.from({ length: 20 }, () => 0);
    const s = String(minimize(rosen, x0, { jac: rosenDer, options: { maxiter: 3 } }));
    expect(s).toContain("x: [");
    expect(s).toMatch(/ hessInv: \[\[[^\n]* \.\.\. [^\n]*\]\n {11}\[/);
    expect(s).toContain("\n           ...\n");
    const lb = minimize(rosen, [1, 0], { method: "L-BFGS-B" });
    expect(String(lb)).toContain(" hessInv: <2x2 LbfgsInvHessProduct with dtype=float64>");
    expect(lb.hessInv).toBeInstanceOf(LbfgsInvHessProduct);
    const h = (lb.hessInv as LbfgsInvHessProduct).todense().toArray() as number[][];
    // scipy 1.17: hess_inv.todense() = [[0.35860417, 0.69548631], [0.69548631, 1.35303647]]; the
    // last correction pairs come from finite-difference gradients at steps near 1e-8, so rounding
    // in the step (two-loop here, the factored middle matrix in scipy) shows at the 5th digit
    expect(h[0][0]).toBeCloseTo(0.35860417, 4);
    expect(h[0][1]).toBeCloseTo(0.69548631, 4);
    expect(h[1][1]).toBeCloseTo(1.35303647, 4);
    const v = (lb.hessInv as LbfgsInvHessProduct).matvec([1, 0]).toArray() as number[];
    expect(v[0]).toBeCloseTo(h[0][0], 12);
  });
});

describe("inputs", () => {
  it("keeps working after a user transfers the buffer of the x it was handed", () => {
    let transferred = false;
    const f = (x: NDArray) => {
      if (!transferred) {
        transferred = true;
        const buf = x.toTypedArray().buffer as ArrayBuffer;
        structuredClone(buf, { transfer: [buf] });
        return rosen(array([-1.2, 1]));
      }
      return rosen(x);
    };
    minimize(f, [-1.2, 1], { method: "Nelder-Mead" });
    for (const method of ["BFGS", "L-BFGS-B", "Nelder-Mead"]) {
      const res = minimize(rosen, [-1.2, 1], { method });
      expect(res.success).toBe(true);
      expect(Math.abs(res.x.get(0) - 1)).toBeLessThan(1e-3);
    }
  });

  it("never mutates x0 and passes fun a float64 1-D copy", () => {
    const x0 = new Float64Array([1, 0]);
    const x0arr = array([-1.2, 1]);
    let seen: NDArray | null = null;
    minimize(
      (x) => {
        seen = x;
        x.data[0] = 1e6; // a careless user overwrite must not leak into the optimizer
        return 0;
      },
      x0,
      { method: "Nelder-Mead", options: { maxiter: 3 } },
    );
    expect(Array.from(x0)).toEqual([1, 0]);
    expect((seen as unknown as NDArray).shape).toEqual([2]);
    expect((seen as unknown as NDArray).dtype).toBe("float64");
    minimize(rosen, x0arr);
    expect(x0arr.toArray()).toEqual([-1.2, 1]);
  });

  it("accepts a scalar x0 and integer-valued arrays", () => {
    const r = minimize((x) => (x.item() - 2) ** 2, 0);
    expect(r.x.shape).toEqual([1]);
    expect(r.x.item()).toBeCloseTo(2, 6);
  });

  it("accepts autodiff-style returns: 0-d NDArray values, NDArray gradients, 2-D NDArray Hessians", () => {
    const f = (x: NDArray) => new NDArray(new Float64Array([rosen(x)]), []);
    const g = (x: NDArray) => array(rosenDer(x));
    const h = (x: NDArray) => array(rosenHess(x));
    const ref = minimize(rosen, [1, 0], { method: "dogleg", jac: rosenDer, hess: rosenHess });
    const r = minimize(f, [1, 0], { method: "dogleg", jac: g, hess: h });
    expect(r.x.toArray()).toEqual(ref.x.toArray());
    expect([r.nfev, r.njev, r.nhev]).toEqual([2, 2, 1]);
    const r2 = minimize((x) => [rosen(x)], [1, 0], { jac: (x) => new Float64Array(rosenDer(x)) });
    expect(r2.nit).toBe(32);
  });

  it("jac: true takes [f, g] from fun, with the same counts as a separate jac", () => {
    let calls = 0;
    const r = minimize(
      (x) => {
        calls++;
        return [rosen(x), rosenDer(x)];
      },
      [1, 0],
      { jac: true },
    );
    expect([r.nit, r.nfev, r.njev]).toEqual([32, 37, 37]);
    expect(calls).toBe(37);
  });

  it("3-point finite differences and finiteDiffRelStep", () => {
    const r = minimize(rosen, [1, 0], { jac: "3-point" });
    expect(r.success).toBe(true);
    expect((r.x.toArray() as number[])[0]).toBeCloseTo(1, 4);
    expect((r.nfev as number) % 1).toBe(0);
    expect(r.nfev).toBeGreaterThan(4 * (r.njev as number) - 1);
  });

  it("tol sets the method's tolerance", () => {
    const loose = minimize(rosen, [1, 0], { jac: rosenDer, tol: 1e-2 });
    const tight = minimize(rosen, [1, 0], { jac: rosenDer });
    expect(loose.nit).toBeLessThan(tight.nit as number);
  });

  it("Bounds objects and pair lists with null are equivalent; L-BFGS-B is the default with bounds", () => {
    const a = minimize(rosen, [-1.2, 1], {
      jac: rosenDer,
      bounds: [
        [-2, 0.5],
        [null, 2],
      ],
    });
    const b = minimize(rosen, [-1.2, 1], {
      jac: rosenDer,
      bounds: new Bounds([-2, Number.NEGATIVE_INFINITY], [0.5, 2]),
    });
    expect(a.message).toMatch(/^CONVERGENCE/);
    expect(a.x.toArray()).toEqual(b.x.toArray());
    expect((a.x.toArray() as number[])[0]).toBe(0.5);
  });

  it("quasi-Newton Hessian strategies for the trust-region methods", () => {
    const r = minimize(rosen, [-1.2, 1], { method: "trust-ncg", jac: rosenDer, hess: new SR1() });
    expect([r.nit, r.nfev, r.njev, r.nhev]).toEqual([73, 74, 86, 208]); // scipy 1.17
    const b = minimize(rosen, [-1.2, 1], {
      method: "trust-krylov",
      jac: rosenDer,
      hess: new BFGS(),
    });
    expect(b.success).toBe(true);
    expect((b.x.toArray() as number[])[0]).toBeCloseTo(1, 3);
    const hessp = (x: NDArray, p: NDArray) => {
      const H = rosenHess(x);
      const v = p.toArray() as number[];
      return H.map((row) => row[0] * v[0] + row[1] * v[1]);
    };
    const hp = minimize(rosen, [-1.2, 1], { method: "trust-ncg", jac: rosenDer, hessp });
    expect([hp.nit, hp.nfev, hp.njev, hp.nhev]).toEqual([29, 30, 27, 82]); // scipy 1.17
    const nh = minimize(rosen, [-1.2, 1], { method: "Newton-CG", jac: rosenDer, hessp });
    expect([nh.nit, nh.nfev, nh.njev, nh.nhev]).toEqual([83, 105, 105, 142]); // scipy 1.17
    const nc = minimize(rosen, [-1.2, 1], { method: "Newton-CG", jac: rosenDer, hess: new SR1() });
    expect([nc.nit, nc.nfev, nc.njev, nc.nhev]).toEqual([74, 103, 103, 74]); // scipy 1.17
    const fd = minimize(rosen, [-1.2, 1], { method: "trust-ncg", jac: rosenDer, hess: "2-point" });
    expect([fd.nit, fd.nfev, fd.njev, fd.nhev]).toEqual([29, 30, 111, 81]); // scipy 1.17
  });
});

describe("callback", () => {
  it("receives { x, fun } each iteration; returning true stops with status 99", () => {
    const seen: number[] = [];
    const r = minimize(rosen, [1, 0], {
      callback: (res) => {
        seen.push(res.fun);
        return seen.length === 3;
      },
    });
    expect(seen.length).toBe(3);
    expect(r.nit).toBe(3);
    expect(r.status).toBe(99);
    expect(r.success).toBe(false);
    expect(r.message).toBe("`callback` raised `StopIteration`.");
  });

  for (const method of [
    "Nelder-Mead",
    "Powell",
    "CG",
    "BFGS",
    "Newton-CG",
    "L-BFGS-B",
    "dogleg",
    "trust-ncg",
    "trust-exact",
    "trust-krylov",
  ]) {
    it(`throwing StopIteration stops ${method}`, () => {
      let n = 0;
      const r = minimize(rosen, [-1.2, 1], {
        method,
        jac: method === "Nelder-Mead" || method === "Powell" ? undefined : rosenDer,
        hess: ["Newton-CG", "dogleg", "trust-ncg", "trust-exact", "trust-krylov"].includes(method)
          ? rosenHess
          : undefined,
        callback: () => {
          if (++n === 2) throw new StopIteration();
        },
      });
      expect(n).toBe(2);
      expect(r.status).toBe(99);
      expect(r.message).toBe("`callback` raised `StopIteration`.");
    });
  }

  it("other errors thrown by the callback propagate", () => {
    expect(() =>
      minimize(rosen, [1, 0], {
        callback: () => {
          throw new TypeError("boom");
        },
      }),
    ).toThrow("boom");
  });
});

describe("errors", () => {
  it("unknown method lists the valid ones", () => {
    expect(() => minimize(rosen, [1, 0], { method: "foo" })).toThrow(
      /unknown solver "foo". Valid methods: "Nelder-Mead", "Powell", "CG", "BFGS"/,
    );
    try {
      minimize(rosen, [1, 0], { method: "SLSQP" });
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect(NablaError.isInstance(e)).toBe(true);
    }
  });

  it("methods that need derivatives say so", () => {
    expect(() => minimize(rosen, [1, 0], { method: "Newton-CG" })).toThrow(
      /Jacobian is required for Newton-CG method/,
    );
    expect(() => minimize(rosen, [1, 0], { method: "dogleg" })).toThrow(
      /Jacobian is required for dogleg minimization/,
    );
    expect(() => minimize(rosen, [1, 0], { method: "dogleg", jac: rosenDer })).toThrow(
      /Hessian is required for dogleg minimization/,
    );
    expect(() => minimize(rosen, [1, 0], { method: "trust-exact", jac: rosenDer })).toThrow(
      /Hessian is required/,
    );
    expect(() => minimize(rosen, [1, 0], { method: "trust-ncg", jac: rosenDer })).toThrow(
      /either the Hessian or the Hessian-vector product is required/,
    );
    expect(() =>
      minimize(rosen, [1, 0], { method: "trust-krylov", jac: "2-point", hess: rosenHess }),
    ).toThrow(/Jacobian is required/);
  });

  it("BFGS hessInv0 must be symmetric positive definite (and is used when it is)", () => {
    for (const h of [
      [
        [1, 2],
        [2, 1],
      ],
      [
        [1, 0.5],
        [0, 1],
      ],
    ]) {
      expect(() =>
        minimize(rosen, [-1.2, 1], { method: "BFGS", options: { hessInv0: h } }),
      ).toThrow(/options.hessInv0 must be symmetric positive definite/);
    }
    // scipy 1.17: minimize(rosen, [-1.2, 1], "BFGS", jac=rosen_der, hess_inv0=[[.5, .1], [.1, 2]])
    const r = minimize(rosen, [-1.2, 1], {
      method: "BFGS",
      jac: rosenDer,
      options: {
        hessInv0: [
          [0.5, 0.1],
          [0.1, 2],
        ],
      },
    });
    expect([r.nit, r.nfev, r.njev]).toEqual([33, 41, 41]);
    expect(Math.abs(r.fun - 8.27575332303404e-16)).toBeLessThan(1e-20);
  });

  it("x0 with more than one dimension, empty x0", () => {
    expect(() => minimize(rosen, [[1, 0]])).toThrow(ShapeError);
    expect(() => minimize(rosen, [[1, 0]])).toThrow(/'x0' must only have one dimension/);
    expect(() => minimize(rosen, [])).toThrow(ShapeError);
  });

  it("a non-scalar objective is an error before iterating", () => {
    let calls = 0;
    const f = (x: NDArray) => {
      calls++;
      return x;
    };
    expect(() => minimize(f, [1, 2])).toThrow(
      /must return a scalar value, but it returned an array of shape \[2\]/,
    );
    expect(calls).toBe(1);
    expect(() => minimize(() => "a" as never, [1, 2])).toThrow(TypeError);
  });

  it("wrong gradient and Hessian shapes", () => {
    expect(() => minimize(rosen, [1, 0], { jac: () => [1, 2, 3] })).toThrow(
      /jac must return an array of shape \[2\]/,
    );
    expect(() =>
      minimize(rosen, [1, 0], { method: "dogleg", jac: rosenDer, hess: () => [1, 2] }),
    ).toThrow(/hess must return an array of shape \[2,2\]/);
    expect(() => minimize(rosen, [1, 0], { jac: true })).toThrow(/fun must return \[f, g\]/);
  });

  it("unknown and invalid options", () => {
    expect(() => minimize(rosen, [1, 0], { maxiter: 3 } as never)).toThrow(
      /unknown option "maxiter"/,
    );
    expect(() => minimize(rosen, [1, 0], { options: { maxIter: 3 } })).toThrow(
      /unknown option "maxIter"/,
    );
    expect(() => minimize(rosen, [1, 0], { options: { c1: 0.95, c2: 0.9 } })).toThrow(
      /0 < c1 < c2 < 1/,
    );
    expect(() => minimize(rosen, [1, 0], { options: { gtol: "x" } })).toThrow(
      /options.gtol must be a number/,
    );
    expect(() =>
      minimize(rosen, [1, 0], {
        method: "dogleg",
        jac: rosenDer,
        hess: rosenHess,
        options: { eta: 0.3 },
      }),
    ).toThrow(/invalid acceptance stringency/);
    expect(() =>
      minimize(rosen, [1, 0], {
        method: "dogleg",
        jac: rosenDer,
        hess: rosenHess,
        options: { initialTrustRadius: 2000 },
      }),
    ).toThrow(/initial trust radius must be less than the max trust radius/);
    expect(() => minimize(rosen, [1, 0], { method: "L-BFGS-B", options: { maxls: 0 } })).toThrow(
      /maxls must be positive/,
    );
    expect(() => minimize(rosen, [1, 0], { tol: -1 })).toThrow(/tol must be a non-negative number/);
    expect(() => minimize(rosen, [1, 0], { jac: "cs" as never })).toThrow(/complex-step/);
    expect(() => minimize(rosen, [1, 0], { callback: 3 as never })).toThrow(TypeError);
    expect(() => minimize(3 as never, [1, 0])).toThrow(TypeError);
  });

  it("bounds: methods that cannot use them, wrong length, lower above upper", () => {
    expect(() =>
      minimize(rosen, [1, 0], {
        method: "BFGS",
        bounds: [
          [0, 1],
          [0, 1],
        ],
      }),
    ).toThrow(/cannot handle bounds/);
    expect(() => minimize(rosen, [1, 0], { bounds: [[0, 1]] })).toThrow(ShapeError);
    expect(() =>
      minimize(rosen, [1, 0], {
        bounds: [
          [0, 1],
          [2, 1],
        ],
      }),
    ).toThrow(/upper bound is less than the corresponding lower bound/);
    expect(() => minimize(rosen, [1, 0], { bounds: new Bounds([0, 0, 0], [1, 1, 1]) })).toThrow(
      ShapeError,
    );
  });

  it("finite-difference Hessians need an analytic gradient", () => {
    expect(() =>
      minimize(rosen, [1, 0], { method: "trust-ncg", jac: rosenDer, hess: "2-point", options: {} }),
    ).not.toThrow();
    expect(() =>
      minimize(rosen, [1, 0], { method: "Newton-CG", jac: rosenDer, hess: "3-point" }),
    ).not.toThrow();
  });
});

describe("Nelder-Mead and Powell options", () => {
  it("initialSimplex, adaptive, maxfev", () => {
    const sim = [
      [-1.2, 1],
      [-1.0, 1],
      [-1.2, 1.2],
    ];
    const r = minimize(rosen, [-1.2, 1], {
      method: "Nelder-Mead",
      options: { initialSimplex: sim, adaptive: true },
    });
    expect(r.success).toBe(true);
    expect(r.finalSimplex?.[0].shape).toEqual([3, 2]);
    const m = minimize(rosen, [-1.2, 1], { method: "Nelder-Mead", options: { maxfev: 10 } });
    expect([m.status, m.nfev, m.message]).toEqual([
      1,
      10,
      "Maximum number of function evaluations has been exceeded.",
    ]);
    const it2 = minimize(rosen, [-1.2, 1], { method: "Nelder-Mead", options: { maxiter: 10 } });
    expect([it2.status, it2.nit, it2.message]).toEqual([
      2,
      10,
      "Maximum number of iterations has been exceeded.",
    ]);
    expect(() =>
      minimize(rosen, [-1.2, 1], { method: "Nelder-Mead", options: { initialSimplex: [[1, 2]] } }),
    ).toThrow(/initialSimplex/);
    // the same simplex as typed-array rows or an NDArray gives the same run
    for (const given of [sim.map((row) => Float64Array.from(row)), array(sim)]) {
      const g = minimize(rosen, [-1.2, 1], {
        method: "Nelder-Mead",
        options: { initialSimplex: given, adaptive: true },
      });
      expect([g.nit, g.nfev, g.fun]).toEqual([r.nit, r.nfev, r.fun]);
    }
    expect(() =>
      minimize(rosen, [-1.2, 1], {
        method: "Nelder-Mead",
        options: {
          initialSimplex: [
            [1, 2],
            ["a", 2],
            [3, 4],
          ],
        },
      }),
    ).toThrow(/options.initialSimplex must be an array of numbers/);
  });

  it("Powell keeps its direction set and respects bounds", () => {
    const r = minimize(rosen, [-1.2, 1], {
      method: "Powell",
      bounds: [
        [-2, 0.5],
        [-1, 2],
      ],
    });
    const x = r.x.toArray() as number[];
    expect(x[0]).toBeLessThanOrEqual(0.5);
    expect(r.direc?.shape).toEqual([2, 2]);
  });
});

describe("L-BFGS-B with variables fixed by equal bounds (scipy removes them)", () => {
  it("all fixed: returns at once", () => {
    const r = minimize(rosen, [1, 0], {
      bounds: [
        [1, 1],
        [0, 0],
      ],
    });
    expect(r.message).toBe("All independent variables were fixed by bounds.");
    expect([r.success, r.fun, r.nfev, r.njev, r.nhev]).toEqual([true, 100, 1, 0, 0]);
    expect(r.x.toArray()).toEqual([1, 0]);
    expect(String(r)).toBe(
      " message: All independent variables were fixed by bounds.\n success: True\n     fun: 100.0\n       x: [ 1.000e+00  0.000e+00]\n    nfev: 1\n    njev: 0\n    nhev: 0",
    );
  });

  it("some fixed with finite differences: scipy 1.17's counts, NaN gradient entry, hessInv None", () => {
    const r = minimize(rosen, [0.5, 0.3, 0.1], {
      bounds: [
        [-2, 2],
        [0.5, 0.5],
        [-2, 2],
      ],
    });
    expect([r.nit, r.nfev, r.njev, r.success]).toEqual([7, 27, 9, true]);
    expect(r.fun).toBeCloseTo(0.3353605110167829, 10);
    const x = r.x.toArray() as number[];
    expect(x[1]).toBe(0.5);
    expect(x[0]).toBeCloseTo(0.7086, 3);
    expect(Number.isNaN((r.jac as NDArray).get(1))).toBe(true);
    expect(String(r)).toContain(" hessInv: None");
  });
});
