"""Regenerates test/fixtures/ndarray.random.json: numpy's default_rng streams for a few seeds,
which nabla's random.defaultRng reproduces exactly for random, uniform and integers.

Run from the package directory: python3 scripts/make-fixtures-random.py
"""

import json
import os

import numpy as np

cases = []
for seed in [0, 1, 42, 12345, 2**40 + 7, [1, 2, 3], [2**33, 5]]:
    rng = np.random.default_rng(seed)
    calls = []

    def record(method, args, options, value):
        calls.append({"method": method, "args": args, "options": options, "expected": value})

    record("random", [5], {}, rng.random(5).tolist())
    record("random", [], {}, float(rng.random()))
    record("uniform", [-2.0, 3.0, 4], {}, rng.uniform(-2.0, 3.0, 4).tolist())
    record("integers", [0, 10, 6], {}, rng.integers(0, 10, 6).tolist())
    record("integers", [10], {}, int(rng.integers(10)))
    record("integers", [-100, 100, 4], {"endpoint": True}, rng.integers(-100, 100, 4, endpoint=True).tolist())
    record("integers", [0, 2**40, 3], {"dtype": "float64"}, [float(v) for v in rng.integers(0, 2**40, 3)])
    record("integers", [0, 2**32, 2], {"dtype": "float64"}, [float(v) for v in rng.integers(0, 2**32, 2)])
    record("integers", [5, 2**31 - 1, [2, 2]], {}, rng.integers(5, 2**31 - 1, (2, 2)).tolist())
    record("random", [[2, 3]], {}, rng.random((2, 3)).tolist())
    record("permutation", [10], {}, rng.permutation(10).tolist())
    record("permutation", [[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]], {}, rng.permutation(np.arange(6.0).reshape(3, 2)).tolist())
    shuffled = np.arange(9.0)
    rng.shuffle(shuffled)
    record("shuffle", [list(range(9))], {}, shuffled.tolist())
    record("choice", [5, 6], {}, rng.choice(5, 6).tolist())
    record("choice", [[1.5, 2.5, 3.5]], {}, float(rng.choice([1.5, 2.5, 3.5])))
    record("choice", [3, 5], {"p": [0.1, 0.3, 0.6]}, rng.choice(3, 5, p=[0.1, 0.3, 0.6]).tolist())
    record("choice", [20, 5], {"replace": False}, rng.choice(20, 5, replace=False).tolist())
    record("choice", [20, 5], {"replace": False, "shuffle": False}, rng.choice(20, 5, replace=False, shuffle=False).tolist())
    p6 = [0.1, 0.2, 0.3, 0.1, 0.2, 0.1]
    record("choice", [6, 4], {"replace": False, "p": p6}, rng.choice(6, 4, replace=False, p=p6).tolist())
    record("choice", [20000, 1000], {"replace": False}, rng.choice(20000, 1000, replace=False).tolist())
    record("random", [], {}, float(rng.random()))
    cases.append({"seed": seed, "calls": calls})

out = {
    "function": "ndarray.random.defaultRng",
    "reference": "numpy.random.default_rng",
    "numpy_version": np.__version__,
    "cases": cases,
}
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "test", "fixtures", "ndarray.random.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(cases)} seeds to {os.path.normpath(path)}")
