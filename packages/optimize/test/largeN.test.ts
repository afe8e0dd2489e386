import { NDArray } from "@nabla/ndarray";
import { minimize } from "@nabla/optimize";
import { describe, expect, it } from "vitest";
import { rosen, rosenDer } from "./helpers.js";

// The paths of larger problems: BFGS's blocked rank-2 update fused with the next direction (from
// 3 variables; tested at 13) and Nelder-Mead's running centroid (from 11). Reference values: scipy 1.17.1 on this machine, e.g.
//   minimize(rosen, x0, jac=rosen_der, method="BFGS") with x0 = [-1.2, 1, -1.2, 1, ...].
const alt = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1.0));

/** scipy's BFGS inverse-Hessian update, H = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ, densely. */
function bfgsUpdate(H: number[][], s: number[], y: number[]): number[][] {
  const n = s.length;
  let sy = 0;
  for (let i = 0; i < n; i++) sy += s[i] * y[i];
  const rho = 1 / sy;
  const A = (i: number, j: number) => (i === j ? 1 : 0) - rho * s[i] * y[j];
  const T = H.map((_, i) => H.map((__, j) => H[i].reduce((t, h, l) => t + h * A(j, l), 0)));
  return T.map((_, i) =>
    T.map((__, j) => T.reduce((t, row, l) => t + A(i, l) * row[j], 0) + rho * s[i] * s[j]),
  );
}

describe("BFGS rank-2 update, blocked and fused with the next direction (n >= 3)", () => {
  it("hessInv is the dense BFGS update applied along the iterates, symmetric to rounding", () => {
    // a convex quadratic f = ½ xᵀ A x - bᵀx, so y = A s is known exactly for every step
    const n = 13;
    const A = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 4 + i : 1 / (1 + Math.abs(i - j)))),
    );
    const b = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const Ax = (x: ArrayLike<number>) => A.map((row) => row.reduce((t, a, j) => t + a * x[j], 0));
    const f = (x: NDArray) => {
      const d = x.toTypedArray();
      const ax = Ax(d);
      let v = 0;
      for (let i = 0; i < n; i++) v += 0.5 * d[i] * ax[i] - b[i] * d[i];
      return v;
    };
    const g = (x: NDArray) => Ax(x.toTypedArray()).map((v, i) => v - b[i]);
    const res = minimize(f, new Array(n).fill(0), {
      method: "BFGS",
      jac: g,
      options: { returnAll: true, gtol: 1e-9 },
    });
    expect(res.success).toBe(true);
    const xs = (res.allvecs as NDArray[]).map((v) => Array.from(v.toTypedArray()));
    let H = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => +(i === j)));
    // scipy stops before updating after the step that converged
    for (let k = 0; k + 2 < xs.length; k++) {
      const s = xs[k + 1].map((v, i) => v - xs[k][i]);
      H = bfgsUpdate(H, s, Ax(s));
    }
    const got = (res.hessInv as NDArray).toArray() as number[][];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(Math.abs(got[i][j] - got[j][i])).toBeLessThanOrEqual(
          1e-13 * (1 + Math.abs(got[i][j])),
        );
        expect(Math.abs(got[i][j] - H[i][j])).toBeLessThanOrEqual(1e-7 * (1 + Math.abs(H[i][j])));
      }
    }
    // and the solution solves A x = b
    const x = res.x.toTypedArray();
    const r = Ax(x).map((v, i) => v - b[i]);
    for (const v of r) expect(Math.abs(v)).toBeLessThan(1e-8);
  });

  it("Rosenbrock at 12, 20 and 50 variables: scipy's solution, counts within 10%", () => {
    const scipy: [number, number, number, number][] = [
      [12, 107, 124, 3.999444171293632e-14],
      [20, 165, 188, 1.5850078032638907e-14],
      [50, 351, 390, 1.3440117390844146e-13],
    ];
    for (const [n, nit, nfev] of scipy) {
      const res = minimize(rosen, alt(n), { method: "BFGS", jac: rosenDer });
      expect(res.status).toBe(0);
      expect(Math.abs((res.nit as number) - nit)).toBeLessThanOrEqual(Math.ceil(0.1 * nit));
      expect(Math.abs((res.nfev as number) - nfev)).toBeLessThanOrEqual(Math.ceil(0.1 * nfev));
      expect(res.fun).toBeLessThan(1e-11);
      for (const v of res.x.toTypedArray()) expect(Math.abs(v - 1)).toBeLessThan(1e-5);
      const H = (res.hessInv as NDArray).toArray() as number[][];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < i; j++)
          expect(Math.abs(H[i][j] - H[j][i])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(H[i][j])));
    }
  });

  it("uses hessInv0 at 12 variables (a scaled identity changes the first step only by its scale)", () => {
    const n = 12;
    const h0 = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0.5 : 0)),
    );
    const seen: number[][] = [];
    const f = (x: NDArray) => {
      seen.push(Array.from(x.toTypedArray()));
      return rosen(x);
    };
    const res = minimize(f, alt(n), { method: "BFGS", jac: rosenDer, options: { hessInv0: h0 } });
    expect(res.success).toBe(true);
    // first trial point: x0 - alpha1 H0 g0 with alpha1 = min(1, 1.01 / ||g0||) as for H0 = I
    const g0 = rosenDer(new NDArray(Float64Array.from(alt(n)), [n]));
    const g0n = Math.hypot(...g0);
    const alpha1 = Math.min(1, (1.01 * 2 * (g0n / 2)) / (0.5 * g0n * g0n));
    const x1 = alt(n).map((v, i) => v - alpha1 * 0.5 * g0[i]);
    for (let i = 0; i < n; i++) expect(seen[1][i]).toBeCloseTo(x1[i], 12);
  });
});

