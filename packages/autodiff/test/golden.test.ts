import { readFileSync } from "node:fs";
import { NDArray } from "@nabla/ndarray";
import { describe, expect, it } from "vitest";
import {
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  np,
  type Tracer,
  valueAndGrad,
  vjp,
} from "../src/index.js";

// Reference cases computed with sympy (exact derivatives) and jax's IEEE semantics at 0; the
// Python source of each function is in the fixture, its JS transcription here.
type Fn = (x: Tracer) => unknown;
const M = [
  [4.0, 1.0, 0.0],
  [1.0, 3.0, 1.0],
  [0.0, 1.0, 2.0],
];
const A = [
  [1.0, 2.0, 0.0],
  [0.0, -1.0, 3.0],
  [2.0, 0.0, 1.0],
];
const functions: Record<string, Fn> = {
  babylonian_sqrt: (x) => {
    let t = np.divide(np.add(1, x), 2);
    for (let i = 0; i < 12; i++) t = np.divide(np.add(t, np.divide(x, t)), 2);
    return t;
  },
  cubic_poly: (x) => x.pow(3).sub(x.mul(2)).add(1),
  exp: (x) => np.exp(x),
  exp_mix2: (X) => {
    const [a, b] = X;
    return np.add(np.exp(a.mul(b)), np.log(a.pow(2).add(b.pow(2)).add(1)));
  },
  gauss: (x) => np.exp(np.divide(np.negative(x.pow(2)), 2)),
  himmelblau: (X) => {
    const [a, b] = X;
    return a
      .pow(2)
      .add(b)
      .sub(11)
      .pow(2)
      .add(a.add(b.pow(2)).sub(7).pow(2));
  },
  inv_pow: (x) => x.pow(-1.5),
  log1p_sq: (x) => np.log(np.add(1, x.pow(2))),
  logistic: (x) => np.divide(1, np.add(1, np.exp(np.negative(x)))),
  logsumexp4: (x) => np.log(np.sum(np.exp(x))),
  nested_trig: (x) => np.sin(np.cos(np.sin(x))),
  norm3: (x) => np.sqrt(np.sum(x.pow(2))),
  prod3: (X) => {
    const [a, b, c] = X;
    return a.mul(b).mul(c);
  },
  quadform3: (x) =>
    np.add(np.multiply(0.5, np.sum(x.mul(np.dot(M, x)))), np.sum(np.dot([[1.0, -2.0, 0.5]], x))),
  rational: (x) => np.divide(x.pow(2).add(1), x.sub(3)),
  rosen2: (X) => {
    const [a, b] = X;
    return np.add(np.multiply(100, b.sub(a.pow(2)).pow(2)), np.subtract(1, a).pow(2));
  },
  rosen_vec4: (x) => {
    const hi = x.slice("1:");
    const lo = x.slice(":-1");
    return np.sum(np.add(np.multiply(100, hi.sub(lo.pow(2)).pow(2)), np.subtract(1, lo).pow(2)));
  },
  rube_goldberg_sqrt: (x) => np.exp(np.divide(np.log(x), 2)),
  rube_goldberg_sqrt2: (x) => np.sqrt(np.exp(np.log(x))),
  sin_exp: (x) => np.sin(x).mul(np.exp(x)),
  sin_exp_log3: (x) => np.add(np.sum(np.sin(x).mul(np.exp(x))), np.log(np.sum(x.pow(2)))),
  sqrt: (x) => np.sqrt(x),
  sqrt_of_square: (x) => np.sqrt(x.mul(x)),
  sqrt_pow: (x) => x.pow(0.5),
  square: (x) => x.pow(2),
  sum_sin3: (x) => np.sum(np.sin(x)),
  tanh: (x) => np.tanh(x),
  x_sin_inv: (x) => x.mul(np.sin(np.divide(1, x))),
  affine_tanh3: (x) => np.add(np.dot(A, x), np.tanh(x)),
  elementwise3: (x) => np.sin(x).mul(x),
  polar: (X) => {
    const [r, t] = X;
    return np.stack([r.mul(np.cos(t)), r.mul(np.sin(t))]);
  },
  r2_to_r3: (X) => {
    const [a, b] = X;
    return np.stack([a.mul(b), a.add(b), np.exp(a.sub(b))]);
  },
  seed_map: (X) => {
    const [a, b] = X;
    return np.stack([a.pow(2).mul(b), np.multiply(5, a).add(np.sin(b))]);
  },
  spherical: (X) => {
    const [r, th, ph] = X;
    return np.stack([
      r.mul(np.sin(th)).mul(np.cos(ph)),
      r.mul(np.sin(th)).mul(np.sin(ph)),
      r.mul(np.cos(th)),
    ]);
  },
};

