"""Regenerates packages/interpolate/test/fixtures/interpolate.extra.json with numpy/scipy.

Run from the repository root:  python3 packages/interpolate/scripts/make-fixtures.py
The interpolate.<function>.json files next to it are copies of the shared golden data.
"""
import json
import os

import numpy as np
import scipy
from scipy.interpolate import (Akima1DInterpolator, BSpline, CubicHermiteSpline, CubicSpline,
                               PchipInterpolator, PPoly, interp1d, make_interp_spline)

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "interpolate.extra.json")


def enc(v):
    """JSON-safe nested lists; inf/nan as strings (golden convention)."""
    a = np.asarray(v, dtype=float)
    if a.ndim == 0:
        f = float(a)
        return "nan" if np.isnan(f) else "inf" if f == np.inf else "-inf" if f == -np.inf else f
    return [enc(x) for x in a]


cases = {}
x5 = np.arange(5.0)
y5 = np.sin(x5)
xn = [0.5, 1.5, 2.5, 3.7]

# the seed lecture: x = linspace(0.1, 1, 10), y = sqrt(x) + fixed noise (a seeded normal(0, 0.005))
lx = np.linspace(0.1, 1, 10)
noise = np.random.default_rng(20240101).normal(0, 0.005, size=lx.shape)
ly = lx**0.5 + noise
af = interp1d(lx, ly, kind="cubic", bounds_error=False, fill_value="extrapolate")
xfit = np.linspace(0.1, 1, 100)
cases["lecture"] = {
    "x": enc(lx), "y": enc(ly), "noise": enc(noise),
    "at": [0.4, 0.5], "values": enc(af([0.4, 0.5])), "at3": enc(af(3)),
    "xfit": enc(xfit), "fit": enc(af(xfit)),
    # derivative through the spline interp1d builds (a not-a-knot cubic B-spline)
    "derivative": enc(af._spline.derivative()(lx)),
    "cubicSplineDerivative": enc(CubicSpline(lx, ly).derivative()(xfit)),
}

# every interp1d kind on the ALGORITHMS.md data, with integer orders, extrapolation and fills
kinds = {}
for kind in ["linear", "nearest", "nearest-up", "zero", "slinear", "quadratic", "cubic", "previous", "next", 1, 2, 3, 4, 5]:
    f = interp1d(x5 if kind not in (4, 5) else np.arange(7.0), np.sin(x5 if kind not in (4, 5) else np.arange(7.0)), kind=kind)
    kinds[str(kind)] = {"at": xn, "values": enc(f(xn))}
    try:
        fe = interp1d(x5, y5, kind=kind, fill_value="extrapolate") if kind not in (4, 5) else None
        if fe is not None:
            kinds[str(kind)]["extrapolated"] = enc(fe([-1.0, 5.0]))
    except Exception as e:  # noqa: BLE001
        kinds[str(kind)]["extrapolateError"] = str(e)
cases["kinds"] = kinds
cases["unsorted"] = enc(interp1d([3, 1, 2], [30, 10, 20])(1.5))
cases["duplicates"] = enc(interp1d([0, 1, 1, 2], [0, 1, 2, 3])([0.5, 1, 1.5]))

# N-D y with axis
Y = np.stack([np.sin(x5), np.cos(x5), x5**2])  # shape (3, 5): x runs along axis 1 (= -1)
xq = np.array([[0.25, 1.75], [2.5, 3.9]])
nd = {}
for kind in ["linear", "nearest", "cubic", "previous"]:
    nd[kind] = enc(interp1d(x5, Y, kind=kind)(xq))
nd["axis0"] = enc(interp1d(x5, Y.T, kind="quadratic", axis=0)(xq))
Y3 = np.arange(2 * 5 * 3, dtype=float).reshape(2, 5, 3) ** 1.5
nd["axis1_3d"] = enc(interp1d(x5, Y3, kind="cubic", axis=1)([0.5, 3.25]))
nd["fill_nd"] = enc(interp1d(x5, Y.T, axis=0, bounds_error=False, fill_value=(np.array([-1, -2, -3.]), 9.0))([-1, 2.5, 7]))
cases["nd"] = {"Y": enc(Y), "xq": enc(xq), "Y3": enc(Y3), **nd}

# CubicSpline: boundary conditions, derivatives, antiderivative, integrate, roots, N-D
cs = {}
for name, bc in [("not-a-knot", "not-a-knot"), ("natural", "natural"), ("clamped", "clamped"),
                 ("mixed", ((1, 0.5), (2, -1.0))), ("mixedNames", ("natural", (1, 2.0)))]:
    s = CubicSpline(x5, y5, bc_type=bc)
    cs[name] = {
        "values": enc(s(xn)), "d1": enc(s(xn, 1)), "d2": enc(s(xn, 2)), "d3": enc(s(xn, 3)),
        "extrapolated": enc(s([-1.5, 5.5])), "c": enc(s.c),
        "anti": enc(s.antiderivative()(xn)), "anti2": enc(s.antiderivative(2)(xn)),
        "integral": enc(s.integrate(0.3, 3.3)), "integralRev": enc(s.integrate(3.3, -0.4)),
        "roots": enc(s.roots()), "solveHalf": enc(s.solve(0.5)), "rootsNoExt": enc(s.roots(extrapolate=False)),
    }
