import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSvg } from "../../docs/plots.js";
import { figures } from "../lecture-cells.js";

// Runs `npm run lecture`'s program and checks what it prints against what the lecture printed
// (fixtures/lecture.json, made by examples/scripts/make-fixtures.py: "lecture" is copied from the
// lecture's text, "reference" is numpy/scipy on the same data where the lecture's own data was
// random or its values were only plotted).

const root = fileURLToPath(new URL("../../", import.meta.url));
/** What the lecture printed (`D` and the OptimizeResults as lines, whitespace collapsed). */
interface Lecture {
  h: number;
  D: string[];
  allclose_D: boolean;
  derivative: number[];
  sympy_at: number;
  dfdx_10: number;
  f_of_array: number[];
  vmapped: number[];
  vmap_allclose: boolean;
  vmap_at_zero: string;
  rube_allclose: boolean;
  rube_at_zero: string;
  Jf: number[][];
  An: number[][];
  dblquad_polar: [number, number];
  dblquad_cartesian: [number, number];
  hessian: number[][];
  sol: string[];
  df_at: number[];
  sol_j: string[];
  sol_h: string[];
  hf_at: number[][];
  inv_hess_inv: number[][];
}
/** numpy 2.4 / scipy 1.17 on the same inputs. */
interface Reference {
  D_repr: string;
  gradient_edge2: number[];
  polyfit: number[];
  polyder_polyfit: number[];
  y_noisy: number[];
  af_04_05: number[];
  af_3: number;
  af_xfit: number[];
  gradient_noisy: number[];
  sol_fun: number;
}
const { lecture, reference } = JSON.parse(
  readFileSync(new URL("./fixtures/lecture.json", import.meta.url), "utf8"),
) as { lecture: Lecture; reference: Reference };

interface Cell {
  code: string;
  output: string[];
}

/** Splits the program's output into `> code` cells (output up to the next blank line) and figures. */
function parse(stdout: string): { cells: Cell[]; sequence: string[] } {
  const cells: Cell[] = [];
  const sequence: string[] = [];
  let current: Cell | null = null;
  for (const line of stdout.split("\n")) {
    if (line.startsWith("> ")) {
      current = { code: line.slice(2), output: [] };
      cells.push(current);
      sequence.push(current.code);
    } else if (line.startsWith("[figure ")) {
      sequence.push(line.slice(1, line.indexOf("]")));
      current = null;
    } else if (line.trim() === "") {
      current = null;
    } else if (current !== null) {
      current.output.push(line);
    }
  }
  return { cells, sequence };
}

let cells: Cell[] = [];
let sequence: string[] = [];

beforeAll(() => {
  const stdout = execFileSync(
    `${root}node_modules/.bin/tsx`,
    ["--conditions=@nabla/source", "examples/lecture.ts"],
    { cwd: root, encoding: "utf8" },
  );
  ({ cells, sequence } = parse(stdout));
}, 120_000);

/** The outputs of every cell whose code is `code` (some cells repeat, as in the lecture). */
function outputs(code: string): string[] {
  const found = cells.filter((c) => c.code === code).map((c) => c.output.join("\n"));
  if (found.length === 0) throw new Error(`the lecture printed no cell "> ${code}"`);
  return found;
}
const output = (code: string): string => outputs(code)[0];

