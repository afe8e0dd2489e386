"""Regenerate (or extend) the autodiff golden fixtures with high-precision derivatives.

Each fixture names its functions by their Python source (numpy-style lambdas). This script
evaluates that source through a tiny elementwise vector shim on mpmath numbers (sympy's
arbitrary-precision backend) at 60 digits and differentiates with mpmath.diff, whose
high-order differences at that precision are exact to far beyond float64 (symbolic
differentiation of e.g. 12 Babylonian iterations would be needlessly slow). Cases whose expected value follows
jax's IEEE semantics at a singular point (marked "exact": null, e.g. grad of sqrt at 0) are kept
as they are: sympy has no value there.

Usage: python3 packages/autodiff/scripts/make-fixtures.py [--check]
  --check  only compare the fixtures with the recomputed values (exit 1 on a mismatch)
"""

import json
import pathlib
import sys

import mpmath as mp

mp.mp.dps = 60

HERE = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures"


class Vec:
    """A 1-D vector of sympy expressions with numpy's elementwise arithmetic."""

    def __init__(self, items):
        self.items = list(items)

    def _op(self, other, f):
        if isinstance(other, Vec):
            return Vec(f(a, b) for a, b in zip(self.items, other.items))
        return Vec(f(a, other) for a in self.items)

    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __radd__(self, o): return self._op(o, lambda a, b: b + a)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._op(o, lambda a, b: b * a)
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __rtruediv__(self, o): return self._op(o, lambda a, b: b / a)
    def __pow__(self, o): return self._op(o, lambda a, b: a ** b)
    def __neg__(self): return Vec(-a for a in self.items)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return Vec(self.items[k])
        return self.items[k]


def _map(f):
    return lambda x: Vec(f(a) for a in x.items) if isinstance(x, Vec) else f(x)


class NP:
    exp = staticmethod(_map(mp.exp))
    log = staticmethod(_map(mp.log))
    sin = staticmethod(_map(mp.sin))
    cos = staticmethod(_map(mp.cos))
    tanh = staticmethod(_map(mp.tanh))
    sqrt = staticmethod(_map(mp.sqrt))

    @staticmethod
    def sum(x):
        return mp.fsum(x.items) if isinstance(x, Vec) else x

    @staticmethod
    def dot(m, x):
        return Vec(mp.fsum(mp.mpf(c) * v for c, v in zip(row, x.items)) for row in m)

    @staticmethod
    def stack(xs):
        return Vec(xs)


def build(py, n_in):
    """The function as a map from a list of mpf inputs to a list of mpf outputs."""
    env = {"np": NP}
    if py.startswith("lambda"):
        f = eval(py, env)
    else:
        exec(py, env)
        f = env[py.split("(")[0].split()[-1]]

    def g(*xs):
        out = f(Vec(xs) if n_in > 0 else xs[0])
        return out.items if isinstance(out, Vec) else [out]

    n_out = len(g(*[mp.mpf("0.3") + k for k in range(max(n_in, 1))]))
    return g, max(n_in, 1), n_out


def expected_for(kind, fdef, args):
    g, n, m = build(fdef["py"], fdef["n_in"])
    x = args[1]
    vec_in = isinstance(x, list)
    point = [mp.mpf(repr(float(v))) for v in (x if vec_in else [x])]
    vec_out = fdef["n_out"] > 0
    value_list = [float(v) for v in g(*point)]
    value = value_list if vec_out else value_list[0]

    def d(i, orders):
        return float(mp.diff(lambda *xs: g(*xs)[i], point, orders))

    unit = lambda j: tuple(1 if k == j else 0 for k in range(n))
    J = [[d(i, unit(j)) for j in range(n)] for i in range(m)]
    if kind in ("grad", "jacfwd", "jacrev"):
        rows = [r if vec_in else r[0] for r in J]
        return rows if vec_out else rows[0]
    if kind == "valueAndGrad":
        return [value, J[0] if vec_in else J[0][0]]
    if kind == "hessian":
        H = [[d(0, tuple(unit(a)[k] + unit(b)[k] for k in range(n))) for b in range(n)] for a in range(n)]
        return H if vec_in else H[0][0]
    if kind == "jvp":
        v = args[2] if isinstance(args[2], list) else [args[2]]
        t = [sum(J[i][j] * v[j] for j in range(n)) for i in range(m)]
        return [value, t if vec_out else t[0]]
    if kind == "vjp":
        u = args[2] if isinstance(args[2], list) else [args[2]]
        gr = [sum(u[i] * J[i][j] for i in range(m)) for j in range(n)]
        return [value, gr if vec_in else gr[0]]
    raise ValueError(kind)


def close(a, e, rtol, atol):
    if isinstance(e, list):
        return isinstance(a, list) and len(a) == len(e) and all(close(x, y, rtol, atol) for x, y in zip(a, e))
    if isinstance(e, str):
        return True  # inf / nan: jax semantics, kept as recorded
    return abs(a - e) <= atol + rtol * abs(e)


def main():
    check = "--check" in sys.argv
    bad = 0
    for path in sorted(HERE.glob("autodiff.*.json")):
        kind = path.stem.split(".", 1)[1]
        data = json.loads(path.read_text())
        for case in data["cases"]:
            if case.get("exact", 0) is None:
                continue
            fdef = data["functions"][case["args"][0]["$fn"]]
            want = expected_for(kind, fdef, case["args"])
            if check:
                if not close(want, case["expected"], case["rtol"], case["atol"]):
                    bad += 1
                    print(f"{path.name} {case['name']}: fixture {case['expected']} vs sympy {want}")
            else:
                case["expected"] = want
        if not check:
            path.write_text(json.dumps(data, indent=1) + "\n")
    if check:
        print("mismatches:", bad)
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
