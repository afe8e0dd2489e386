/**
 * The page script of the browser test: esbuild bundles it from the installed tarballs, and the
 * bundle runs in headless Chromium and, for the reference numbers, in Node.
 */
import { grad, np, type Tracer } from "@nabla/autodiff";
import { minimize } from "@nabla/optimize";

const rosenbrock = (X: Tracer) => {
  const [x, y] = X;
  return np
    .subtract(1, x)
    .pow(2)
    .add(np.subtract(y, x.pow(2)).pow(2).mul(100));
};

export interface RosenbrockRun {
  gradient: number[];
  x: number[];
  fun: number;
  nit: number | undefined;
  nfev: number | undefined;
  njev: number | undefined;
  success: boolean;
  message: string;
}

/** grad of Rosenbrock at (1, 0), then BFGS from (1, 0) with jac = grad(f). */
export function run(): RosenbrockRun {
  const gradient = grad(rosenbrock)(np.array([1, 0])).toArray() as number[];
  const sol = minimize(rosenbrock, [1, 0], { jac: grad(rosenbrock) });
  return {
    gradient,
    x: sol.x.toArray() as number[],
    fun: sol.fun,
    nit: sol.nit,
    nfev: sol.nfev,
    njev: sol.njev,
    success: sol.success,
    message: sol.message,
  };
}