/** The numbers in a printed value, in order (`inf` and `nan` included). */
function numbers(text: string): number[] {
  const tokens = text.match(/-?inf|nan|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  return tokens.map((t) =>
    t === "nan" ? Number.NaN : t.endsWith("inf") ? (t[0] === "-" ? -1 : 1) * Infinity : Number(t),
  );
}

/** Asserts |actual - expected| <= tol elementwise (same length; NaN matches NaN). */
function expectClose(actual: number[], expected: number[], tol: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (Number.isNaN(e) || !Number.isFinite(e)) expect(a).toBe(e);
    else expect(Math.abs(a - e), `element ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol);
  });
}

/** An OptimizeResult as printed: whitespace runs collapsed, nabla's hessInv named hess_inv. */
function resultLines(text: string): string[] {
  return text.split("\n").map((l) =>
    l
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^hessInv:/, "hess_inv:"),
  );
}

/** Field name → its printed text (matrices span two lines). */
function fields(lines: string[]): Map<string, string> {
  const map = new Map<string, string>();
  let key = "";
  for (const line of lines) {
    const m = /^(\w+): (.*)$/.exec(line);
    if (m) map.set((key = m[1]), m[2]);
    else map.set(key, `${map.get(key)} ${line}`);
  }
  return map;
}

const ORDER = [
  "x = nd.linspace(0.1, 1, 10); y = nd.power(x, 0.5)",
  "nd.gradient(y, x, { edgeOrder: 2 })",
  "figure docs/guides/plots/gradient.svg",
  "p = nd.polyfit(x, y, 9)",
  "dp = nd.polyder(p); nd.polyval(dp, x)",
  "figure docs/guides/plots/polyfit.svg",
  "[x, h] = nd.linspace(0.1, 1, 10, { retstep: true }); h",
  "D",
  "dydx = nd.matmul(D, y); nd.allclose(dydx, nd.gradient(y, x, { edgeOrder: 2 }))",
  "dfdx = (x, dx) => Derivative(f, { step: dx })(x); dfdx(x)",
  "figure docs/guides/plots/derivative.svg",
  "Derivative(f)(x)",
  "y = nd.add(nd.power(x, 0.5), noise)",
  'af = interp1d(x, y, { kind: "cubic", boundsError: false, fillValue: "extrapolate" }); [af([0.4, 0.5]), af(3)]',
  "figure docs/guides/plots/interp1d.svg",
  "figure docs/guides/plots/interp1d-derivative.svg",
  "nd.gradient(y, x)",
  "figure docs/guides/plots/gradient-noisy.svg",
  "makeJaxpr(grad(f))(0.5)  // sympy: 0.5/x**0.5",
  "grad(f)(0.5)  // sympy: df.subs(x, 0.5)",
  "figure docs/guides/plots/symbolic.svg",
  "autodiff.makeJaxpr(autodiff.grad(f))(0.5)  // sympy: 0.5/x**0.5",
  "grad(f)(0.5)  // sympy: df.subs(x, 0.5)",
  "figure docs/guides/plots/symbolic-namespaced.svg",
  "dfdx = grad((x) => np.power(x, 2)); dfdx(10.0)",
  'dfdx(nd.array([10], { dtype: "int32" }).reshape([]))',
  "dfdx([1.5, 2.0])",
  "dfdx(np.array([1.5, 2.0]))",
  "f(np.array([1.5, 2.0]))",
  "eg = vmap(dfdx); eg(np.array([1.5, 2.0, -2.0, 5.0]))",
  "[1.5, 2.0, -2.0, 5.0].map((x) => dfdx(x))",
  "figure docs/guides/plots/vmap-grad.svg",
  "df = vmap(grad(f)); np.allclose(0.5 * x**-0.5, df(x))",
  "df(np.array([0.0]))",
  "figure docs/guides/plots/rube-goldberg.svg",
  "df = vmap(grad(rubeGoldberg)); np.allclose(0.5 * x**-0.5, df(x))",
  "df(np.array([0.0]))",
  "Jf = jacfwd(f); Jf(np.array([x, y])); An",
  "np.allclose(Jf(np.array([x, y])), An)",
  "dblquad((rho, theta) => np.linalg.det(jf(np.array([rho, theta]))), 0, 2 * Math.PI, 0, 1)",
  "dblquad(() => 1, -1, 1, yl, yu)",
  "hessian(f)(np.array([0.5, 0.5]))",
  "minimize(rosenbrock, [1, 0])",
  "df = grad(rosenbrock); df(np.array([1.0, 0.0]))",
  "minimize(rosenbrock, [1, 0], { jac: df })",
  'minimize(rosenbrock, [1, 0], { jac: df, hess: hf, method: "dogleg" })',
  "hf = hessian(rosenbrock); hf(np.array([1.0, 1.0]))",
  "nd.str(nd.linalg.inv(solJ.hessInv))",
];

describe("npm run lecture", () => {
  it("runs every computation of the lecture, and draws every plt.plot, in the lecture's order", () => {
    expect(sequence).toEqual(ORDER);
  });
});

describe("numpy.gradient and the difference matrix", () => {
  it("np.gradient(y, x, edge_order=2) as numpy", () => {
    expectClose(
      numbers(output("nd.gradient(y, x, { edgeOrder: 2 })")),
      reference.gradient_edge2,
      5e-9,
    );
  });

  it("the derivative of the degree-9 polyfit as numpy", () => {
    // The degree-9 fit solves a Vandermonde least-squares problem of condition ~6e7, so the
    // coefficients may differ from numpy's in their last digits; the derivative values agree to 1e-6.
    const p = numbers(output("p = nd.polyfit(x, y, 9)"));
    expect(p).toHaveLength(10);
    p.forEach((c, i) => {
      expect(Math.abs(c / reference.polyfit[i] - 1)).toBeLessThan(1e-6);
    });
    expectClose(
      numbers(output("dp = nd.polyder(p); nd.polyval(dp, x)")),
      reference.polyder_polyfit,
      1e-6,
    );
  });

  it("h is 0.1 and D prints as the lecture's array, character for character as numpy", () => {
    expect(output("[x, h] = nd.linspace(0.1, 1, 10, { retstep: true }); h")).toBe("0.1");
    expect(Number(output("[x, h] = nd.linspace(0.1, 1, 10, { retstep: true }); h"))).toBe(
      lecture.h,
    );
    expect(output("D")).toBe(reference.D_repr);
    expect(resultLines(output("D"))).toEqual(lecture.D);
  });

  it("D @ y is not allclose to np.gradient (the lecture's end rows are not derivatives)", () => {
    expect(
      output("dydx = nd.matmul(D, y); nd.allclose(dydx, nd.gradient(y, x, { edgeOrder: 2 }))"),
    ).toBe(lecture.allclose_D ? "True" : "False");
  });
});

describe("numdifftools.Derivative and interp1d", () => {
  it("Derivative(f)(x) prints the lecture's array, through the helper too", () => {
    expectClose(numbers(output("Derivative(f)(x)")), lecture.derivative, 5e-9);
    expectClose(
      numbers(output("dfdx = (x, dx) => Derivative(f, { step: dx })(x); dfdx(x)")),
      lecture.derivative,
      5e-9,
    );
  });

  it("the seeded noisy data, and af([0.4, 0.5]), af(3) as scipy's interp1d on that data", () => {
    expectClose(numbers(output("y = nd.add(nd.power(x, 0.5), noise)")), reference.y_noisy, 5e-9);
    const printed = numbers(
      output(
        'af = interp1d(x, y, { kind: "cubic", boundsError: false, fillValue: "extrapolate" }); [af([0.4, 0.5]), af(3)]',
      ),
    );
    expectClose(printed.slice(0, 2), reference.af_04_05, 5e-9);
    // af(3) is extrapolated far out of the data (a cubic 2 units past the last knot).
    expect(Math.abs(printed[2] / reference.af_3 - 1)).toBeLessThan(1e-10);
  });

  it("np.gradient of the noisy data as numpy", () => {
    expectClose(numbers(output("nd.gradient(y, x)")), reference.gradient_noisy, 5e-9);
  });
});

describe("symbolic differentiation, by tracing grad", () => {
  it("the traced derivative program is 0.5 * x**-0.5, the lecture's 0.5/x**0.5", () => {
    for (const code of [
      "makeJaxpr(grad(f))(0.5)  // sympy: 0.5/x**0.5",
      "autodiff.makeJaxpr(autodiff.grad(f))(0.5)  // sympy: 0.5/x**0.5",
    ]) {
      const jaxpr = output(code);
      expect(jaxpr).toMatch(/^\{ lambda ; a:f64\[\]\. let/);
      expect(jaxpr).toMatch(/(\w):f64\[\] = power a -0\.5\n\s+(\w):f64\[\] = multiply 0\.5 \1/);
    }
  });

  it("its value at 0.5 is sympy's 0.707106781186548, in both cells", () => {
    const values = outputs("grad(f)(0.5)  // sympy: df.subs(x, 0.5)").map(Number);
    expect(values).toHaveLength(2);
    // sympy prints 15 significant digits
    for (const v of values) expect(Math.abs(v - lecture.sympy_at)).toBeLessThan(1e-15);
  });
});

describe("grad and vmap", () => {
  it("dfdx(10.0) is 20", () => {
    expect(Number(output("dfdx = grad((x) => np.power(x, 2)); dfdx(10.0)"))).toBe(lecture.dfdx_10);
  });

  it("integer, list and array inputs are refused as jax refuses them, with the fix", () => {
    expect(output('dfdx(nd.array([10], { dtype: "int32" }).reshape([]))')).toMatch(
      /^DTypeError: grad requires real-valued inputs.*got int32/,
    );
    expect(output("dfdx([1.5, 2.0])")).toMatch(/^TypeError: grad: .*np\.array/);
    expect(output("dfdx(np.array([1.5, 2.0]))")).toMatch(
      /^TypeError: grad: the function must return a scalar.*vmap\(grad\(f\)\)/,
    );
  });

  it("f(array), vmap(dfdx) and the list of dfdx as the lecture", () => {
    expectClose(numbers(output("f(np.array([1.5, 2.0]))")), lecture.f_of_array, 0);
    expectClose(
      numbers(output("eg = vmap(dfdx); eg(np.array([1.5, 2.0, -2.0, 5.0]))")),
      lecture.vmapped,
      0,
    );
    expectClose(numbers(output("[1.5, 2.0, -2.0, 5.0].map((x) => dfdx(x))")), lecture.vmapped, 0);
  });

  it("vmap(grad(f)) and the Rube-Goldberg program equal the analytical derivative; inf and nan at 0", () => {
    const flag = (b: boolean) => (b ? "True" : "False");
    expect(output("df = vmap(grad(f)); np.allclose(0.5 * x**-0.5, df(x))")).toBe(
      flag(lecture.vmap_allclose),
    );
    expect(output("df = vmap(grad(rubeGoldberg)); np.allclose(0.5 * x**-0.5, df(x))")).toBe(
      flag(lecture.rube_allclose),
    );
    const [plain, rube] = outputs("df(np.array([0.0]))");
    expect(plain).toBe(`array([${lecture.vmap_at_zero}])`);
    expect(rube).toBe(`array([${lecture.rube_at_zero}])`);
  });
});

describe("jacfwd, dblquad and hessian", () => {
  it("Jf and An print the lecture's matrices, and are allclose", () => {
    const text = output("Jf = jacfwd(f); Jf(np.array([x, y])); An");
    const [jf, an] = text.split("An:");
    expect(jf.startsWith("Jf:")).toBe(true);
    expectClose(numbers(jf), lecture.Jf.flat(), 5e-9);
    expectClose(numbers(an), lecture.An.flat(), 5e-9);
    expect(output("np.allclose(Jf(np.array([x, y])), An)")).toBe("True");
  });

  it("both dblquad calls print scipy's (value, abserr)", () => {
    const polar = numbers(
      output(
        "dblquad((rho, theta) => np.linalg.det(jf(np.array([rho, theta]))), 0, 2 * Math.PI, 0, 1)",
      ),
    );
    const cartesian = numbers(output("dblquad(() => 1, -1, 1, yl, yu)"));
    for (const [printed, expected] of [
      [polar, lecture.dblquad_polar],
      [cartesian, lecture.dblquad_cartesian],
    ] as const) {
      expect(printed).toHaveLength(2);
      expect(Math.abs(printed[0] - expected[0])).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(printed[1] / expected[1] - 1)).toBeLessThan(1e-6);
    }
  });

  it("hessian(f)(0.5, 0.5) is [[2, 0], [0, 2]]", () => {
    expectClose(numbers(output("hessian(f)(np.array([0.5, 0.5]))")), lecture.hessian.flat(), 0);
  });
});

describe("minimize with exact derivatives", () => {
  it("dogleg with grad and hessian prints the lecture's OptimizeResult line for line", () => {
    const printed = resultLines(
      output('minimize(rosenbrock, [1, 0], { jac: df, hess: hf, method: "dogleg" })'),
    );
    expect(printed).toEqual(lecture.sol_h);
  });

  it("BFGS with jac=grad: the lecture's counts, x, jac and hess_inv; fun to 1e-8", () => {
    const printed = fields(resultLines(output("minimize(rosenbrock, [1, 0], { jac: df })")));
    const expected = fields(lecture.sol_j);
    expect([...printed.keys()]).toEqual([...expected.keys()]);
    for (const [key, text] of expected) {
      if (key === "fun") {
        // The lecture: 1.929228318427838e-14; rounding of a 1e-14 residual, see below.
        expect(Math.abs(Number(printed.get(key)) / Number(text) - 1)).toBeLessThan(1e-7);
      } else {
        expect(printed.get(key), key).toBe(text);
      }
    }
  });

  it("BFGS with finite differences: the lecture's counts; fun, jac, hess_inv within rounding", () => {
    // scipy updates BFGS's inverse Hessian with np.dot (OpenBLAS: fused multiply-adds); nabla
    // sums in plain float64. The 1-ulp difference in the second line search moves the iterates
    // by ~1e-8 and the final residual in its 4th digit. scipy with the same plain sums gives
    // nabla's numbers bit for bit (fun 2.1118882108746638e-11).
    const printed = fields(resultLines(output("minimize(rosenbrock, [1, 0])")));
    const expected = fields(lecture.sol);
    expect([...printed.keys()]).toEqual([...expected.keys()]);
    for (const key of ["message", "success", "status", "x", "nit", "nfev", "njev"]) {
      expect(printed.get(key), key).toBe(expected.get(key));
    }
    const fun = Number(printed.get("fun"));
    expect(Math.abs(fun / Number(expected.get("fun")) - 1)).toBeLessThan(1e-3);
    expectClose(numbers(printed.get("jac") ?? ""), numbers(expected.get("jac") ?? ""), 1e-9);
    expectClose(
      numbers(printed.get("hess_inv") ?? ""),
      numbers(expected.get("hess_inv") ?? ""),
      2e-4,
    );
    // scipy 1.17 on this machine prints the lecture's numbers (fixture "reference")
    expect(reference.sol_fun).toBe(Number(expected.get("fun")));
  });

  it("grad and hessian of rosenbrock, and inv(hess_inv), as the lecture", () => {
    expectClose(
      numbers(output("df = grad(rosenbrock); df(np.array([1.0, 0.0]))")),
      lecture.df_at,
      0,
    );
    expectClose(
      numbers(output("hf = hessian(rosenbrock); hf(np.array([1.0, 1.0]))")),
      lecture.hf_at.flat(),
      0,
    );
    // inv() magnifies hess_inv's 1e-11 rounding (above) to the 8th decimal of 802.02588665.
    expectClose(
      numbers(output("nd.str(nd.linalg.inv(solJ.hessInv))")),
      lecture.inv_hess_inv.flat(),
      2e-8,
    );
  });
});

describe("the lecture's figures", () => {
  const all = figures();
  const guide = readFileSync(`${root}docs/guides/lecture.md`, "utf8");

  it("one figure per plt.plot, each printed by the lecture and shown in the guide", () => {
    const printed = sequence.filter((s) => s.startsWith("figure ")).map((s) => s.slice(7));
    expect(all.map((f) => `docs/guides/plots/${f.name}.svg`)).toEqual(printed);
    for (const f of all) {
      expect(guide).toContain(`](plots/${f.name}.svg)`);
      expect(existsSync(`${root}docs/guides/plots/${f.name}.svg`), f.name).toBe(true);
    }
  });

  it("every figure compares finite curves over the lecture's x", () => {
    for (const f of all) {
      expect(f.series.length, f.name).toBeGreaterThanOrEqual(2);
      for (const s of f.series) {
        expect(s.x).toHaveLength(s.y.length);
        expect(s.x.every(Number.isFinite) && s.y.every(Number.isFinite), f.name).toBe(true);
      }
    }
  });

  it("plots the lecture's curves: scipy's interpolant, and autodiff equal to the analytical derivative", () => {
    const byName = new Map(all.map((f) => [f.name, f]));
    const fit = byName.get("interp1d")?.series.find((s) => s.label === "af(xfit)");
    expectClose(fit?.y ?? [], reference.af_xfit, 1e-12);
    for (const name of ["symbolic", "symbolic-namespaced", "vmap-grad", "rube-goldberg"]) {
      const [analytical, derivative] = byName.get(name)?.series ?? [];
      expect(analytical.x).toHaveLength(50); // np.linspace(0.1, 2)
      expect(derivative.x).toEqual(analytical.x);
      expectClose(derivative.y, analytical.y, 1e-14);
    }
  });

  it("renders as a standalone SVG with a legend entry per series and one circle per point", () => {
    for (const f of all) {
      const svg = renderSvg(f);
      expect(svg.startsWith("<svg "), f.name).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
      expect(svg).not.toMatch(/NaN|undefined/);
      for (const s of f.series) expect(svg, f.name).toContain(s.label);
      const points = f.series.filter((s) => s.mark !== "line").reduce((n, s) => n + s.x.length, 0);
      expect((svg.match(/<circle /g) ?? []).length, f.name).toBe(points);
    }
  });
});
