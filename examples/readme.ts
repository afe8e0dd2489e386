// The example at the top of README.md, kept here so that it is typechecked and run.
import { grad, hessian, np, type Tracer } from "@nabla/autodiff";
import { minimize } from "@nabla/optimize";

const rosenbrock = (X: Tracer) => {
  const [x, y] = X;
  return np
    .subtract(1, x)
    .pow(2)
    .add(np.subtract(y, x.pow(2)).pow(2).mul(100));
};
const sol = minimize(rosenbrock, [1, 0], {
  method: "dogleg",
  jac: grad(rosenbrock),
  hess: hessian(rosenbrock),
});
console.log(sol); // nit: 1, nfev: 2, njev: 2, nhev: 1, x: [ 1.000e+00  1.000e+00] — as scipy
