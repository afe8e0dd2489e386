/**
 * "Introduction to automatic differentiation with jax", every computation of the lecture run in
 * TypeScript with nabla, in the lecture's order:
 *
 *   npm run lecture
 *
 * Each `> ...` line is the lecture's cell written the nabla way, followed by what it prints. The
 * computations live in ./lecture-cells.ts; the lecture's plots are drawn from the same cells by
 * `npm run plots` into docs/guides/plots (shown in docs/guides/lecture.md).
 */

import * as nd from "@nabla/ndarray";
import {
  dblquadCells,
  derivativeCells,
  differenceMatrixCells,
  gradCells,
  gradientCells,
  hessianCells,
  interpCells,
  jacobianCells,
  minimizeCells,
  NOISE_SEED,
  rubeGoldbergCells,
  symbolicCells,
  symbolicNamespacedCells,
  vmapGradCells,
} from "./lecture-cells.js";

/** A float as Python's repr writes it (`2.000470900043183e-09`, `0.1`, `20.0`). */
function pyFloat(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    const [mantissa, exponent] = v.toExponential().split("e");
    const e = Number(exponent);
    return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const s = String(v);
  return Number.isInteger(v) ? `${s}.0` : s;
}

const format = (value: unknown): string =>
  value instanceof nd.NDArray
    ? nd.repr(value)
    : typeof value === "number"
      ? pyFloat(value)
      : typeof value === "boolean"
        ? value
          ? "True"
          : "False"
        : String(value);

/** One cell: the nabla code, then what it prints. */
function cell(code: string, value: unknown): void {
  console.log(`> ${code}`);
  console.log(format(value));
  console.log();
}
const tuple = (...values: unknown[]) => `(${values.map(format).join(", ")})`;
const figure = (name: string, code: string) =>
  console.log(`[figure docs/guides/plots/${name}.svg] ${code}\n`);
const section = (title: string) => console.log(`\n## ${title}\n`);

console.log(
  "Introduction to automatic differentiation with jax: every computation of the lecture, with nabla.\n" +
    "Each `> ...` line is a cell written the nabla way, followed by what it prints; each [figure ...]\n" +
    "is one of the lecture's plots, drawn by `npm run plots` (shown in docs/guides/lecture.md).",
);

section("numpy.gradient");
{
  const g = gradientCells();
  cell("x = nd.linspace(0.1, 1, 10); y = nd.power(x, 0.5)", g.y);
  cell("nd.gradient(y, x, { edgeOrder: 2 })", g.gradient);
  figure("gradient", "plt.plot(x, 0.5 * x**-0.5, x, np.gradient(y, x, edge_order=2), 'r.')");
  cell("p = nd.polyfit(x, y, 9)", g.p);
  cell("dp = nd.polyder(p); nd.polyval(dp, x)", g.polyDerivative);
  figure("polyfit", "plt.plot(x, 0.5 * x**-0.5, x, np.polyval(dp, x), 'r.')");

  const m = differenceMatrixCells();
  cell("[x, h] = nd.linspace(0.1, 1, 10, { retstep: true }); h", m.h);
  cell("D", m.D);
  cell(
    "dydx = nd.matmul(D, y); nd.allclose(dydx, nd.gradient(y, x, { edgeOrder: 2 }))",
    m.allclose,
  );
}

section("numdifftools.Derivative");
{
  const d = derivativeCells();
  cell("dfdx = (x, dx) => Derivative(f, { step: dx })(x); dfdx(x)", d.helper);
  figure("derivative", "plt.plot(x, 0.5 * x**-0.5, x, dfdx(x), 'r.')");
  cell("Derivative(f)(x)", d.derivative);

  const i = interpCells();
  console.log(
    `(The lecture's noise is unseeded; here it is nd.random.defaultRng(${NOISE_SEED}).normal(0, 0.005, 10).\n` +
      " The lecture's own draw gave (array([0.63462106, 0.70366422]), array(61.72807322)).)\n",
  );
  cell("y = nd.add(nd.power(x, 0.5), noise)", i.y);
  cell(
    'af = interp1d(x, y, { kind: "cubic", boundsError: false, fillValue: "extrapolate" }); [af([0.4, 0.5]), af(3)]',
    tuple(i.at, i.at3),
  );
  figure("interp1d", "plt.plot(x, y, 'bo', xfit, af(xfit))");
  figure(
    "interp1d-derivative",
    "plt.plot(x, 0.5 * x**-0.5, 'bo', xfit, dfadx(xfit, dx=0.05), 'r.')",
  );
  cell("nd.gradient(y, x)", i.gradient);
  figure("gradient-noisy", "plt.plot(x, 0.5 * x**-0.5, x, np.gradient(y, x), 'r.')");
}

