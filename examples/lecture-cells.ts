/**
 * The computations of the lecture "Introduction to automatic differentiation with jax", one
 * function per group of notebook cells, in the lecture's order. `examples/lecture.ts` prints
 * them (`npm run lecture`); `docs/plots.ts` draws {@link figures} (`npm run plots`); the test in
 * examples/test checks both against the lecture. Nothing here prints or writes files.
 */

import * as autodiff from "@nabla/autodiff";
import {
  grad,
  hessian,
  jacfwd,
  makeJaxpr,
  np,
  type Operand,
  type Tracer,
  vmap,
} from "@nabla/autodiff";
import { Derivative } from "@nabla/differentiate";
import { dblquad } from "@nabla/integrate";
import { interp1d } from "@nabla/interpolate";
import * as nd from "@nabla/ndarray";
import { minimize, type OptimizeResult } from "@nabla/optimize";

/** `0.5 * x**-0.5`, the derivative of `x**0.5` every cell compares against. */
export const analytical = (x: nd.NDArray): nd.NDArray => nd.multiply(0.5, nd.power(x, -0.5));

/**
 * The lecture's noise is `np.random.normal(0, 0.005, size=x.shape)`, unseeded. Here it is drawn
 * from a generator with this fixed seed, so every run (and the test) sees the same data.
 */
export const NOISE_SEED = 42;

/** numpy.gradient: `np.gradient(y, x, edge_order=2)` and the derivative of a degree-9 polyfit. */
export function gradientCells() {
  const x = nd.linspace(0.1, 1, 10);
  const y = nd.power(x, 0.5);
  const gradient = nd.gradient(y, x, { edgeOrder: 2 }) as nd.NDArray;
  const p = nd.polyfit(x, y, 9);
  const dp = nd.polyder(p);
  const polyDerivative = nd.polyval(dp, x) as nd.NDArray;
  return { x, y, gradient, p, dp, polyDerivative };
}

/** The finite-difference matrix `D` with `y' = D y`, as the lecture builds it (its last row included). */
export function differenceMatrixCells() {
  const [x, h] = nd.linspace(0.1, 1, 10, { retstep: true });
  const y = nd.power(x, 0.5);
  const n = x.size;
  let D = nd.zeros([n, n]);
  D = nd.add(D, nd.diag(nd.divide(nd.ones(n - 1), 2 * h), { k: 1 })); // diagonal above main
  D = nd.add(D, nd.diag(nd.divide(nd.negative(nd.ones(n - 1)), 2 * h), { k: -1 })); // below
  // D[0, 0:3] and D[-1, -3:]: the lecture's end rows (which are not derivative formulas, hence
  // allclose(...) is False below).
  const first = nd.divide(nd.array([1, -2, 2]), h ** 2);
  const last = nd.divide(nd.array([1, -2, 1]), h ** 2);
  for (let j = 0; j < 3; j++) {
    D.set([0, j], first.get(j));
    D.set([n - 1, n - 3 + j], last.get(j));
  }
  const dydx = nd.matmul(D, y);
  const allclose = nd.allclose(dydx, nd.gradient(y, x, { edgeOrder: 2 }) as nd.NDArray);
  return { x, h, y, D, dydx, allclose };
}

/** numdifftools.Derivative of `x**0.5`: through the `dfdx(x, dx=None)` helper, and directly. */
export function derivativeCells() {
  const x = nd.linspace(0.1, 1, 10);
  const f = (v: nd.NDArray) => nd.power(v, 0.5);
  const dfdx = (v: nd.NDArray, dx?: number) =>
    (dx === undefined ? Derivative(f) : Derivative(f, { step: dx }))(v);
  return { x, helper: dfdx(x), derivative: Derivative(f)(x) };
}

/** scipy.interpolate.interp1d through noisy data, its derivative, and np.gradient of the data. */
export function interpCells() {
  const [x] = nd.linspace(0.1, 1, 10, { retstep: true });
  const noise = nd.random.defaultRng(NOISE_SEED).normal(0, 0.005, x.shape);
  const y = nd.add(nd.power(x, 0.5), noise);
  const af = interp1d(x, y, { kind: "cubic", boundsError: false, fillValue: "extrapolate" });
  const at = af([0.4, 0.5]);
  const at3 = af(3);
  const xfit = nd.linspace(0.1, 1, 100);
  const fit = af(xfit);
  const dfadx = (v: nd.NDArray, dx?: number) =>
    Derivative((t: nd.NDArray) => af(t), dx === undefined ? {} : { step: dx })(v);
  const derivative = dfadx(xfit, 0.05);
  const gradient = nd.gradient(y, x) as nd.NDArray;
  return { x, noise, y, at, at3, xfit, fit, derivative, gradient };
}

