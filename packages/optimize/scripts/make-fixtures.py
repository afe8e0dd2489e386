"""Regenerates the optimize test fixtures with the machine's scipy (1.17) and numpy (2.4).

  python3 packages/optimize/scripts/make-fixtures.py

Writes test/fixtures/optimize.scipy.json (every method on the golden problems, with scipy's
counts, solution and status), test/fixtures/optimize.argsort.json (np.argsort on arrays with
ties: numpy's order of tied values, which Nelder-Mead's vertex sort reproduces) and
test/problems.ts (the golden problems' JS functions). The
problems come from test/fixtures/optimize.minimize.json (a copy of the shared golden file).
"""
import json
import re
import math
import os
import warnings

import numpy as np
import sympy as sp
from scipy.optimize import minimize, rosen, rosen_der, rosen_hess

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "test", "fixtures")
golden = json.load(open(os.path.join(FIX, "optimize.minimize.json")))
problems = golden["functions"]


def js_to_python(src):
    """The golden problems' JavaScript bodies are plain arithmetic: translate them, so that the
    Python reference evaluates the same expressions (same rounding) as the TypeScript tests."""
    body = src.split("=>", 1)[1].strip()
    assert body.startswith("{") and body.endswith("}")
    body = body[1:-1]
    body = re.sub(r"\(\((.*?)\) \? \((.*?)\) : \((.*?)\)\)", r"((\2) if (\1) else (\3))", body)
    for js, py in [("Math.pow(", "pow("), ("Math.exp(", "math.exp("), ("Math.sqrt(", "math.sqrt("),
                   ("Math.atan(", "math.atan("), ("Math.PI", "math.pi")]:
        body = body.replace(js, py)
    stmts = [t.strip() for t in body.split(";") if t.strip()]
    lines = []
    for t in stmts:
        if t.startswith("const "):
            lines.append("    " + t[len("const "):])
        elif t.startswith("return "):
            lines.append("    return " + t[len("return "):])
        else:
            raise ValueError(t)
    ns = {"math": math}
    exec("def fn(x):\n" + "\n".join(lines), ns)
    return ns["fn"]


def sympy_problem(name):
    p = problems[name]
    n = p["n"]
    xs = sp.symbols(" ".join(f"x_{i}" for i in range(n)))
    if n == 1:
        xs = (xs,)
    expr = sp.sympify(p["f"], locals={f"x_{i}": xs[i] for i in range(n)})
    g = [sp.diff(expr, v) for v in xs]
    h = [[sp.diff(gi, v) for v in xs] for gi in g]
    f_ = js_to_python(p["js"]["f"])
    g_ = js_to_python(p["js"]["grad"])
    h_ = js_to_python(p["js"]["hess"])

    def safe(fn, shape):
        # math overflows raise in Python; JavaScript returns Infinity, so mirror that
        def call(x):
            try:
                return np.array(fn(list(x)), dtype=float) if shape else float(fn(list(x)))
            except OverflowError:
                return np.full(shape, np.inf) if shape else math.inf
        return call

    return safe(f_, ()), safe(g_, (n,)), safe(h_, (n, n)), p["x0"]


PROBLEMS = {}
for name in ["beale", "helical_valley", "himmelblau", "jennrich_sampson", "powell_singular", "wood"]:
    PROBLEMS[name] = sympy_problem(name)
PROBLEMS["rosen2"] = (rosen, rosen_der, rosen_hess, [-1.2, 1.0])
PROBLEMS["rosen2b"] = (rosen, rosen_der, rosen_hess, [1.0, 0.0])
PROBLEMS["rosen5"] = (rosen, rosen_der, rosen_hess, [1.3, 0.7, 0.8, 1.9, 1.2])
PROBLEMS["rosen10"] = (rosen, rosen_der, rosen_hess, [(-1.2 if i % 2 == 0 else 1.0) for i in range(10)])

METHODS = [
    ("Nelder-Mead", False, False), ("Powell", False, False), ("CG", True, False), ("BFGS", True, False),
    ("BFGS", False, False), ("L-BFGS-B", True, False), ("L-BFGS-B", False, False), ("Newton-CG", True, True),
    ("dogleg", True, True), ("trust-ncg", True, True), ("trust-exact", True, True), ("trust-krylov", True, True),
]


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def record(res):
    out = {"x": [num(v) for v in res.x], "fun": num(res.fun), "success": bool(res.success),
           "status": int(res.status), "message": str(res.message)}
    for k in ("nit", "nfev", "njev", "nhev"):
        if k in res:
            out[k] = int(res[k])
    return out


cases = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for pname, (f, g, h, x0) in PROBLEMS.items():
        for method, usejac, usehess in METHODS:
            kw = {"method": method}
            if usejac:
                kw["jac"] = g
            if usehess:
                kw["hess"] = h
            res = minimize(f, x0, **kw)
            cases.append({"problem": pname, "method": method, "jac": usejac, "hess": usehess,
                          "x0": x0, "expected": record(res)})
    bounded = [("rosen2", [[-2.0, 0.5], [-1.0, 2.0]]), ("rosen5", [[0.0, 0.9]] * 5),
               ("beale", [[0.0, 2.5], [0.0, 0.4]]), ("wood", [[-2.0, 0.9], [-2.0, 2.0], [-2.0, 2.0], [-2.0, 2.0]])]
    for pname, bounds in bounded:
        f, g, h, x0 = PROBLEMS[pname]
        for method, usejac in [("L-BFGS-B", True), ("L-BFGS-B", False), ("Nelder-Mead", False), ("Powell", False)]:
            kw = {"method": method, "bounds": bounds}
            if usejac:
                kw["jac"] = g
            res = minimize(f, x0, **kw)
            cases.append({"problem": pname, "method": method, "jac": usejac, "hess": False, "x0": x0,
                          "bounds": bounds, "expected": record(res)})

