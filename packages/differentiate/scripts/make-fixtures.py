"""Regenerates packages/differentiate/test/fixtures/*.json.

    python3 packages/differentiate/scripts/make-fixtures.py

scipy.differentiate cases (scipy.json) always regenerate with the machine's python3 (scipy >= 1.15).
numdifftools cases (numdifftools.json) regenerate only when numdifftools can be imported, e.g. from
a source checkout: PYTHONPATH=/path/to/numdifftools/src python3 .../make-fixtures.py
(numdifftools 0.10.1 was run from source; pip could not install it on this machine).

Every function is written twice, in python here and in JS in test/functions.ts, under one name.
Floats are written with repr precision; inf/nan as the strings "inf", "-inf", "nan".
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy.differentiate import derivative, hessian, jacobian

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "test", "fixtures")

# scalar elementwise functions (name -> vectorised python)
SCALAR = {
    "exp": np.exp,
    "sin": np.sin,
    "cos": np.cos,
    "log": np.log,
    "sqrt": np.sqrt,
    "cubic": lambda x: x * x * x + x * x,
    "quartic": lambda x: x * x * x * x,
    "cube": lambda x: x * x * x,
    "rational": lambda x: (x * x + 1) / (x - 3),
    "inv": lambda x: 1 / x,
}

# functions of vectors (name -> python taking a 1-D array or (n, ...) array for scipy)
VECTOR = {
    "rosen2": lambda x: 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2,
    "sum_sq": lambda x: np.sum(x**2, axis=0),
    "prod3": lambda x: x[0] * x[1] * x[2],
    "seed_map": lambda x: np.stack([x[0] ** 2 * x[1], 5 * x[0] + np.sin(x[1])]),
    "polar": lambda x: np.stack([x[0] * np.cos(x[1]), x[0] * np.sin(x[1])]),
    "r2_to_r3": lambda x: np.stack([x[0] * x[1], x[0] + x[1], np.exp(x[0] - x[1])]),
    "cos_diff": lambda x: np.cos(x[0] - x[1]),
    "exp_mix2": lambda x: np.exp(x[0] * x[1]) + np.log(x[0] ** 2 + x[1] ** 2 + 1),
    "poly_map": lambda x: np.stack([x[0] * x[1], x[0] + x[1], x[0] * x[0] - x[1] / 3]),
}


def enc(v):
    if isinstance(v, (list, tuple)):
        return [enc(u) for u in v]
    if isinstance(v, np.ndarray):
        return enc(v.tolist())
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def scipy_cases():
    cases = []

    def add(name, fname, x, **kw):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = derivative(SCALAR[fname], np.asarray(x, dtype=float), **kw)
        opts = {}
        for k, v in kw.items():
            key = {"initial_step": "initialStep", "step_factor": "stepFactor", "step_direction": "stepDirection"}.get(k, k)
            opts[key] = enc(v) if k != "tolerances" else {kk: enc(vv) for kk, vv in v.items()}
        cases.append({
            "name": name, "f": fname, "x": enc(x), "options": opts,
            "df": enc(r.df), "error": enc(r.error), "success": enc(r.success), "status": enc(r.status),
            "nit": enc(r.nit), "nfev": enc(r.nfev),
        })

    add("exp@1", "exp", 1.0)
    add("sin@0", "sin", 0.0)
    add("exp@1 right", "exp", 1.0, step_direction=1)
    add("exp@1 left", "exp", 1.0, step_direction=-1)
    add("exp@1 rtol=1e-30", "exp", 1.0, tolerances={"rtol": 1e-30, "atol": 0})
    add("exp@1 order=2", "exp", 1.0, order=2)
    add("exp@1 order=4", "exp", 1.0, order=4)
    add("exp@1 order=5", "exp", 1.0, order=5)
    add("cube@2 atol=1e-12", "cube", 2.0, tolerances={"atol": 1e-12})
    add("exp@1 step 0.1 factor 3", "exp", 1.0, initial_step=0.1, step_factor=3.0)
    add("exp@1 maxiter=1", "exp", 1.0, maxiter=1)
    add("log@0 right", "log", 0.0, step_direction=1)
    add("log@1e-3 central", "log", 1e-3)
    add("log@1e-3 right", "log", 1e-3, step_direction=1)
    add("sqrt@0", "sqrt", 0.0)
    add("inv@0", "inv", 0.0)
    add("exp@nan", "exp", float("nan"))
    add("exp@[1,2,3]", "exp", [1.0, 2.0, 3.0])
    add("sin@grid", "sin", [[0.0, 0.5], [1.0, 1.5]])
    add("cos@[0.5,1] dirs", "cos", [0.5, 1.0, 1.5], step_direction=[-1, 0, 1])
    add("exp@0 initial_step 0", "exp", 0.0, initial_step=0.0)

    jac = []
    for fname, x in [("seed_map", [1.0, 2.0]), ("polar", [2.0, 0.5]), ("r2_to_r3", [1.0, 0.5]),
                     ("rosen2", [-1.2, 1.0]), ("sum_sq", [1.0, 2.0, 3.0])]:
        r = jacobian(VECTOR[fname], np.asarray(x))
        jac.append({"name": f"{fname}@{x}", "f": fname, "x": x, "options": {}, "df": enc(r.df),
                    "error": enc(r.error), "success": enc(r.success), "status": enc(r.status),
                    "nit": enc(r.nit), "nfev": enc(r.nfev)})
    r = jacobian(VECTOR["polar"], np.asarray([2.0, 0.5]), order=4, initial_step=0.25)
    jac.append({"name": "polar order 4", "f": "polar", "x": [2.0, 0.5], "options": {"order": 4, "initialStep": 0.25},
                "df": enc(r.df), "error": enc(r.error), "success": enc(r.success), "status": enc(r.status),
                "nit": enc(r.nit), "nfev": enc(r.nfev)})

    hes = []
    for fname, x in [("rosen2", [-1.2, 1.0]), ("prod3", [2.0, 3.0, 4.0]), ("cos_diff", [0.0, 0.0]),
                     ("exp_mix2", [0.5, -1.0])]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = hessian(VECTOR[fname], np.asarray(x))
        hes.append({"name": f"{fname}@{x}", "f": fname, "x": x, "options": {}, "ddf": enc(r.ddf),
                    "error": enc(r.error), "success": enc(r.success), "status": enc(r.status),
                    "nfev": enc(r.nfev)})
    return {"scipy_version": scipy.__version__, "numpy_version": np.__version__,
            "derivative": cases, "jacobian": jac, "hessian": hes, "derivative_exact_weights": scipy_exact_weight_cases()}


def numdifftools_cases(nd):
    out = {"numdifftools_version": nd.__version__, "numpy_version": np.__version__}

    def full(r):
        return {"estimate": enc(r.estimate), "errorEstimate": enc(r.error_estimate),
                "finalStep": enc(r.final_step)}

    der = []
    for fname, x, kw in [
        ("exp", 1.0, {}), ("exp", 10.0, {}), ("exp", -3.0, {}), ("sin", 0.5, {}), ("cubic", 1.0, {}),
        ("cubic", 1.0, {"n": 2}), ("cubic", 1.0, {"n": 3}), ("quartic", 0.5, {"n": 4}),
        ("quartic", 0.5, {"n": 3, "method": "forward"}), ("sin", 0.5, {"method": "forward"}),
        ("sin", 0.5, {"method": "backward"}), ("sin", 0.5, {"method": "forward", "order": 4}),
        ("sin", 0.5, {"method": "forward", "n": 3}), ("sin", 0.5, {"n": 2}), ("sin", 0.5, {"order": 4}),
        ("sin", 0.5, {"order": 6, "n": 3}), ("exp", 1.0, {"step": 0.1}), ("exp", 1.0, {"step": 0.01, "order": 4}),
        ("exp", 1.0, {"n": 0}), ("log", 2.0, {}), ("sqrt", 1e-3, {}), ("rational", 0.0, {}),
        ("exp", 1.0, {"richardson_terms": 1}), ("exp", 1.0, {"num_steps": 7}), ("exp", 1.0, {"base_step": 0.5}),
        ("cubic", 2.0, {"n": 2, "method": "backward"}), ("cube", 2.0, {"n": 2, "method": "forward", "order": 3}),
        ("sqrt", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], {}),
        ("sqrt", [0.1, 0.4, 0.7, 1.0], {"step": 0.05}), ("sqrt", 1e-3, {"method": "forward"}),
        ("log", 1e-3, {"method": "forward"}), ("log", 0.0, {}), ("inv", 0.0, {}), ("exp", [[1.0, 2.0], [-1.0, 0.0]], {}),
    ]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = nd.Derivative(SCALAR[fname], full_output=True, **kw)(np.asarray(x))
        opts = {{"richardson_terms": "richardsonTerms", "num_steps": "numSteps", "base_step": "baseStep"}.get(k, k): v
                for k, v in kw.items()}
        der.append({"name": f"{fname}@{x} {kw}", "f": fname, "x": x, "options": opts, **full(r)})
    out["Derivative"] = der

    def vec_cases(cls, specs):
        rows = []
        for fname, x, kw in specs:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                r = getattr(nd, cls)(VECTOR[fname], full_output=True, **kw)(np.asarray(x))
            rows.append({"name": f"{fname}@{x} {kw}", "f": fname, "x": x, "options": kw, **full(r)})
        return rows

    out["Gradient"] = vec_cases("Gradient", [("rosen2", [1.0, 1.0], {}), ("rosen2", [-1.2, 1.0], {}),
                                             ("sum_sq", [1.0, 2.0, 3.0], {}), ("exp_mix2", [0.5, -1.0], {}),
                                             ("prod3", [2.0, 3.0, 4.0], {"method": "forward"})])
    out["Jacobian"] = vec_cases("Jacobian", [("seed_map", [1.0, 2.0], {}), ("polar", [2.0, 0.5], {}),
                                             ("r2_to_r3", [1.0, 0.5], {}), ("rosen2", [-1.2, 1.0], {}),
                                             ("polar", [2.0, 0.5], {"method": "backward"})])
    out["Hessdiag"] = vec_cases("Hessdiag", [("prod3", [2.0, 3.0, 4.0], {}), ("rosen2", [-1.2, 1.0], {}),
                                             ("exp_mix2", [0.5, -1.0], {})])
    out["Hessian"] = vec_cases("Hessian", [("rosen2", [1.0, 1.0], {}), ("rosen2", [-1.2, 1.0], {}),
                                           ("cos_diff", [0.0, 0.0], {}), ("prod3", [2.0, 3.0, 4.0], {}),
                                           ("exp_mix2", [0.5, -1.0], {}), ("rosen2", [-1.2, 1.0], {"method": "forward"})])
    dd = []
    for fname, x, vec in [("rosen2", [1.0, 1.0], [1.0, 2.0]), ("exp_mix2", [0.5, -1.0], [3.0, -1.0]),
                          ("prod3", [0.2, 0.3, 0.4], [1.0, 1.0, 1.0])]:
        r = nd.directionaldiff(VECTOR[fname], x, vec, full_output=True)
        dd.append({"name": f"{fname}@{x} along {vec}", "f": fname, "x": x, "vec": vec,
                   "estimate": enc(r.estimate), "errorEstimate": enc(r.error_estimate)})
    out["directionaldiff"] = dd
    return out


def exact_solve(A, b):
    """The exact solution of the float system A x = b (b a vector or a matrix of right-hand sides),
    by Gauss-Jordan in rationals, rounded once (nabla's stencil weights)."""
    from fractions import Fraction
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    B = b.reshape(len(b), -1)
    n, k = len(A), B.shape[1]
    M = [[Fraction(float(v)) for v in row] + [Fraction(float(v)) for v in rhs] for row, rhs in zip(A, B)]
    for c in range(n):
        p = next(r for r in range(c, n) if M[r][c] != 0)
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c] / M[c][c]
                M[r] = [a - f * bb for a, bb in zip(M[r], M[c])]
    return np.array([[float(M[r][n + j] / M[r][r]) for j in range(k)] for r in range(n)]).reshape(b.shape)