/**
 * sympy's `diff(x**0.5, x)`, printed and evaluated. nabla has no computer algebra; the
 * counterpart is the program `grad(f)` runs, printed by `makeJaxpr(grad(f))`, evaluated at each
 * point as the lecture does with `[df.subs(x, a) for a in X]`.
 */
export function symbolicCells() {
  const f = (x: Tracer) => np.power(x, 0.5);
  const df = grad(f);
  const jaxpr = String(makeJaxpr(df)(0.5));
  const X = np.linspace(0.1, 2);
  const values = nd.array((X.toArray() as number[]).map((a) => df(a)));
  return { jaxpr, at: df(0.5), X, values };
}

/** The same cell written with the namespace import (the lecture's `import sympy as sym`). */
export function symbolicNamespacedCells() {
  const f = (x: autodiff.Tracer) => autodiff.np.power(x, 0.5);
  const df = autodiff.grad(f);
  const jaxpr = String(autodiff.makeJaxpr(df)(0.5));
  const X = autodiff.np.linspace(0.1, 2);
  const values = nd.array((X.toArray() as number[]).map((a) => df(a)));
  return { jaxpr, at: df(0.5), X, values };
}

/** Calls `thunk`, returning the error it throws as `Name: message` (null when it does not throw). */
function errorOf(thunk: () => unknown): string | null {
  try {
    thunk();
    return null;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** jax.grad of `x**2`, the three inputs it refuses, and vmap. */
export function gradCells() {
  // Generic, so that f(array) is typed as the array it returns outside of a transform.
  const f = <T extends Operand>(x: T) => np.power(x, 2);
  const dfdx = grad(f);
  return {
    at10: dfdx(10.0),
    // A JS number is always a float, so `dfdx(10)` is 20 here; an integer array plays the
    // lecture's integer argument.
    intError: errorOf(() => dfdx(nd.array([10], { dtype: "int32" }).reshape([]) as never)),
    listError: errorOf(() => dfdx([1.5, 2.0] as never)),
    arrayError: errorOf(() => dfdx(np.array([1.5, 2.0]) as never)),
    fOfArray: f(np.array([1.5, 2.0])),
    vmapped: vmap(dfdx)(np.array([1.5, 2.0, -2.0, 5.0])),
    list: [1.5, 2.0, -2.0, 5.0].map((v) => dfdx(v)),
  };
}

/** `vmap(grad(f))` of `x**0.5` on `np.linspace(0.1, 2)`, and at 0. */
export function vmapGradCells() {
  return vmapGradOnGrid((x: Tracer) => np.power(x, 0.5));
}

/** `vmap(grad(f))` on `np.linspace(0.1, 2)` against `0.5 * x**-0.5`, and at 0. */
function vmapGradOnGrid(f: (x: Tracer) => Tracer) {
  const df = vmap(grad(f));
  const x = np.linspace(0.1, 2);
  const values = df(x);
  return {
    x,
    values,
    allclose: np.allclose(analytical(x), values),
    atZero: df(np.array([0.0])),
  };
}

/** The Rube-Goldberg program equal to `x**0.5`, differentiated through its loops. */
export function rubeGoldbergCells() {
  const f = (x: Tracer) => {
    const a = np.multiply(2.0, x);
    const b = np.power(a, 2);
    const c = np.divide(b, 4.0);
    let d = np.power(c, 0.5);
    for (let i = 0; i < 5; i++) d = np.multiply(d, 2);
    for (let i = 0; i < 5; i++) d = np.divide(d, 2);
    return np.sqrt(d);
  };
  return vmapGradOnGrid(f);
}

/** jacfwd of `[x² y, 5x + sin y]` at (0.5, 0.5) against the analytical Jacobian. */
export function jacobianCells() {
  const f = (X: Tracer) => {
    const [x, y] = X;
    return np.array([x.pow(2).mul(y), x.mul(5).add(np.sin(y))]);
  };
  const Jf = jacfwd(f);
  const [x, y] = [0.5, 0.5];
  const J = Jf(np.array([x, y]));
  const An = np.array([
    [2 * x * y, x ** 2],
    [5, Math.cos(y)],
  ]);
  return { J, An, allclose: np.allclose(J, An) };
}

/** Both dblquad calls: det of the polar map's jacfwd Jacobian, and the disk in cartesian form. */
export function dblquadCells() {
  const f = (P: Tracer) => {
    const [rho, theta] = P;
    return np.array([rho.mul(np.cos(theta)), rho.mul(np.sin(theta))]);
  };
  const jf = jacfwd(f);
  // integrand(y, x): y is rho, x is theta
  const integrand = (rho: number, theta: number) => np.linalg.det(jf(np.array([rho, theta])));
  const [xa, xb] = [0, 2 * Math.PI]; // theta
  const [ya, yb] = [0, 1]; // rho
  const polar = dblquad(integrand, xa, xb, ya, yb);
  const yl = (x: number) => -Math.sqrt(1 - x ** 2);
  const yu = (x: number) => Math.sqrt(1 - x ** 2);
  const cartesian = dblquad(() => 1, -1, 1, yl, yu);
  return {
    polar: [polar.value, polar.abserr] as const,
    cartesian: [cartesian.value, cartesian.abserr] as const,
  };
}

/** hessian of `x² + y²`. */
export function hessianCells() {
  const f = (X: Tracer) => {
    const [x, y] = X;
    return x.pow(2).add(y.pow(2));
  };
  return { H: hessian(f)(np.array([0.5, 0.5])) };
}

/** The three minimize calls on Rosenbrock's function: plain BFGS, BFGS with grad, dogleg with hessian. */
export function minimizeCells() {
  const rosenbrock = (X: Tracer) => {
    const [x, y] = X;
    return np.add(
      np.power(np.subtract(1, x), 2),
      np.multiply(100, np.power(np.subtract(y, np.power(x, 2)), 2)),
    );
  };
  const sol = minimize(rosenbrock, [1, 0]);
  const df = grad(rosenbrock);
  const dfAt = df(np.array([1.0, 0.0]));
  const solJ = minimize(rosenbrock, [1, 0], { jac: df });
  const hf = hessian(rosenbrock);
  const solH = minimize(rosenbrock, [1, 0], { jac: df, hess: hf, method: "dogleg" });
  const hfAt = hf(np.array([1.0, 1.0]));
  const invHessInv = nd.linalg.inv(solJ.hessInv as nd.NDArray);
  return { sol, dfAt, solJ, solH, hfAt, invHessInv } as {
    sol: OptimizeResult;
    dfAt: nd.NDArray;
    solJ: OptimizeResult;
    solH: OptimizeResult;
    hfAt: nd.NDArray;
    invHessInv: nd.NDArray;
  };
}

/** One curve or point set of a figure; `style` follows matplotlib's format strings. */
export interface Series {
  label: string;
  x: number[];
  y: number[];
  /** "line" for `-`, "dot" for `.` (small) and `o` (circles). */
  mark: "line" | "dot" | "circle";
  /** "default" is matplotlib's first color cycle entry; "r" and "b" its red and blue. */
  color: "default" | "r" | "b";
}

/** One `plt.plot` of the lecture. */
export interface Figure {
  /** File name in docs/guides/plots, without `.svg`. */
  name: string;
  title: string;
  /** The lecture's plotting call, written with nabla. */
  code: string;
  caption: string;
  series: Series[];
}

const list = (a: nd.NDArray | number[]): number[] =>
  Array.isArray(a) ? a : (a.toArray() as number[]);

/** Every `plt.plot` of the lecture, in order, with the data computed by the cells above. */
export function figures(): Figure[] {
  const g = gradientCells();
  const d = derivativeCells();
  const i = interpCells();
  const s = symbolicCells();
  const sn = symbolicNamespacedCells();
  const v = vmapGradCells();
  const r = rubeGoldbergCells();
  const fine = nd.linspace(0.1, 1, 100);
  const analyticalLine = (x: nd.NDArray): Series => ({
    label: "analytical",
    x: list(x),
    y: list(analytical(x)),
    mark: "line",
    color: "default",
  });
  const redLine = (x: nd.NDArray): Series => ({ ...analyticalLine(x), color: "r" });
  const seed = `noise from nd.random.defaultRng(${NOISE_SEED}).normal(0, 0.005, 10) (the lecture's is unseeded)`;
  return [
    {
      name: "gradient",
      title: "np.gradient(y, x, edge_order=2) of y = x^0.5",
      code: "plt.plot(x, 0.5 * x**-0.5, x, np.gradient(y, x, edge_order=2), 'r.')",
      caption:
        "Second-order differences on 10 points: close inside, off at the ends where the one-sided formulas are used.",
      series: [
        analyticalLine(fine),
        { label: "numeric", x: list(g.x), y: list(g.gradient), mark: "dot", color: "r" },
      ],
    },
    {
      name: "polyfit",
      title: "np.polyval(np.polyder(np.polyfit(x, y, 9)), x)",
      code: "plt.plot(x, 0.5 * x**-0.5, x, np.polyval(dp, x), 'r.')",
      caption: "The derivative of the degree-9 polynomial through the 10 points.",
      series: [
        analyticalLine(fine),
        { label: "numeric", x: list(g.x), y: list(g.polyDerivative), mark: "dot", color: "r" },
      ],
    },
    {
      name: "derivative",
      title: "Derivative(f, step=dx)(x) of f = x^0.5",
      code: "plt.plot(x, 0.5 * x**-0.5, x, dfdx(x), 'r.')",
      caption:
        "numdifftools' adaptive differences (Richardson extrapolation) on the function: as exact as the analytical values.",
      series: [
        analyticalLine(fine),
        { label: "numeric", x: list(d.x), y: list(d.helper), mark: "dot", color: "r" },
      ],
    },
    {
      name: "interp1d",
      title: "interp1d(x, y, kind='cubic') through noisy data",
      code: "plt.plot(x, y, 'bo', xfit, af(xfit))",
      caption: `The cubic spline through the data, ${seed}.`,
      series: [
        { label: "data", x: list(i.x), y: list(i.y), mark: "circle", color: "b" },
        { label: "af(xfit)", x: list(i.xfit), y: list(i.fit), mark: "line", color: "default" },
      ],
    },
    {
      name: "interp1d-derivative",
      title: "Derivative(af, step=0.05)(xfit) of the cubic interpolant",
      code: "plt.plot(x, 0.5 * x**-0.5, 'bo', xfit, dfadx(xfit, dx=0.05), 'r.')",
      caption: `The derivative of the spline magnifies the noise (${seed}).`,
      series: [
        { label: "analytical", x: list(i.x), y: list(analytical(i.x)), mark: "circle", color: "b" },
        { label: "numeric", x: list(i.xfit), y: list(i.derivative), mark: "dot", color: "r" },
      ],
    },
    {
      name: "gradient-noisy",
      title: "np.gradient(y, x) of the noisy data",
      code: "plt.plot(x, 0.5 * x**-0.5, x, np.gradient(y, x), 'r.')",
      caption: `First-order differences at the ends, central inside; ${seed}.`,
      series: [
        analyticalLine(fine),
        { label: "numeric", x: list(i.x), y: list(i.gradient), mark: "dot", color: "r" },
      ],
    },
    {
      name: "symbolic",
      title: "grad(f) of f = x^0.5, the traced counterpart of sympy's diff",
      code: "plt.plot(X, 0.5 * X**-0.5, 'r-', X, [df.subs(x, a) for a in X], 'b.')",
      caption:
        "sympy's symbolic derivative replaced by grad(f), whose program makeJaxpr(grad(f)) prints; evaluated point by point at the 50 points of np.linspace(0.1, 2).",
      series: [
        redLine(s.X),
        { label: "symbolic (grad)", x: list(s.X), y: list(s.values), mark: "dot", color: "b" },
      ],
    },
    {
      name: "symbolic-namespaced",
      title: "autodiff.grad(f), written with the namespace import",
      code: "plt.plot(X, 0.5 * X**-0.5, 'r-', X, [df.subs(x, a) for a in X], 'b.')",
      caption:
        "The lecture's second sympy cell (import sympy as sym) is the first one with namespaced names; here import * as autodiff.",
      series: [
        redLine(sn.X),
        { label: "symbolic (grad)", x: list(sn.X), y: list(sn.values), mark: "dot", color: "b" },
      ],
    },
    {
      name: "vmap-grad",
      title: "vmap(grad(f)) of f = x^0.5",
      code: "plt.plot(x, 0.5 * x**-0.5, 'r-', x, df(x), 'b.')",
      caption: "Automatic differentiation, vectorised with vmap: equal to the analytical values.",
      series: [
        redLine(v.x),
        { label: "autograd", x: list(v.x), y: list(v.values), mark: "dot", color: "b" },
      ],
    },
    {
      name: "rube-goldberg",
      title: "vmap(grad(f)) of the Rube-Goldberg program",
      code: "plt.plot(x, 0.5 * x**-0.5, 'r-', x, df(x), 'b.')",
      caption: "The same derivative through scaling, loops and sqrt: grad follows the program.",
      series: [
        redLine(r.x),
        { label: "autograd", x: list(r.x), y: list(r.values), mark: "dot", color: "b" },
      ],
    },
  ];
}