# special problems (the TypeScript tests define the same functions under these names)
SPECIAL_FUNS = {
    "square": (lambda x: (x ** 2).sum(), lambda x: 2 * x),
    "abs": (lambda x: np.abs(x).sum(), None),
    "nanRight": (lambda x: np.nan if x[0] > 2 else (x[0] - 3) ** 2, None),
    "nan": (lambda x: np.nan, None),
    "expNeg": (lambda x: -np.exp(x[0]), None),
    "saddle": (lambda x: x[0] ** 2 - x[1] ** 2 + x[1] ** 4,
               lambda x: np.array([2 * x[0], -2 * x[1] + 4 * x[1] ** 3])),
}
saddle_hess = lambda x: np.array([[2.0, 0.0], [0.0, -2 + 12 * x[1] ** 2]])
SPECIALS = [
    ("square", [3.0], {"method": "BFGS", "jac": True}),
    ("abs", [1.0, -2.0], {}),
    ("nanRight", [0.0], {}),
    ("nan", [0.0, 1.0], {"method": "Nelder-Mead"}),
    ("expNeg", [0.0], {}),
    ("saddle", [1.0, 0.1], {"method": "dogleg", "jac": True, "hess": True}),
    ("saddle", [1.0, 0.1], {"method": "trust-exact", "jac": True, "hess": True}),
    ("saddle", [1.0, 0.1], {"method": "trust-ncg", "jac": True, "hess": True}),
]
specials = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for name, x0, kw in SPECIALS:
        f, g = SPECIAL_FUNS[name]
        kw2 = dict(kw)
        if kw.get("jac"):
            kw2["jac"] = g
        if kw.get("hess"):
            kw2["hess"] = saddle_hess
        res = minimize(f, x0, **kw2)
        specials.append({"name": name, "x0": x0, "options": kw, "expected": record(res)})
    for maxiter in (5,):
        res = minimize(rosen, [1.0, 0.0], options={"maxiter": maxiter})
        specials.append({"name": "rosen", "x0": [1.0, 0.0], "options": {"options": {"maxiter": maxiter}},
                         "expected": record(res)})

# printed results (repr) for layouts whose keys scipy and nabla share
reprs = {
    "dogleg": repr(minimize(rosen, [1.0, 0.0], jac=rosen_der, hess=rosen_hess, method="dogleg")),
    "trust-exact": repr(minimize(rosen, [-1.2, 1.0], jac=rosen_der, hess=rosen_hess, method="trust-exact")),
    "Powell": repr(minimize(rosen, [-1.2, 1.0], method="Powell")),
    "CG-rosen10": repr(minimize(rosen, PROBLEMS["rosen10"][3], jac=rosen_der, method="CG")),
}

json.dump({"scipy": __import__("scipy").__version__, "numpy": np.__version__, "cases": cases,
           "specials": specials, "reprs": reprs},
          open(os.path.join(FIX, "optimize.scipy.json"), "w"), indent=1)

# the golden problems' JavaScript, as a typed module for the tests
lines = ["// Generated by scripts/make-fixtures.py from fixtures/optimize.minimize.json (golden problems).",
         "/* eslint-disable */", "type Vec = ArrayLike<number>;", "", "export const problems = {"]
for name, p in problems.items():
    js = p["js"]
    lines.append(f"  {json.dumps(name)}: {{")
    lines.append(f"    n: {js['n']},")
    for key in ("f", "grad", "hess"):
        lines.append(f"    {key}: {js[key].replace('(x) =>', '(x: Vec) =>', 1)},")
    lines.append("  },")
lines.append("};")
open(os.path.join(HERE, "..", "test", "problems.ts"), "w").write("\n".join(lines) + "\n")
print(len(cases), "cases")

# np.argsort's order of ties (x86-simd-sort's bitonic network on AVX-512 machines)
rng = np.random.default_rng(7)
argsort_cases = []
for trial in range(240):
    n = int(rng.integers(2, 257)) if trial % 2 else int(rng.integers(2, 34))
    a = rng.integers(0, int(rng.integers(1, 6)), n).astype(float)
    if trial % 7 == 0:
        a[rng.integers(0, n, 2)] = np.inf
    if trial % 11 == 0:
        a = np.sort(a)
    if trial % 13 == 0:
        a[rng.integers(0, n)] = -0.0
    argsort_cases.append({"a": [v if np.isfinite(v) else "Infinity" for v in a.tolist()],
                          "argsort": np.argsort(a).tolist()})
json.dump({"numpy": np.__version__, "cases": argsort_cases},
          open(os.path.join(FIX, "optimize.argsort.json"), "w"), separators=(",", ":"))