describe("Nelder-Mead from 11 variables (running centroid)", () => {
  it("scipy's counts and value on Rosenbrock at 12 and 20 variables, standard and adaptive", () => {
    // minimize(rosen, x0, method="Nelder-Mead", options={"adaptive": ...}), scipy 1.17.1
    const scipy: [number, boolean, number, number, number][] = [
      [12, false, 1784, 2400, 7.23623793235637],
      [12, true, 1653, 2400, 5.878830157149779],
      [20, false, 3209, 4000, 716.6534392818695],
      [20, true, 2958, 4000, 18.651924736488475],
    ];
    for (const [n, adaptive, nit, nfev, fun] of scipy) {
      const res = minimize(rosen, alt(n), { method: "Nelder-Mead", options: { adaptive } });
      expect(res.status).toBe(1);
      expect([res.nit, res.nfev]).toEqual([nit, nfev]);
      expect(Math.abs(res.fun - fun)).toBeLessThanOrEqual(1e-9 * fun);
      // the reported simplex is sorted and x is its best vertex
      const [sim, fsim] = res.finalSimplex as [NDArray, NDArray];
      const fs = Array.from(fsim.toTypedArray());
      for (let j = 1; j < fs.length; j++) expect(fs[j - 1]).toBeLessThanOrEqual(fs[j]);
      expect(Array.from(res.x.toTypedArray())).toEqual(
        Array.from(sim.toTypedArray().subarray(0, n)),
      );
    }
  });

  it("keeps vertices inside bounds and stays near the unbounded run's value", () => {
    const n = 16;
    const seen: number[][] = [];
    const f = (x: NDArray) => {
      seen.push(Array.from(x.toTypedArray()));
      return rosen(x);
    };
    const bounds = Array.from({ length: n }, () => [-1, 1.5] as [number, number]);
    const res = minimize(
      f,
      alt(n).map((v) => v / 2),
      { method: "Nelder-Mead", bounds },
    );
    for (const p of seen) for (const v of p) expect(v >= -1 && v <= 1.5).toBe(true);
    expect(res.fun).toBeLessThan(
      rosen(new NDArray(Float64Array.from(alt(n).map((v) => v / 2)), [n])),
    );
  });
});
