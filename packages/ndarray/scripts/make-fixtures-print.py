"""Regenerates test/fixtures/ndarray.printing.generated.json: numpy's repr() and str() of many
arrays (and a few print options), for the character-for-character printing tests.

Run from the package directory with the machine's python3 (numpy 2.x):
    python3 scripts/make-fixtures-print.py
"""

import json
import math
import os

import numpy as np


def encode(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
    return v


cases = []


def case(name, a, options=None):
    a = np.asarray(a)
    options = options or {}
    # numpy's option names: same as ours except for nothing (we keep numpy's spelling)
    with np.printoptions(**options):
        r = repr(a)
        s = str(a)
    cases.append(
        {
            "name": name,
            "data": [encode(v) for v in a.ravel().tolist()],
            "dtype": str(a.dtype),
            "shape": list(a.shape),
            "options": options,
            "repr": r,
            "str": s,
        }
    )


# the seed lecture's D matrix (first-order edges: forward/backward second-order formulas)
x, h = np.linspace(0.1, 1, 10, retstep=True)
D = np.zeros((len(x), len(x)))
D += np.diag(np.ones(len(x) - 1) / (2 * h), 1)
D += np.diag(-np.ones(len(x) - 1) / (2 * h), -1)
D[0, 0:3] = np.array([1, -2, 2]) / h**2
D[-1, -3:] = np.array([1, -2, 1]) / h**2
case("lecture D matrix", D)
case("lecture jacobian", np.array([[0.5, 0.25], [5.0, np.cos(0.5)]]))
case("lecture x linspace", x)
case("lecture y sqrt", x**0.5)

case("2000 elements summarised", np.arange(2000.0))
case("2000 sin summarised", np.sin(np.arange(2000.0)))
case("2-D summarised rows", np.arange(2000.0).reshape(1000, 2))
case("2-D summarised both", np.arange(40000.0).reshape(200, 200))
case("3-D summarised", np.arange(3000, dtype=np.int32).reshape(10, 10, 30))
case("int32 summarised", np.arange(1001, dtype=np.int32))
case("bool summarised", np.arange(1200) % 3 == 0)

case("3-D float", np.arange(24.0).reshape(2, 3, 4) / 3)
case("3-D int32", np.arange(24, dtype=np.int32).reshape(2, 3, 4) - 12)
case("4-D float", np.arange(16.0).reshape(2, 2, 2, 2))
case("3-D bool", (np.arange(12) % 2 == 0).reshape(2, 3, 2))
case("float32 thirds", np.array([1 / 3, 2 / 3, 1.1, 100.25], dtype=np.float32))
case("float32 sci cutoff", np.array([1e6, 1.0], dtype=np.float32))
case("float32 tiny", np.array([1e-30, 3.4e38], dtype=np.float32))
case("float32 0.1", np.array([0.1, 0.2, 0.7], dtype=np.float32))
case("int32 negative", np.array([-2147483648, 0, 2147483647], dtype=np.int32))
case("int32 wraps", np.arange(40, dtype=np.int32) * 1000)
case("bool 2-D", np.array([[True, False], [False, True]]))
case("negative zero", np.array([-0.0, 1.0]))
case("only negative zero", np.array([-0.0]))
case("zeros", np.zeros(3))
case("tiny and huge", np.array([1e-300, 1e300]))
case("exponent three digits", np.array([1e100, 1.0, -2.5e-120]))
case("subnormal", np.array([5e-324, 1.0]))
case("ratio 1000", np.array([1.0, 1000.0]))
case("ratio 1001", np.array([1.0, 1001.0]))
case("1e-4 boundary", np.array([1e-4, 2e-4]))
case("below 1e-4", np.array([9.9999e-5, 1e-4]))
case("1e8 boundary", np.array([99999999.0, 1.0]))
case("mixed sci digits", np.array([12345678.9, 1.0]))
case("half-even tie 2^-9", np.array([0.001953125]))
case("half-even tie sci", np.array([1234567885.0, 1.0]))
case("rounds up to one", np.array([0.999999999, 0.5]))
case("pi multiples", np.pi * np.arange(1, 8))
case("e powers", np.exp(np.arange(-3.0, 4.0)))
case("negative mixed", np.array([-1.5, 2.25, -1000.0, 0.0]))
case("nan inf", np.array([np.nan, 1.0, -np.inf]))
case("all nan", np.array([np.nan, np.nan]))
case("nan inf only", np.array([np.nan, np.inf, -np.inf]))
case("inf with sci", np.array([np.inf, 1e-10, 1.0]))
case("nan 2-D", np.array([[np.nan, 1.5], [2.0, np.inf]]))
case("large integers", np.array([1e7, 2e7 + 1]))
case("1/7 grid", np.arange(30.0) / 7)
case("str wraps 6 per line", np.arange(13.0) / 7)
case("arange 25 ints", np.arange(25, dtype=np.int32))
case("arange 25 floats", np.arange(25.0))
case("column", np.arange(5.0).reshape(5, 1))
case("row", np.arange(5.0).reshape(1, 5))
case("empty 2-D", np.zeros((0, 3)))
case("empty int32", np.zeros(0, dtype=np.int32))
case("empty 3-0", np.zeros((3, 0)))
case("0-d float", np.array(3.14159))
case("0-d one", np.array(1.0))
case("0-d big", np.array(1e16))
case("0-d small", np.array(1e-5))
case("0-d 1e15", np.array(1e15))
case("0-d 0.0001", np.array(0.0001))
case("0-d neg", np.array(-2.5))
case("0-d nan", np.array(np.nan))
case("0-d int32", np.array(7, dtype=np.int32))
case("0-d bool", np.array(True))
case("0-d float32", np.array(1.1, dtype=np.float32))
case("0-d thirds", np.array(1 / 3))
case("wide int32 dtype on new line", np.arange(17, dtype=np.int32) * 1000000)
case("wide float32 dtype on new line", np.linspace(0, 1, 8, dtype=np.float32) + np.float32(10))

rng = np.random.default_rng(12345)
for i in range(12):
    scale = 10.0 ** rng.integers(-6, 9)
    n = int(rng.integers(1, 40))
    case(f"random floats {i}", rng.standard_normal(n) * scale)
for i in range(4):
    case(f"random 2-D {i}", rng.standard_normal((int(rng.integers(1, 8)), int(rng.integers(1, 12)))))
for i in range(3):
    case(f"random float32 {i}", rng.standard_normal(9).astype(np.float32) * np.float32(10.0 ** (3 * i - 3)))

case("precision 3", np.array([np.pi, np.e, 1 / 3]), {"precision": 3})
case("precision 0", np.array([1.5, 2.5, 3.49]), {"precision": 0})
case("suppress", np.array([1e-10, 1.0, -1e-9]), {"suppress": True})
case("suppress tiny", np.array([1e-5, 1.0]), {"suppress": True})
case("linewidth 40", np.arange(20.0) / 3, {"linewidth": 40})
case("threshold 10", np.arange(20.0), {"threshold": 10})
case("edgeitems 1", np.arange(2000.0).reshape(40, 50), {"edgeitems": 1})
for p in range(4):
    case(f"dyadic ties, precision {p}", np.arange(1, 40) / 16 * (-1.0) ** np.arange(1, 40), {"precision": p})
case("scientific ties, precision 2", np.array([3.125e-2, 1e5, -6.25e-3, 2.5e7 + 0.5]), {"precision": 2})
case("scientific integer ties", np.array([1234567885.0, 2.5e-5, 98765432150.0]))
case("nanstr infstr", np.array([np.nan, np.inf, 1.0]), {"nanstr": "NaN", "infstr": "Inf"})

out = {
    "function": "ndarray.printing",
    "reference": "numpy.ndarray.__repr__ / __str__",
    "numpy_version": np.__version__,
    "cases": cases,
}
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "test", "fixtures", "ndarray.printing.generated.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
