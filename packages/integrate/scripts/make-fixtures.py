"""Regenerates the scipy reference fixtures of @nabla/integrate (numpy 2.4, scipy 1.17).

Run from the repository root:  python3 packages/integrate/scripts/make-fixtures.py
Every integrand here has a twin of the same name in test/integrands.ts. Integrands built only
from + - * / sqrt abs (marked "bitwise") evaluate identically in numpy and JS, so for them the
QUADPACK port must reproduce scipy's value, abserr, neval and last exactly.
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import integrate

warnings.simplefilter("ignore")
np.seterr(all="ignore")
F = np.float64
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures")

# name -> (python function of x, bitwise reproducible in JS)
INTEGRANDS = {
    "x2": (lambda x: x * x, True),
    "sqrt": (lambda x: np.sqrt(x), True),
    "inv_sqrt": (lambda x: 1 / np.sqrt(x), True),
    "inv_x": (lambda x: 1 / x, True),
    "inv_x2": (lambda x: 1 / (x * x), True),
    "abs_third": (lambda x: abs(x - 1 / 3), True),
    "abs_03": (lambda x: abs(x - 0.3), True),
    "inv_sqrt_abs_03": (lambda x: 1 / np.sqrt(abs(x - 0.3)), True),
    "inv_abs_third": (lambda x: 1 / abs(x - 1 / 3), True),
    "abs_third_m075": (lambda x: 1 / np.sqrt(abs(x - 1 / 3) * np.sqrt(abs(x - 1 / 3))), True),
    "abs_01_m075": (lambda x: 1 / np.sqrt(abs(x - 0.1) * np.sqrt(abs(x - 0.1))), True),
    "abs_third_pow09": (lambda x: abs(x - 1 / 3) ** -0.9, False),
    "peak4": (lambda x: 1 / ((x - 0.5) * (x - 0.5) + 1e-4), True),
    "peak6": (lambda x: 1 / ((x - 0.5) * (x - 0.5) + 1e-6), True),
    "peak8": (lambda x: 1 / ((x - 0.5) * (x - 0.5) + 1e-8), True),
    "runge": (lambda x: 1 / (1 + 25 * x * x), True),
    "lorentz": (lambda x: 1 / (x * x + 1), True),
    "quartic": (lambda x: 1 / (1 + x * x * x * x), True),
    "x_lin": (lambda x: x, True),
    "step0": (lambda x: 1.0 if x <= 0 else 0.0, True),
    "kinks": (lambda x: abs(x - 0.2) + abs(x - 0.5) + abs(x - 0.7), True),
    "nan": (lambda x: np.nan, True),
    "nan_half": (lambda x: np.nan if x > 0.5 else 1.0, True),
    "affine": (lambda x, a, b: a * x + b, True),
    "sin": (lambda x: np.sin(x), False),
    "log": (lambda x: np.log(x), False),
    "exp_neg": (lambda x: np.exp(-x), False),
    "gauss": (lambda x: np.exp(-x * x), False),
    "cos50": (lambda x: np.cos(50 * x), False),
    "cos100": (lambda x: np.cos(100 * x), False),
    "cos1000": (lambda x: np.cos(1000 * x), False),
    "exp_cos": (lambda x: np.exp(np.cos(x)), False),
    "log_over_sqrt": (lambda x: np.log(x) / np.sqrt(x), False),
    "chirp": (lambda x: np.sin(1e4 * x * x), False),
    "sin_inv": (lambda x: np.sin(1 / x), False),
    "x_exp_neg": (lambda x: x * np.exp(-x), False),
}

INF = math.inf
QUAD_CASES = [
    # (integrand, a, b, options)
    ("x2", 0, 4, {}),
    ("x2", 4, 0, {}),
    ("x2", 0, 1, {"epsabs": 0, "epsrel": 2e-14}),
    ("sqrt", 0, 1, {}),
    ("sqrt", 0, 1, {"epsabs": 0, "epsrel": 2e-14}),
    ("inv_sqrt", 0, 1, {}),
    ("inv_sqrt", 1, 0, {}),
    ("inv_x", 0, 1, {}),
    ("inv_x", 0, 1, {"limit": 200}),
    ("inv_x", -1, 1, {}),
    ("inv_x2", 0, 1, {}),
    ("abs_third", 0, 1, {"limit": 1}),
    ("abs_third", 0, 1, {}),
    ("abs_03", 0, 1, {"epsabs": 0, "epsrel": 2e-14}),
    ("inv_sqrt_abs_03", 0, 1, {}),
    ("inv_abs_third", 0, 1, {"limit": 200}),
    ("abs_third_m075", 0, 1, {"epsabs": 0, "epsrel": 2e-14, "limit": 1000}),
    ("abs_third_m075", 0, 1, {}),
    ("abs_01_m075", 0, 1, {"epsabs": 0, "epsrel": 2e-14}),
    ("abs_third_pow09", 0, 1, {"epsabs": 0, "epsrel": 2e-14, "limit": 1000}),
    ("peak4", 0, 1, {}),
    ("peak6", 0, 1, {}),
    ("peak8", 0, 1, {}),
    ("peak8", 0, 1, {"limit": 10}),
    ("runge", -1, 1, {}),
    ("runge", -1, 1, {"epsabs": 1e-3, "epsrel": 0}),
    ("step0", -1, 100, {}),
    ("step0", -1, 10000, {}),
    ("lorentz", 0, INF, {}),
    ("lorentz", -INF, 0, {}),
    ("lorentz", -INF, INF, {}),
    ("lorentz", INF, -INF, {}),
    ("quartic", -INF, INF, {}),
    ("quartic", 2, INF, {}),
    ("inv_x2", 1, INF, {}),
    ("inv_x", 1, INF, {}),
    ("x_lin", 0, INF, {}),
    ("nan", 0, 1, {}),
    ("nan_half", 0, 1, {}),
    ("nan", 0, INF, {}),
    ("affine", 0, 1, {"args": [2, 3]}),
    ("sin", 0, math.pi, {}),
    ("log", 0, 1, {}),
    ("exp_neg", 0, INF, {}),
    ("gauss", -INF, INF, {}),
    ("gauss", -INF, 1, {}),
    ("cos50", 0, 1, {}),
    ("cos100", 0, 1, {}),
    ("cos1000", 0, 1, {}),
    ("cos1000", 0, 1, {"limit": 500}),
    ("exp_cos", 0, 2 * math.pi, {}),
    ("log_over_sqrt", 0, 1, {}),
    ("chirp", 0, 1, {}),
    ("sin_inv", 0, 1, {}),
    ("x_exp_neg", 0, INF, {}),
    # break points (QAGP)
    ("abs_03", 0, 1, {"points": [0.3]}),
    ("abs_03", 1, 0, {"points": [0.3]}),
    ("inv_sqrt_abs_03", 0, 1, {"points": [0.3]}),
    ("kinks", 0, 1, {"points": [0.2, 0.5, 0.7]}),
    ("kinks", 0, 1, {"points": [0.7, 0.2, 0.5, 0.5, 3.0, -1.0]}),
    ("kinks", 0, 1, {"points": []}),
    ("kinks", 0, 1, {}),
    ("abs_third", 0, 1, {"points": [0.5]}),
    ("abs_third", 0, 1, {"points": [0.25, 0.5], "limit": 3}),
    ("peak8", 0, 1, {"points": [0.5]}),
    ("inv_abs_third", 0, 1, {"points": [0.2]}),
]


def num(v):
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    if v == INF:
        return "inf"
    if v == -INF:
        return "-inf"
    return float(v)


IER_BY_TEXT = [(1, "maximum number"), (2, "roundoff error is detected, which"),
               (3, "Extremely bad"), (4, "does not converge"), (5, "divergent")]


def run_quad(name, a, b, options):
    fn, bitwise = INTEGRANDS[name]
    opts = {k: v for k, v in options.items() if k != "args"}
    args = tuple(options.get("args", ()))
    r = integrate.quad(lambda x, *p: fn(F(x), *p), a, b, args=args, full_output=1, **opts)
    ier = 0
    if len(r) > 3:
        ier = next(i for i, text in IER_BY_TEXT if text in r[3])
    info = r[2]
    last = int(info["last"])
    case = {
        "name": f"quad {name} [{a}, {b}] {options}",
        "integrand": name, "a": num(a), "b": num(b), "options": options,
        "value": num(r[0]), "abserr": num(r[1]), "neval": int(info["neval"]),
        "last": last, "ier": ier, "bitwise": bitwise,
        # Past limit//2 + 2 entries QUADPACK stops maintaining iord (scipy leaves memory unset).
        "iord": [int(i) for i in info["iord"][:min(last, options.get("limit", 50) // 2 + 2)]],
        "alist": [num(x) for x in info["alist"][:last]],
        "blist": [num(x) for x in info["blist"][:last]],
    }
    return case


def dump(name, data):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump({"scipy_version": scipy.__version__, "numpy_version": np.__version__, **data}, f, indent=1)
    print("wrote", path)


dump("quad.hard.json", {"cases": [run_quad(*c) for c in QUAD_CASES]})

# Random peaked/kinked rational integrands: f(x) = 1 / ((x - c)^2 + d) + e |x - k|, evaluated the
# same way in JS, on finite, half-infinite and infinite ranges, with and without break points.
prng = np.random.default_rng(2026)
RANDOM = []
for i in range(60):
    c, k = prng.uniform(-1, 2, 2)
    d = 10.0 ** prng.uniform(-9, 0)
    e = float(prng.choice([0.0, 1.0, 3.0]))
    kind = i % 4
    a, b = sorted(prng.uniform(-2, 3, 2))
    if kind == 2:
        b = INF
    elif kind == 3:
        a, b = -INF, INF
        e = 0.0
    opts = {}
    if prng.uniform() < 0.3:
        opts["epsabs"] = float(10.0 ** prng.uniform(-13, -4))
        opts["epsrel"] = float(10.0 ** prng.uniform(-12, -4))
    if prng.uniform() < 0.3:
        opts["limit"] = int(prng.integers(3, 200))
    if kind == 1:
        opts["points"] = sorted({float(c), float(k)})
        opts["limit"] = max(opts.get("limit", 50), 3)
    params = [float(c), float(d), e, float(k)]
    fn = lambda x, c=c, d=d, e=e, k=k: 1 / ((x - c) * (x - c) + d) + e * abs(x - k)
    r = integrate.quad(lambda x: fn(F(x)), a, b, full_output=1, **opts)
    ier = 0 if len(r) == 3 else next(j for j, text in IER_BY_TEXT if text in r[3])
    RANDOM.append({"params": params, "a": num(a), "b": num(b), "options": opts,
                   "value": num(r[0]), "abserr": num(r[1]), "neval": int(r[2]["neval"]),
                   "last": int(r[2]["last"]), "ier": ier})
dump("quad.random.json", {"integrand": "1 / ((x - c) * (x - c) + d) + e * abs(x - k)", "cases": RANDOM})

# ---- multiple integrals ------------------------------------------------------------------
MULTI = []


def multi(name, kind, call, **extra):
    r = call()
    MULTI.append({"name": name, "kind": kind, "value": num(r[0]), "abserr": num(r[1]),
                  **({"neval": int(r[2]["neval"])} if len(r) > 2 else {}), **extra})


multi("disk", "dblquad", lambda: integrate.dblquad(lambda y, x: 1, -1, 1,
      lambda x: -np.sqrt(1 - x**2), lambda x: np.sqrt(1 - x**2)))
multi("polar", "dblquad", lambda: integrate.dblquad(lambda rho, theta: rho, 0, 2 * np.pi, 0, 1))
multi("xy", "dblquad", lambda: integrate.dblquad(lambda y, x: x * y, 0, 1, 0, 2))
multi("xy2_tri", "dblquad", lambda: integrate.dblquad(lambda y, x: x * y**2, 0, 2, lambda x: 0, lambda x: x))
multi("axy_args", "dblquad", lambda: integrate.dblquad(lambda y, x, a: a * x * y, 0, 1,
      lambda x: x, lambda x: 2 - x, args=(3,)))
multi("gauss2", "dblquad", lambda: integrate.dblquad(lambda y, x: np.exp(-(x * x + y * y)),
      -np.inf, np.inf, -np.inf, np.inf))
multi("xy_tol", "dblquad", lambda: integrate.dblquad(lambda y, x: 1 / np.sqrt(x * y), 0, 1, 0, 1,
      epsabs=1e-10, epsrel=1e-10))
multi("xyz", "tplquad", lambda: integrate.tplquad(lambda z, y, x: x * y * z, 0, 1, 0, 2, 0, 3))
multi("simplex", "tplquad", lambda: integrate.tplquad(lambda z, y, x: 1, 0, 1, lambda x: 0,
      lambda x: 1 - x, lambda x, y: 0, lambda x, y: 1 - x - y))
multi("ball", "tplquad", lambda: integrate.tplquad(lambda z, y, x: 1, -1, 1,
      lambda x: -np.sqrt(1 - x**2), lambda x: np.sqrt(1 - x**2),
      lambda x, y: -np.sqrt(max(0, 1 - x**2 - y**2)), lambda x, y: np.sqrt(max(0, 1 - x**2 - y**2))))
multi("xyz_skew", "tplquad", lambda: integrate.tplquad(lambda z, y, x: x + y * z, 0, 1,
      lambda x: x, 2, lambda x, y: x * y, lambda x, y: x + y))
multi("nquad_xy", "nquad", lambda: integrate.nquad(lambda x, y: x * y, [[0, 1], [0, 2]], full_output=True))
multi("nquad_fn_ranges", "nquad", lambda: integrate.nquad(
    lambda x0, x1, x2: x0 * x2 * x2 + np.sin(x1) + 1,
    [lambda x1, x2: [x1 + x2 - 1, x1 + x2 + 1], lambda x2: [x2 - 1, x2 + 1], [-1, 1]],
    full_output=True))
multi("nquad_points", "nquad", lambda: integrate.nquad(
    lambda x0, x1: abs(x0 - x1), [[0, 1], [0, 1]],
    opts=[lambda x1: {"points": [x1]}, {}], full_output=True))
multi("nquad_opts", "nquad", lambda: integrate.nquad(
    lambda x0, x1: 1 / np.sqrt(x0 + x1), [[0, 1], [0, 1]],
    opts={"epsabs": 1e-12, "epsrel": 1e-12, "limit": 100}, full_output=True))
multi("nquad_1d", "nquad", lambda: integrate.nquad(lambda x: x * x, [[0, 4]], full_output=True))
multi("nquad_4d", "nquad", lambda: integrate.nquad(lambda a, b, c, d: a * b + c * d, [[0, 1]] * 4,
      full_output=True))
multi("nquad_args", "nquad", lambda: integrate.nquad(lambda x, y, t: x * y * t,
      [lambda y, t: [0, t], [0, 1]], args=(2,), full_output=True))
dump("multi.json", {"cases": MULTI})

# ---- sampled data ------------------------------------------------------------------------
rng = np.random.default_rng(7)
SAMPLED = []


def sampled(fn, y, x=None, **kw):
    y = np.asarray(y, dtype=float)
    args = [y] if x is None else [y, np.asarray(x, dtype=float)]
    r = getattr(integrate, fn)(*args, **kw)
    SAMPLED.append({"function": fn, "y": y.tolist(), "yshape": list(y.shape),
                    **({} if x is None else {"x": np.asarray(x, dtype=float).tolist(),
                                              "xshape": list(np.shape(x))}),
                    "options": kw, "expected": np.asarray(r).tolist(),
                    "shape": list(np.shape(r))})


for n in [1, 2, 3, 4, 5, 6, 7, 8, 10]:
    xs = np.sort(rng.uniform(0, 2, n))
    ys = np.sin(3 * xs) + xs
    for fn in ["trapezoid", "simpson", "cumulative_trapezoid"]:
        if fn == "cumulative_trapezoid" and n < 1:
            continue
        sampled(fn, ys)
        sampled(fn, ys, xs)
        sampled(fn, ys, dx=0.25)
sampled("cumulative_trapezoid", [1.0, 2.0, 3.0], initial=0)
sampled("cumulative_trapezoid", [4.0], initial=0)
Y = rng.normal(size=(3, 4, 6))
X1 = np.sort(rng.uniform(0, 1, 6))
for fn in ["trapezoid", "simpson", "cumulative_trapezoid"]:
    for axis in [0, 1, 2, -1]:
        sampled(fn, Y, axis=axis)
        sampled(fn, Y, dx=0.5, axis=axis)
    sampled(fn, Y, X1, axis=-1)
    sampled(fn, Y, np.sort(rng.uniform(0, 1, (3, 4, 6)), axis=1), axis=1)
    sampled(fn, Y, np.sort(rng.uniform(0, 1, 4)), axis=1)
    sampled(fn, Y[0], np.sort(rng.uniform(0, 1, 4)), axis=0)
sampled("cumulative_trapezoid", Y, axis=1, initial=0)
sampled("trapezoid", Y, np.sort(rng.uniform(0, 1, (1, 4, 1)), axis=1), axis=1)
for k in [0, 1, 2, 3, 4]:
    n = 2**k + 1
    sampled("romb", np.exp(np.linspace(0, 1, n)))
    sampled("romb", np.exp(np.linspace(0, 1, n)), dx=1 / (n - 1))
R = rng.normal(size=(5, 9))
sampled("romb", R, axis=0)
sampled("romb", R, axis=1, dx=0.125)
sampled("romb", R)
dump("sampled.json", {"cases": SAMPLED})

# ---- fixed_quad --------------------------------------------------------------------------
FIXED = []
for n in [1, 2, 3, 4, 5, 8, 20, 50]:
    FIXED.append({"integrand": "x8", "a": 0.0, "b": 1.0, "n": n,
                  "value": float(integrate.fixed_quad(lambda x: x**8, 0.0, 1.0, n=n)[0])})
    FIXED.append({"integrand": "cos", "a": 0.0, "b": math.pi / 2, "n": n,
                  "value": float(integrate.fixed_quad(np.cos, 0.0, math.pi / 2, n=n)[0])})
    FIXED.append({"integrand": "exp", "a": 2.0, "b": -1.0, "n": n,
                  "value": float(integrate.fixed_quad(np.exp, 2.0, -1.0, n=n)[0])})
x, w = scipy.special.roots_legendre(7)
vec = integrate.fixed_quad(lambda x: np.array([x, x**2, np.sin(x)]), 0.0, 2.0, n=7)[0]
dump("fixed_quad.json", {"cases": FIXED, "vector": {"a": 0.0, "b": 2.0, "n": 7, "value": vec.tolist()},
                         "legendre7": {"x": x.tolist(), "w": w.tolist()}})
