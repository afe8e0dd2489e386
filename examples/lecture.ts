/**
 * "Introduction to automatic differentiation with jax", every cell run in TypeScript with nabla.
 *
 *   npm run lecture
 *
 * Each section prints what the lecture's notebook printed, computed the same way: numpy's
 * gradient and polyfit, numdifftools' Derivative, scipy's interp1d, jax's grad / vmap / jacfwd /
 * hessian, scipy's dblquad over a jacfwd determinant, and scipy's minimize with exact gradients
 * and Hessians. Plots of the lecture are drawn by `npm run plots` into docs/plots.
 */

import { grad, hessian, jacfwd, makeJaxpr, np, type Tracer, vmap } from "@nabla/autodiff";
import { Derivative } from "@nabla/differentiate";
import { dblquad } from "@nabla/integrate";
import { interp1d } from "@nabla/interpolate";
import * as nd from "@nabla/ndarray";
import { minimize } from "@nabla/optimize";

const show = (label: string, value: unknown): void => {
  console.log(label);
  console.log(value instanceof nd.NDArray ? nd.repr(value) : value);
  console.log();
};
const section = (title: string): void => console.log(`\n## ${title}\n`);

// --- numpy.gradient and polyfit on data ------------------------------------------------------
section("numpy.gradient");
{
  const x = nd.linspace(0.1, 1, 10);
  const y = nd.power(x, 0.5);
  const analytical = nd.multiply(0.5, nd.power(x, -0.5));
  show("np.gradient(y, x, edge_order=2):", nd.gradient(y, x, { edgeOrder: 2 }));
  show("0.5 * x**-0.5:", analytical);

  const p = nd.polyfit(x, y, 9);
  const dp = nd.polyder(p);
  show("np.polyval(np.polyder(np.polyfit(x, y, 9)), x):", nd.polyval(dp, x));

  // The derivative as a matrix: central differences inside, second-order one-sided rows at the ends.
  const [xs, h] = nd.linspace(0.1, 1, 10, { retstep: true });
  console.log(h);
  const ys = nd.power(xs, 0.5);
  const n = xs.size;
  let D = nd.zeros([n, n]);
  D = nd.add(D, nd.diag(nd.divide(nd.ones(n - 1), 2 * h), { k: 1 }));
  D = nd.add(D, nd.diag(nd.divide(nd.negative(nd.ones(n - 1)), 2 * h), { k: -1 }));
  const first = nd.divide(nd.array([1, -2, 2]), h ** 2);
  const last = nd.divide(nd.array([1, -2, 1]), h ** 2);
  for (let j = 0; j < 3; j++) {
    D.set([0, j], first.get(j));
    D.set([n - 1, n - 3 + j], last.get(j));
  }
  show("D", D);
  const dydx = nd.matmul(D, ys);
  show(
    "np.allclose(D @ y, np.gradient(y, x, edge_order=2))",
    nd.allclose(dydx, nd.gradient(ys, xs, { edgeOrder: 2 }) as nd.NDArray),
  );
}

// --- numdifftools.Derivative -----------------------------------------------------------------
section("numdifftools.Derivative");
{
  const x = nd.linspace(0.1, 1, 10);
  const f = (v: nd.NDArray) => nd.power(v, 0.5);
  show("Derivative(f)(x)  # vectorised", Derivative(f)(x));
}

// --- scipy.interpolate.interp1d ----------------------------------------------------------------
section("scipy.interpolate.interp1d");
{
  const x = nd.linspace(0.1, 1, 10);
  // The lecture adds np.random.normal(0, 0.005) noise; a seeded generator makes the run repeatable.
  const rng = nd.random.defaultRng(42);
  const y = nd.add(nd.power(x, 0.5), rng.normal(0, 0.005, x.shape));
  const af = interp1d(x, y, { kind: "cubic", boundsError: false, fillValue: "extrapolate" });
  show("af([0.4, 0.5]), af(3)", [af([0.4, 0.5]), af(3)]);
  const dfadx = (v: nd.NDArray) =>
    Derivative((t: nd.NDArray) => af(t) as nd.NDArray, { step: 0.05 })(v);
  show("Derivative(af, step=0.05)(x)", dfadx(x));
  show("np.gradient(y, x)", nd.gradient(y, x));
}

// --- symbolic differentiation: a traced program is the symbolic derivative ----------------------
section("Symbolic derivatives (sympy's diff(x**0.5, x); here the jaxpr of grad)");
{
  const f = (x: Tracer) => np.power(x, 0.5);
  // sympy prints diff(x**0.5, x) as 0.5/x**0.5; the traced derivative program says the same.
  console.log("makeJaxpr(grad(f))(0.5)");
  console.log(String(makeJaxpr(grad(f))(0.5)));
  console.log();
  show("grad(f)(0.5)  # sympy: 0.707106781186548", grad(f)(0.5));
}

