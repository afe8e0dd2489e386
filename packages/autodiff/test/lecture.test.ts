import { describe, expect, it } from "vitest";
import { grad, hessian, jacfwd, jacrev, np, type Tracer, vmap } from "../src/index.js";

// Every jax cell of the seed lecture, with the same numbers.
describe("seed lecture", () => {
  const f = (x: Tracer) => np.power(x, 2);

  it("grad(x => x**2)(10) is 20, a JS number", () => {
    expect(grad(f)(10)).toBe(20);
  });

  it("vmap(grad(f)) gives one derivative per element", () => {
    const out = vmap(grad(f))(np.array([1.5, 2.0, -2.0, 5.0]));
    expect(out.toArray()).toEqual([3, 4, -4, 10]);
  });

  it("vmap(grad(x**0.5)) matches 0.5 x^-0.5 and is Infinity at 0", () => {
    const df = vmap(grad((x: Tracer) => np.power(x, 0.5)));
    const x = np.linspace(0.1, 2);
    expect(np.allclose(np.multiply(0.5, np.power(x, -0.5)), df(x))).toBe(true);
    expect(df(np.array([0.0])).toArray()).toEqual([Infinity]);
  });

  const rubeGoldberg = (x: Tracer) => {
    const a = np.multiply(2.0, x);
    const b = np.power(a, 2);
    const c = np.divide(b, 4.0);
    let d = np.power(c, 0.5);
    for (let i = 0; i < 5; i++) d = d.mul(2);
    for (let i = 0; i < 5; i++) d = d.div(2);
    return np.sqrt(d);
  };

  it("the Rube-Goldberg loop function differentiates to 0.5 x^-0.5, NaN at 0", () => {
    const df = vmap(grad(rubeGoldberg));
    const x = np.linspace(0.1, 2);
    expect(np.allclose(np.multiply(0.5, np.power(x, -0.5)), df(x))).toBe(true);
    expect(Number.isNaN(df(np.array([0.0])).item())).toBe(true);
  });

  const F = (X: Tracer) => {
    const [x, y] = X;
    return np.array([x.pow(2).mul(y), x.mul(5).add(np.sin(y))]);
  };

  it("jacfwd and jacrev of [x²y, 5x + sin y]", () => {
    const [x, y] = [0.5, 0.5];
    const expected = np.array([
      [2 * x * y, x ** 2],
      [5, Math.cos(y)],
    ]);
    expect(np.allclose(jacfwd(F)(np.array([x, y])), expected)).toBe(true);
    expect(np.allclose(jacrev(F)(np.array([x, y])), expected)).toBe(true);
  });

  it("the polar map's Jacobian determinant is rho", () => {
    const polar = (P: Tracer) => {
      const [rho, theta] = P;
      return np.array([rho.mul(np.cos(theta)), rho.mul(np.sin(theta))]);
    };
    const jf = jacfwd(polar);
    for (const [rho, theta] of [
      [0.5, 0.1],
      [1, 2],
      [0.25, 5],
    ]) {
      expect(np.linalg.det(jf(np.array([rho, theta])))).toBeCloseTo(rho, 14);
    }
  });

  it("hessian of x² + y² and of Rosenbrock at (1, 1)", () => {
    const sq = (X: Tracer) => {
      const [x, y] = X;
      return x.pow(2).add(y.pow(2));
    };
    expect(hessian(sq)(np.array([0.5, 0.5])).toArray()).toEqual([
      [2, 0],
      [0, 2],
    ]);
    const rosenbrock = (X: Tracer) => {
      const [x, y] = X;
      return np.add(
        np.power(np.subtract(1, x), 2),
        np.multiply(100, np.power(np.subtract(y, np.power(x, 2)), 2)),
      );
    };
    expect(grad(rosenbrock)(np.array([1.0, 0.0])).toArray()).toEqual([400, -200]);
    expect(hessian(rosenbrock)(np.array([1.0, 1.0])).toArray()).toEqual([
      [802, -400],
      [-400, 200],
    ]);
  });
});