section("Symbolic differentiation (sympy's diff; here the program grad traces)");
for (const [s, code, name] of [
  [symbolicCells(), "makeJaxpr(grad(f))(0.5)", "symbolic"],
  [symbolicNamespacedCells(), "autodiff.makeJaxpr(autodiff.grad(f))(0.5)", "symbolic-namespaced"],
] as const) {
  cell(`${code}  // sympy: 0.5/x**0.5`, s.jaxpr);
  cell("grad(f)(0.5)  // sympy: df.subs(x, 0.5)", s.at);
  figure(name, "plt.plot(X, 0.5 * X**-0.5, 'r-', X, [df.subs(x, a) for a in X], 'b.')");
}

section("Automatic differentiation: grad and vmap");
{
  const g = gradCells();
  cell("dfdx = grad((x) => np.power(x, 2)); dfdx(10.0)", g.at10);
  cell('dfdx(nd.array([10], { dtype: "int32" }).reshape([]))', g.intError);
  cell("dfdx([1.5, 2.0])", g.listError);
  cell("dfdx(np.array([1.5, 2.0]))", g.arrayError);
  cell("f(np.array([1.5, 2.0]))", g.fOfArray);
  cell("eg = vmap(dfdx); eg(np.array([1.5, 2.0, -2.0, 5.0]))", g.vmapped);
  cell("[1.5, 2.0, -2.0, 5.0].map((x) => dfdx(x))", `[${g.list.map(pyFloat).join(", ")}]`);

  const v = vmapGradCells();
  figure("vmap-grad", "plt.plot(x, 0.5 * x**-0.5, 'r-', x, df(x), 'b.')");
  cell("df = vmap(grad(f)); np.allclose(0.5 * x**-0.5, df(x))", v.allclose);
  cell("df(np.array([0.0]))", v.atZero);

  const r = rubeGoldbergCells();
  figure("rube-goldberg", "plt.plot(x, 0.5 * x**-0.5, 'r-', x, df(x), 'b.')");
  cell("df = vmap(grad(rubeGoldberg)); np.allclose(0.5 * x**-0.5, df(x))", r.allclose);
  cell("df(np.array([0.0]))", r.atZero);
}

section("Derivatives of multivalue functions: jacfwd");
{
  const j = jacobianCells();
  console.log("> Jf = jacfwd(f); Jf(np.array([x, y])); An");
  console.log("Jf: ", nd.str(j.J));
  console.log("An: ", nd.str(j.An));
  console.log();
  cell("np.allclose(Jf(np.array([x, y])), An)", j.allclose);

  const q = dblquadCells();
  cell(
    "dblquad((rho, theta) => np.linalg.det(jf(np.array([rho, theta]))), 0, 2 * Math.PI, 0, 1)",
    tuple(...q.polar),
  );
  cell("dblquad(() => 1, -1, 1, yl, yu)", tuple(...q.cartesian));
}

section("Hessians");
cell("hessian(f)(np.array([0.5, 0.5]))", hessianCells().H);

section("Applications to optimization");
{
  const m = minimizeCells();
  cell("minimize(rosenbrock, [1, 0])", m.sol);
  cell("df = grad(rosenbrock); df(np.array([1.0, 0.0]))", m.dfAt);
  cell("minimize(rosenbrock, [1, 0], { jac: df })", m.solJ);
  cell('minimize(rosenbrock, [1, 0], { jac: df, hess: hf, method: "dogleg" })', m.solH);
  cell("hf = hessian(rosenbrock); hf(np.array([1.0, 1.0]))", m.hfAt);
  cell("nd.str(nd.linalg.inv(solJ.hessInv))", nd.str(m.invHessInv));
}