// --- jax: grad, vmap ------------------------------------------------------------------------------
section("jax.grad");
{
  const f = (x: Tracer) => np.power(x, 2);
  const dfdx = grad(f);
  show("dfdx(10.0)", dfdx(10.0));
  for (const bad of [
    nd.array([10], { dtype: "int32" }).reshape([]),
    [1.5, 2.0],
    np.array([1.5, 2.0]),
  ]) {
    try {
      dfdx(bad as never);
    } catch (e) {
      show(
        `dfdx(${bad instanceof nd.NDArray ? nd.repr(bad) : JSON.stringify(bad)})`,
        `${(e as Error).name}: ${(e as Error).message}`,
      );
    }
  }
  show("f(np.array([1.5, 2.0]))", f(np.array([1.5, 2.0]) as never));
  const eg = vmap(dfdx);
  show("vmap(dfdx)(np.array([1.5, 2.0, -2.0, 5.0]))", eg(np.array([1.5, 2.0, -2.0, 5.0])));
  show(
    "[dfdx(_x) for _x in [1.5, 2.0, -2.0, 5.0]]",
    [1.5, 2.0, -2.0, 5.0].map((v) => dfdx(v)),
  );
}
section("vmap(grad(f)) and the Rube-Goldberg function");
{
  const f = (x: Tracer) => np.power(x, 0.5);
  const df = vmap(grad(f));
  const x = np.linspace(0.1, 2);
  show(
    "np.allclose(0.5 * x**-0.5, df(x))",
    np.allclose(np.multiply(0.5, np.power(x, -0.5)), df(x)),
  );
  show("df(np.array([0.0]))", df(np.array([0.0])));

  const rube = (x: Tracer) => {
    const a = np.multiply(2.0, x);
    const b = np.power(a, 2);
    const c = np.divide(b, 4.0);
    let d = np.power(c, 0.5);
    for (let i = 0; i < 5; i++) d = np.multiply(d, 2);
    for (let i = 0; i < 5; i++) d = np.divide(d, 2);
    return np.sqrt(d);
  };
  const dr = vmap(grad(rube));
  show(
    "np.allclose(0.5 * x**-0.5, df(x))  # Rube-Goldberg",
    np.allclose(np.multiply(0.5, np.power(x, -0.5)), dr(x)),
  );
  show("df(np.array([0.0]))  # Rube-Goldberg", dr(np.array([0.0])));
}

// --- Jacobians ----------------------------------------------------------------------------------
section("jacfwd");
{
  const f = (X: Tracer) => {
    const [x, y] = X;
    return np.array([x.pow(2).mul(y), x.mul(5).add(np.sin(y))]);
  };
  const Jf = jacfwd(f);
  const [x, y] = [0.5, 0.5];
  console.log("Jf: ", nd.str(Jf(np.array([x, y]))));
  const An = np.array([
    [2 * x * y, x ** 2],
    [5, Math.cos(y)],
  ]);
  console.log("An: ", nd.str(An));
  show("np.allclose(Jf(np.array([x, y])), An)", np.allclose(Jf(np.array([x, y])), An));
}
section("dblquad over a jacfwd determinant");
{
  const f = (P: Tracer) => {
    const [rho, theta] = P;
    return np.array([rho.mul(np.cos(theta)), rho.mul(np.sin(theta))]);
  };
  const jf = jacfwd(f);
  const integrand = (rho: number, theta: number) => np.linalg.det(jf(np.array([rho, theta])));
  const r = dblquad(integrand, 0, 2 * Math.PI, 0, 1);
  show("dblquad(integrand, 0, 2*np.pi, 0, 1)", [r.value, r.abserr]);
  const disk = dblquad(
    () => 1,
    -1,
    1,
    (x) => -Math.sqrt(1 - x ** 2),
    (x) => Math.sqrt(1 - x ** 2),
  );
  show("dblquad(lambda y, x: 1, -1, 1, yl, yu)", [disk.value, disk.abserr]);
}

// --- Hessians and optimisation ------------------------------------------------------------------
section("hessian");
{
  const f = (X: Tracer) => {
    const [x, y] = X;
    return x.pow(2).add(y.pow(2));
  };
  show("hessian(f)(np.array([0.5, 0.5]))", hessian(f)(np.array([0.5, 0.5])));
}
section("scipy.optimize.minimize with exact derivatives");
{
  const rosenbrock = (X: Tracer) => {
    const [x, y] = X;
    return np.add(
      np.power(np.subtract(1, x), 2),
      np.multiply(100, np.power(np.subtract(y, np.power(x, 2)), 2)),
    );
  };
  const sol = minimize(rosenbrock, [1, 0]);
  show("minimize(rosenbrock, [1, 0])", sol);
  const df = grad(rosenbrock);
  show("df(np.array([1.0, 0.0]))", df(np.array([1.0, 0.0])));
  const solJ = minimize(rosenbrock, [1, 0], { jac: df });
  show("minimize(rosenbrock, [1, 0], jac=df)", solJ);
  const hf = hessian(rosenbrock);
  show(
    'minimize(rosenbrock, [1, 0], jac=df, hess=hf, method="dogleg")',
    minimize(rosenbrock, [1, 0], { jac: df, hess: hf, method: "dogleg" }),
  );
  show("hf(np.array([1.0, 1.0]))", hf(np.array([1.0, 1.0])));
  console.log("np.linalg.inv(sol_j.hess_inv)");
  console.log(nd.str(nd.linalg.inv(solJ.hessInv as nd.NDArray)));
}