interface GoldenCase {
  name: string;
  args: unknown[];
  expected: unknown;
  rtol: number;
  atol: number;
}

function load(name: string): { functions: Record<string, unknown>; cases: GoldenCase[] } {
  return JSON.parse(
    readFileSync(new URL(`./fixtures/autodiff.${name}.json`, import.meta.url), "utf8"),
  );
}

function decode(v: unknown): unknown {
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "nan") return Number.NaN;
  if (Array.isArray(v)) return v.map(decode);
  return v;
}

function input(v: unknown): number | NDArray {
  const d = decode(v);
  return typeof d === "number" ? d : np.array(d as number[]);
}

function flatNumbers(v: unknown): number[] {
  if (typeof v === "number") return [v];
  if (v instanceof NDArray)
    return (v.ndim === 0 ? [v.item()] : (v.toArray() as unknown[])).flat(Infinity as 1) as number[];
  if (Array.isArray(v)) return v.flatMap(flatNumbers);
  throw new Error(`unexpected result ${String(v)}`);
}

function expectClose(
  actual: unknown,
  expected: unknown,
  rtol: number,
  atol: number,
  label: string,
): void {
  const a = flatNumbers(actual);
  const e = flatNumbers(decode(expected));
  expect(a.length, label).toBe(e.length);
  a.forEach((x, i) => {
    const y = e[i];
    if (Number.isNaN(y)) expect(Number.isNaN(x), `${label}[${i}] = ${x}, expected NaN`).toBe(true);
    else if (!Number.isFinite(y)) expect(x, `${label}[${i}]`).toBe(y);
    else
      expect(
        Math.abs(x - y) <= atol + rtol * Math.abs(y),
        `${label}[${i}] = ${x}, expected ${y}`,
      ).toBe(true);
  });
}

function fnOf(c: GoldenCase): Fn {
  const id = (c.args[0] as { $fn: string }).$fn;
  const f = functions[id];
  if (!f) throw new Error(`no JS transcription of ${id}`);
  return f;
}

describe("golden (sympy) derivatives", () => {
  it("every fixture function has a JS transcription", () => {
    for (const name of ["grad", "valueAndGrad", "jvp", "vjp", "jacfwd", "jacrev", "hessian"]) {
      for (const id of Object.keys(load(name).functions)) expect(functions[id], id).toBeDefined();
    }
  });

  for (const c of load("grad").cases) {
    it(`grad ${c.name}`, () =>
      expectClose(grad(fnOf(c))(input(c.args[1])), c.expected, c.rtol, c.atol, c.name));
  }
  for (const c of load("valueAndGrad").cases) {
    it(`valueAndGrad ${c.name}`, () =>
      expectClose(valueAndGrad(fnOf(c))(input(c.args[1])), c.expected, c.rtol, c.atol, c.name));
  }
  for (const c of load("jvp").cases) {
    it(`jvp ${c.name}`, () =>
      expectClose(
        jvp(fnOf(c), [input(c.args[1])], [input(c.args[2])]),
        c.expected,
        c.rtol,
        c.atol,
        c.name,
      ));
  }
  for (const c of load("vjp").cases) {
    it(`vjp ${c.name}`, () => {
      const [out, pull] = vjp(fnOf(c), input(c.args[1]));
      expectClose([out, pull(input(c.args[2]))[0]], c.expected, c.rtol, c.atol, c.name);
    });
  }
  for (const c of load("jacfwd").cases) {
    it(`jacfwd ${c.name}`, () =>
      expectClose(jacfwd(fnOf(c))(input(c.args[1])), c.expected, c.rtol, c.atol, c.name));
  }
  for (const c of load("jacrev").cases) {
    it(`jacrev ${c.name}`, () =>
      expectClose(jacrev(fnOf(c))(input(c.args[1])), c.expected, c.rtol, c.atol, c.name));
  }
  for (const c of load("hessian").cases) {
    it(`hessian ${c.name}`, () =>
      expectClose(hessian(fnOf(c))(input(c.args[1])), c.expected, c.rtol, c.atol, c.name));
  }
});