def exact_pinv(M):
    """The exact inverse of the float matrix, rounded once (what nabla computes)."""
    return exact_solve(M, np.eye(len(M)))


def scipy_exact_weight_cases():
    """scipy.differentiate.derivative with np.linalg.solve replaced by exact_solve, at scalar x on
    functions JS evaluates bit-identically: nabla must match df, error, nit, nfev exactly."""
    import scipy.differentiate._differentiate as sd
    saved = sd.np.linalg.solve
    sd.np.linalg.solve = exact_solve
    try:
        rows = []
        for fname, x, kw in [("cubic", 0.7, {}), ("cube", 2.0, {}), ("inv", 0.5, {}), ("sqrt", 2.0, {}),
                             ("rational", 0.0, {}), ("sqrt", 2.0, {"step_direction": 1}),
                             ("sqrt", 2.0, {"step_direction": -1}), ("inv", 0.5, {"order": 4}),
                             ("sqrt", 0.3, {"order": 6, "step_factor": 3.0, "initial_step": 0.1}),
                             ("sqrt", 0.3, {"tolerances": {"rtol": 1e-30, "atol": 0}}),
                             ("quartic", 1.5, {"order": 2}), ("sqrt", 0.01, {"step_direction": 1, "order": 5})]:
            r = derivative(SCALAR[fname], x, **kw)
            opts = {}
            for k, v in kw.items():
                key = {"initial_step": "initialStep", "step_factor": "stepFactor", "step_direction": "stepDirection"}.get(k, k)
                opts[key] = v
            rows.append({"name": f"{fname}@{x} {kw}", "f": fname, "x": x, "options": opts, "df": enc(r.df),
                         "error": enc(r.error), "status": enc(r.status), "nit": enc(r.nit), "nfev": enc(r.nfev)})
        return rows
    finally:
        sd.np.linalg.solve = saved


