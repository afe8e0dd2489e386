import { minimize } from "@nabla/optimize";
import { rosen, rosenDer, rosenHess } from "./helpers.js";

for (const [method, opts] of [
  ["CG", { jac: rosenDer }],
  ["CG", {}],
  ["Newton-CG", { jac: rosenDer, hess: rosenHess }],
  ["Newton-CG", { jac: rosenDer }],
  ["Nelder-Mead", {}],
  ["Nelder-Mead", { options: { adaptive: true } }],
  [
    "Nelder-Mead",
    {
      bounds: [
        [-2, 0.5],
        [-1, 2],
      ],
    },
  ],
] as const) {
  for (const x0 of [
    [1, 0],
    [-1.2, 1],
  ]) {
    const r = minimize(rosen, x0, { method, ...(opts as object) });
    console.log(method, x0, r.nit, r.nfev, r.njev, r.nhev, r.fun, r.status);
  }
}
