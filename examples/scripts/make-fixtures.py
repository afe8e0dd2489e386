"""Writes examples/test/fixtures/lecture.json for examples/test/lecture.test.ts.

    python3 examples/scripts/make-fixtures.py

"lecture" holds what the lecture "Introduction to automatic differentiation with jax" printed,
copied from its text (whitespace as the lecture's text has it: runs collapsed). "reference" holds
numpy/scipy values for what the lecture computed but did not print, and for the cells that use
random noise, computed on the same seeded noise nabla draws (nd.random.defaultRng(42).normal(0,
0.005, 10); numpy's generator gives other normal draws, so the values are copied here).
"""

import json
import pathlib
import re

import numpy as np
import scipy
from scipy.interpolate import interp1d
from scipy.optimize import minimize

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "lecture.json"


def collapse(text):
    return [re.sub(r"\s+", " ", line).strip() for line in text.strip().splitlines()]


# --- printed by the lecture ------------------------------------------------------------------
LECTURE_D = """array([[ 100., -200., 200., 0., 0., 0., 0., 0., 0.,
0.],
[ -5., 0., 5., 0., 0., 0., 0., 0., 0.,
0.],
[ 0., -5., 0., 5., 0., 0., 0., 0., 0.,
0.],
[ 0., 0., -5., 0., 5., 0., 0., 0., 0.,
0.],
[ 0., 0., 0., -5., 0., 5., 0., 0., 0.,
0.],
[ 0., 0., 0., 0., -5., 0., 5., 0., 0.,
0.],
[ 0., 0., 0., 0., 0., -5., 0., 5., 0.,
0.],
[ 0., 0., 0., 0., 0., 0., -5., 0., 5.,
0.],
[ 0., 0., 0., 0., 0., 0., 0., -5., 0.,
5.],
[ 0., 0., 0., 0., 0., 0., 0., 100., -200.,
100.]])"""

LECTURE_SOL = """message: Optimization terminated successfully.
success: True
status: 0
fun: 2.111180088069277e-11
x: [ 1.000e+00 1.000e+00]
nit: 32
jac: [-2.897e-07 2.844e-08]
hess_inv: [[ 4.939e-01 9.877e-01]
[ 9.877e-01 1.980e+00]]
nfev: 111
njev: 37"""

LECTURE_SOL_J = """message: Optimization terminated successfully.
success: True
status: 0
fun: 1.929228318427838e-14
x: [ 1.000e+00 1.000e+00]
nit: 32
jac: [-2.941e-07 8.157e-09]
hess_inv: [[ 4.929e-01 9.858e-01]
[ 9.858e-01 1.977e+00]]
nfev: 37
njev: 37"""

LECTURE_SOL_H = """message: Optimization terminated successfully.
success: True
status: 0
fun: 4.930380657631324e-30
x: [ 1.000e+00 1.000e+00]
nit: 1
jac: [-8.882e-14 4.441e-14]
nfev: 2
njev: 2
nhev: 1
hess: [[ 8.020e+02 -4.000e+02]
[-4.000e+02 2.000e+02]]"""

lecture = {
    "h": 0.1,
    "D": collapse(LECTURE_D),
    "allclose_D": False,
    "derivative": [1.58113883, 1.11803399, 0.91287093, 0.79056942, 0.70710678,
                   0.64549722, 0.5976143, 0.55901699, 0.52704628, 0.5],
    # The lecture's unseeded noise; not reproducible, kept for the record.
    "interp_unseeded": [[0.63462106, 0.70366422], 61.72807322],
    "sympy_df": "0.5/x**0.5",
    "sympy_at": 0.707106781186548,
    "dfdx_10": 20.0,
    "f_of_array": [2.25, 4.0],
    "vmapped": [3.0, 4.0, -4.0, 10.0],
    "vmap_allclose": True,
    "vmap_at_zero": "inf",
    "rube_allclose": True,
    "rube_at_zero": "nan",
    "Jf": [[0.5, 0.25], [5.0, 0.87758256]],
    "An": [[0.5, 0.25], [5.0, 0.87758256]],
    "jacobian_allclose": True,
    "dblquad_polar": [3.141592653589793, 3.487868498008632e-14],
    "dblquad_cartesian": [3.1415926535897967, 2.000470900043183e-09],
    "hessian": [[2.0, 0.0], [0.0, 2.0]],
    "sol": collapse(LECTURE_SOL),
    "df_at": [400.0, -200.0],
    "sol_j": collapse(LECTURE_SOL_J),
    "sol_h": collapse(LECTURE_SOL_H),
    "hf_at": [[802.0, -400.0], [-400.0, 200.0]],
    "inv_hess_inv": [[802.02588665, -399.99966532], [-399.99966532, 200.00039681]],
}

# --- numpy/scipy for the same computations ---------------------------------------------------
x, h = np.linspace(0.1, 1, 10, retstep=True)
y = x**0.5
D = np.zeros((len(x), len(x)))
D += np.diag(np.ones(len(x) - 1) / (2 * h), 1)
D += np.diag(-np.ones(len(x) - 1) / (2 * h), -1)
D[0, 0:3] = np.array([1, -2, 2]) / h**2
D[-1, -3:] = np.array([1, -2, 1]) / h**2
assert collapse(repr(D)) == lecture["D"], "numpy's repr(D) differs from the lecture's"

# nabla's nd.random.defaultRng(42).normal(0, 0.005, 10)
noise = np.array([0.005732669386314059, -0.002388884230966828, 0.010036993150581184,
                  0.005048559692297987, -0.00032993236980324116, -0.0070956139568892134,
                  0.006236041161457155, -0.007961707135580021, -0.0016866905322275674,
                  -0.003737619635827323])
yn = x**0.5 + noise
af = interp1d(x, yn, kind="cubic", bounds_error=False, fill_value="extrapolate")


def rosenbrock(X):
    x, y = X
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


sol = minimize(rosenbrock, [1, 0])

reference = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
    "D_repr": repr(D),
    "gradient_edge2": np.gradient(y, x, edge_order=2).tolist(),
    "polyfit": np.polyfit(x, y, 9).tolist(),
    "polyder_polyfit": np.polyval(np.polyder(np.polyfit(x, y, 9)), x).tolist(),
    "noise": noise.tolist(),
    "y_noisy": yn.tolist(),
    "af_04_05": af([0.4, 0.5]).tolist(),
    "af_3": float(af(3)),
    "af_xfit": af(np.linspace(0.1, 1, 100)).tolist(),
    "gradient_noisy": np.gradient(yn, x).tolist(),
    "sol_fun": float(sol.fun),
    "sol_jac": sol.jac.tolist(),
    "sol_hess_inv": sol.hess_inv.tolist(),
}

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"lecture": lecture, "reference": reference}, indent=1) + "\n")
print(f"wrote {OUT}")