def numdifftools_exact_rule_cases(nd):
    """numdifftools with pinv replaced by exact_pinv, on functions whose values JS computes
    bit-identically (+ - * / and sqrt): nabla must reproduce these to the last bit. Points have
    |x| < 1 (so the nominal step needs no log, which V8 and glibc round differently) and n <= 2
    (h**n for n >= 3 goes through pow, which numpy and V8 round differently)."""
    import types
    import numdifftools.extrapolation as ex
    import numdifftools.finite_difference as fdm
    saved = ex.linalg, fdm.linalg
    ex.linalg = types.SimpleNamespace(pinv=exact_pinv)
    fdm.linalg = types.SimpleNamespace(pinv=exact_pinv)
    fdm.FD_RULES.clear()
    try:
        out = {}
        rows = []
        for fname, x, kw in [
            ("cubic", 1.0, {}), ("cubic", 1.0, {"n": 2}), ("cubic", 0.5, {"n": 2, "order": 4}),
            ("quartic", 0.5, {"n": 2, "method": "forward"}), ("rational", 0.0, {}), ("inv", 0.5, {"order": 4}),
            ("sqrt", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], {}), ("sqrt", 0.6, {"method": "forward"}),
            ("cube", 0.7, {"n": 2, "method": "backward"}), ("sqrt", 1e-3, {}), ("inv", 0.0, {}),
            ("sqrt", 0.3, {"richardson_terms": 3}), ("sqrt", 0.3, {"step": 0.01, "order": 6}),
            ("cube", -0.4, {"method": "backward", "order": 3}), ("sqrt", 0.8, {"n": 0}),
        ]:
            r = nd.Derivative(SCALAR[fname], full_output=True, **kw)(np.asarray(x))
            opts = {{"richardson_terms": "richardsonTerms"}.get(k, k): v for k, v in kw.items()}
            rows.append({"name": f"{fname}@{x} {kw}", "f": fname, "x": x, "options": opts,
                         "estimate": enc(r.estimate), "errorEstimate": enc(r.error_estimate),
                         "finalStep": enc(r.final_step), "bestIndex": enc(np.ravel(r.best_index)[0]) if np.ndim(x) == 0 else None})
        out["Derivative"] = rows
        for cls, specs in [("Gradient", [("rosen2", [-0.6, 0.8]), ("prod3", [0.2, 0.3, 0.4])]),
                           ("Jacobian", [("poly_map", [0.5, -0.25])]),
                           ("Hessdiag", [("rosen2", [-0.6, 0.8]), ("prod3", [0.2, 0.3, 0.4])]),
                           ("Hessian", [("rosen2", [-0.6, 0.8]), ("prod3", [0.2, 0.3, 0.4]), ("poly_sum", [0.5, -0.25])])]:
            rows = []
            for fname, x in specs:
                f = VECTOR[fname] if fname != "poly_sum" else (lambda v: v[0] * v[0] * v[1] - v[1] / 3)
                kw = {"method": "forward"} if fname == "poly_sum" else {}
                r = getattr(nd, cls)(f, full_output=True, **kw)(np.asarray(x))
                rows.append({"name": f"{fname}@{x} {kw}", "f": fname, "x": x, "options": kw,
                             "estimate": enc(r.estimate), "errorEstimate": enc(r.error_estimate),
                             "finalStep": enc(r.final_step)})
            out[cls] = rows
        return out
    finally:
        ex.linalg, fdm.linalg = saved
        fdm.FD_RULES.clear()


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "scipy.json"), "w") as fh:
        json.dump(scipy_cases(), fh, indent=1)
    try:
        import numdifftools as nd
    except ImportError:
        print("numdifftools not importable: keeping test/fixtures/numdifftools.json")
        return
    with open(os.path.join(OUT, "numdifftools.json"), "w") as fh:
        json.dump(numdifftools_cases(nd), fh, indent=1)
    with open(os.path.join(OUT, "numdifftools-exact-rules.json"), "w") as fh:
        json.dump(numdifftools_exact_rule_cases(nd), fh, indent=1)


if __name__ == "__main__":
    main()