xp = np.linspace(0, 2 * np.pi, 7)
sp = CubicSpline(xp, np.sin(xp) * 0 + np.sin(xp).round(15), bc_type="periodic")
cs["periodic"] = {"x": enc(xp), "y": enc(np.sin(xp).round(15)), "values": enc(sp([1.0, 7.0, -2.0, 13.0])),
                  "d1": enc(sp([1.0, 7.0], 1)), "integral": enc(sp.integrate(-1, 15.0)), "integralShort": enc(sp.integrate(5.0, 7.0))}
sp4 = CubicSpline([0, 1, 2, 3], [1, 2, 0, 1], bc_type="periodic")
cs["periodic4"] = enc(sp4([0.5, 1.5, 2.5, 3.5]))
cs["periodic3"] = enc(CubicSpline([0, 1, 3], [1, 2, 1], bc_type="periodic")([0.5, 2.0]))
cs["two"] = enc(CubicSpline([0, 2], [1, 5])([0.5, 3]))
cs["three"] = enc(CubicSpline([0, 1, 2], [0, 1, 4])([1.5, -1]))
# two points with every end condition: a 2x2 system, where a first-derivative end beside a long
# interval makes LAPACK exchange rows (y with one and with two columns)
two_bcs = {"clamped": "clamped", "natural": "natural", "periodic": "periodic",
           "slopeCurv": ((1, 0.3), (2, 0.7)), "curvSlope": ((2, -1.5), (1, 2.0)),
           "slopes": ((1, 0.3), (1, -0.2)), "knotSlope": ("not-a-knot", (1, 0.3))}
cs["twoBC"] = {}
for name, bc in two_bcs.items():
    y2 = [1.0, 1.0] if name == "periodic" else [0.0, 1.0]
    s1 = CubicSpline([0.0, 3.0], y2, bc_type=bc)
    yc = np.array([y2, [2.0, -1.0] if name != "periodic" else [2.0, 2.0]]).T
    bc2 = bc if isinstance(bc, str) else tuple(
        b if isinstance(b, str) else (b[0], [b[1], 2 * b[1]]) for b in bc)
    s2 = CubicSpline([0.0, 3.0], yc, bc_type=bc2)
    cs["twoBC"][name] = {"y": enc(y2), "c": enc(s1.c), "values": enc(s1([-1.0, 0.5, 2.0, 4.0])),
                         "y2": enc(yc), "c2": enc(s2.c)}
cs["threeNatural"] = enc(CubicSpline([0, 1, 3], [0, 1, 4], bc_type="natural")([1.5, 2.5]))
ynd = np.stack([y5, np.cos(x5)], axis=1)  # (5, 2)
sn = CubicSpline(x5, ynd)
cs["nd"] = {"y": enc(ynd), "values": enc(sn(xq)), "integral": enc(sn.integrate(0, 4)),
            "roots": [enc(r) for r in sn.roots()]}
sna = CubicSpline(x5, ynd.T, axis=1, bc_type=((1, [0.0, 1.0]), "natural"))
cs["ndAxis1"] = enc(sna(xq))
cs["noExtrapolate"] = enc(CubicSpline(x5, y5, extrapolate=False)([-1, 2, 5]))
cs["nonuniform"] = {"x": [0, 0.3, 1.1, 1.2, 2.9, 4], "values": enc(CubicSpline([0, 0.3, 1.1, 1.2, 2.9, 4], np.exp(-np.array([0, 0.3, 1.1, 1.2, 2.9, 4])))(np.linspace(-0.5, 4.5, 11)))}
cases["CubicSpline"] = cs

# Pchip / Akima / makima / Hermite
cases["Pchip"] = {
    "values": enc(PchipInterpolator(x5, y5)(np.linspace(-1, 5, 13))),
    "steps": enc(PchipInterpolator([0, 1, 2, 3, 4, 5], [0, 0, 1, 1, 3, 2])(np.linspace(0, 5, 11))),
    "d2": enc(PchipInterpolator(x5, y5)(xn, 2)),
    "two": enc(PchipInterpolator([0, 1], [1, 3])([0.5, 2])),
    "nd": enc(PchipInterpolator(x5, ynd)(xn)),
    "integral": enc(PchipInterpolator(x5, y5).integrate(0.2, 3.9)),
}
ak = {}
for method in ["akima", "makima"]:
    a = Akima1DInterpolator(x5, y5, method=method)
    ak[method] = {"values": enc(a(np.linspace(-1, 5, 13))), "d1": enc(a(xn, 1)),
                  "extrapolated": enc(Akima1DInterpolator(x5, y5, method=method, extrapolate=True)([-1, 5]))}
