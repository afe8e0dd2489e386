"""Why the lecture's finite-difference BFGS run differs from nabla's in its 4th digit.

scipy's BFGS forms its step and its inverse-Hessian update with np.dot, which OpenBLAS computes
with fused multiply-adds; nabla sums in plain float64. This runs the lecture's call twice: with
scipy as shipped, and with np.dot inside scipy's BFGS replaced by plain left-to-right float64
sums. The second prints nabla's numbers (examples/lecture.ts: fun 2.1118882108746638e-11).

    python3 examples/scripts/bfgs-plain-dot.py
"""

import types

import numpy as np
import scipy.optimize._optimize as opt
from scipy.optimize import minimize


def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def plain_dot(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    if a.ndim == 1 and b.ndim == 1:
        s = 0.0
        for u, v in zip(a, b):
            s += float(u) * float(v)
        return s
    if a.ndim == 2 and b.ndim == 1:
        return np.array([plain_dot(row, b) for row in a])
    return np.array([[plain_dot(row, col) for col in b.T] for row in a])


shipped = minimize(rosenbrock, [1, 0])
plain_np = types.SimpleNamespace(**{k: getattr(np, k) for k in dir(np) if not k.startswith("__")})
plain_np.dot = plain_dot
opt.np = plain_np
try:
    plain = minimize(rosenbrock, [1, 0])
finally:
    opt.np = np
for name, sol in (("scipy as shipped", shipped), ("np.dot as plain sums", plain)):
    print(f"{name}: nit {sol.nit} nfev {sol.nfev} fun {float(sol.fun)!r} jac {sol.jac.tolist()}")
