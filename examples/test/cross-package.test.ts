import { grad, hessian, jacfwd, np, type Tracer } from "@nabla/autodiff";
import { Derivative } from "@nabla/differentiate";
import { dblquad } from "@nabla/integrate";
import { CubicSpline, interp1d } from "@nabla/interpolate";
import * as nd from "@nabla/ndarray";
import { minimize } from "@nabla/optimize";
import { describe, expect, it } from "vitest";

// The lecture's cells that cross package boundaries, against scipy 1.17's printed results.

const rosenbrock = (X: Tracer) => {
  const [x, y] = X;
  return np.add(
    np.power(np.subtract(1, x), 2),
    np.multiply(100, np.power(np.subtract(y, np.power(x, 2)), 2)),
  );
};

describe("integrate × autodiff: dblquad of a jacfwd determinant", () => {
  const polar = (P: Tracer) => {
    const [rho, theta] = P;
    return np.array([rho.mul(np.cos(theta)), rho.mul(np.sin(theta))]);
  };
  const jf = jacfwd(polar);

  it("integrates det(J) of the polar map to π with scipy's error estimate", () => {
    const integrand = (rho: number, theta: number) => np.linalg.det(jf(np.array([rho, theta])));
    const r = dblquad(integrand, 0, 2 * Math.PI, 0, 1);
    expect(r.value).toBe(Math.PI); // scipy: 3.141592653589793
    // scipy: 3.487868498008632e-14
    expect(r.abserr / 3.487868498008632e-14).toBeGreaterThan(0.5);
    expect(r.abserr / 3.487868498008632e-14).toBeLessThan(2);
  });

  it("the unit disk with curved limits", () => {
    const r = dblquad(
      () => 1,
      -1,
      1,
      (x: number) => -Math.sqrt(1 - x ** 2),
      (x: number) => Math.sqrt(1 - x ** 2),
    );
    expect(r.value).toBe(3.1415926535897967);
    expect(r.abserr).toBeCloseTo(2.000470900043183e-9, 20);
  });
});

describe("optimize × autodiff: minimize with grad and hessian", () => {
  it("BFGS without a gradient: nit 32, nfev 111, njev 37", () => {
    const sol = minimize(rosenbrock, [1, 0]);
    expect([sol.nit, sol.nfev, sol.njev, sol.success]).toEqual([32, 111, 37, true]);
  });

  it("BFGS with jac = grad(f): nit 32, nfev 37, njev 37", () => {
    const sol = minimize(rosenbrock, [1, 0], { jac: grad(rosenbrock) });
    expect([sol.nit, sol.nfev, sol.njev, sol.success]).toEqual([32, 37, 37, true]);
    expect(sol.fun).toBeLessThan(1e-13);
  });

  it("dogleg with jac and hess from autodiff converges in one iteration", () => {
    const sol = minimize(rosenbrock, [1, 0], {
      method: "dogleg",
      jac: grad(rosenbrock),
      hess: hessian(rosenbrock),
    });
    expect([sol.nit, sol.nfev, sol.njev, sol.nhev]).toEqual([1, 2, 2, 1]);
    const x = sol.x.toArray() as number[];
    expect(Math.abs(x[0] - 1)).toBeLessThan(1e-14);
    expect(Math.abs(x[1] - 1)).toBeLessThan(1e-14);
    // The Hessian at the final x = [1, 1.0000000000000002], as scipy reports it.
    expect(
      nd.allclose(
        sol.hess as nd.NDArray,
        [
          [802, -400],
          [-400, 200],
        ],
        { rtol: 1e-15, atol: 0 },
      ),
    ).toBe(true);
  });
});

describe("differentiate × interpolate: the derivative of the lecture's interpolant", () => {
  const x = nd.linspace(0.1, 1, 10);
  // Fixed noise instead of the lecture's np.random.normal(0, 0.005): same scale, repeatable.
  const noise = [
    0.0015, -0.0031, 0.0042, -0.0007, 0.0026, -0.0049, 0.0011, 0.0034, -0.0022, 0.0008,
  ];
  const y = nd.add(nd.power(x, 0.5), noise);
  const af = interp1d(x, y, { kind: "cubic", boundsError: false, fillValue: "extrapolate" });
  const spline = new CubicSpline(x, y);

  it("Derivative of interp1d agrees with the spline's exact derivative", () => {
    const xs = nd.linspace(0.15, 0.95, 9);
    const numeric = Derivative((t: nd.NDArray) => af(t) as nd.NDArray)(xs) as nd.NDArray;
    const exact = spline.derivative(1)(xs) as nd.NDArray;
    expect(nd.allclose(numeric, exact, { rtol: 1e-8, atol: 1e-10 })).toBe(true);
  });
});