ak["flat"] = enc(Akima1DInterpolator([0, 1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 2, 2, 2])(np.linspace(0, 6, 13)))
ak["makimaFlat"] = enc(Akima1DInterpolator([0, 1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 2, 2, 2], method="makima")(np.linspace(0, 6, 13)))
ak["nd"] = enc(Akima1DInterpolator(x5, ynd)(xn))
ak["two"] = enc(Akima1DInterpolator([0, 1], [1, 3])([0.5]))
cases["Akima"] = ak
cases["Hermite"] = enc(CubicHermiteSpline([0, 1, 3], [0, 1, 0], [1, 0, -1])([0.5, 2, 4]))

# makeInterpSpline: every degree, boundary conditions, methods
x8 = np.arange(8.0)
y8 = np.sin(x8)
xq8 = [-0.5, 0.5, 2.25, 6.3, 7.5]
mis = {}
for k in range(6):
    b = make_interp_spline(x8, y8, k=k)
    entry = {"t": enc(b.t), "c": enc(b.c), "values": enc(b(xq8)), "integral": enc(b.integrate(0.5, 6.5)),
             "integralNoExt": enc(b.integrate(-1, 9, extrapolate=False)), "integralExt": enc(b.integrate(-1, 9))}
    if k >= 1:
        entry["d1"] = enc(b(xq8, 1))
        entry["derivative"] = enc(b.derivative()(xq8))
    entry["anti"] = enc(b.antiderivative()(xq8))
    entry["ppoly"] = enc(PPoly.from_spline(b)(xq8))
    mis[str(k)] = entry
for name, bc in [("natural", "natural"), ("clamped", "clamped"), ("explicit", ([(1, 0.5)], [(2, -0.25)])),
                 ("explicitTwo", ([(1, 1.0), (2, 0.0)], [(1, 0.0)]))]:
    try:
        k = 3 if name != "explicitTwo" else 4
        b = make_interp_spline(x8, y8, k=k, bc_type=bc)
        mis[name] = {"k": k, "values": enc(b(xq8)), "t": enc(b.t)}
    except Exception as e:  # noqa: BLE001
        mis[name] = {"error": str(e)}
mis["quintic_clamped"] = enc(make_interp_spline(x8, y8, k=5, bc_type=([(1, 0.0), (2, 0.0)], [(1, 0.0), (2, 0.0)]))(xq8))
mis["nd"] = enc(make_interp_spline(x5, ynd, k=3)(xq))
mis["ndAxis"] = enc(make_interp_spline(x5, ynd.T, k=2, axis=1)(xq))
b3 = make_interp_spline(x8, y8)
mis["noExt"] = enc(BSpline(b3.t, b3.c, 3, extrapolate=False)([-1, 3, 8]))
mis["periodicEval"] = enc(BSpline(b3.t, b3.c, 3, extrapolate="periodic")([-1, 3, 8.5]))
mis["hat"] = enc(BSpline([0, 0, 1, 2, 2], [0, 1, 0], 1)([0.5, 1, 1.5]))
cases["makeInterpSpline"] = mis

# PPoly directly
pp = PPoly(np.array([[1, -4, 3], [1, 0, 0]]).T, [-2, 1, 2])
cases["PPoly"] = {
    "roots": enc(pp.roots()), "values": enc(pp([-2.5, 0, 1, 1.5, 3])),
    "integral": enc(pp.integrate(-2, 2)),
    "quartic": enc(PPoly([[1], [0], [-5], [0], [4]], [-3, 3]).roots()),
    "quarticSolve": enc(PPoly([[1], [0], [-5], [0], [4]], [-3, 3]).solve(1.5)),
    "zeroPiece": enc(PPoly([[0, 1], [0, -1]], [0, 1, 2]).roots()),
    "jump": enc(PPoly([[-1, 1]], [0, 1, 2]).roots()),
    "jumpNoDiscont": enc(PPoly([[-1, 1]], [0, 1, 2]).roots(discontinuity=False)),
    "descending": enc(PPoly([[1, 2], [3, 4]], [3, 2, 0])([2.5, 1, -1])),
    "descendingIntegral": enc(PPoly([[1, 2], [3, 4]], [3, 2, 0]).integrate(0.5, 2.5)),
    "antiderivativeDescending": enc(PPoly([[1, 2], [3, 4]], [3, 2, 0]).antiderivative()([2.5, 1])),
}

meta = {"numpy_version": np.__version__, "scipy_version": scipy.__version__, "cases": cases}
with open(OUT, "w") as fh:
    json.dump(meta, fh, indent=1)
print("wrote", OUT)
