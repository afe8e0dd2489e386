import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { packageExports } from "./packages.js";

// FEATURES.md stays true: every nabla name it lists is exported by the package it names.

const packages = packageExports;

interface Row {
  section: string;
  python: string;
  names: { pkg: string; name: string }[];
  status: string;
}

const features = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), "..", "..", "FEATURES.md"),
  "utf8",
);

/** Splits a table row on the pipes that are not inside a code span. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let code = false;
  for (const ch of line.trim().slice(1, -1)) {
    if (ch === "`") code = !code;
    if (ch === "|" && !code) {
      out.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

function parse(markdown: string): Row[] {
  const rows: Row[] = [];
  let section = "";
  for (const line of markdown.split("\n")) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) section = heading[1].trim();
    if (!line.startsWith("|") || /^\|\s*-/.test(line)) continue;
    const [python, nabla, status, ...rest] = cells(line);
    expect(rest, line).toEqual([]);
    if (nabla === "nabla" && status === "status") continue; // a table's header row
    const names: Row["names"] = [];
    // "`a`, `b` (pkg); `c` (pkg2)": each group of code spans ends with its package
    for (const group of nabla.split(";")) {
      if (group.trim() === "—") continue;
      const m = /^((?:\s*`[^`]+`,?)+)\s*\(([a-z]+)\)\s*$/.exec(group);
      expect(m, `nabla cell "${group}" in: ${line}`).not.toBeNull();
      for (const [, name] of m![1].matchAll(/`([^`]+)`/g)) names.push({ pkg: m![2], name });
    }
    rows.push({ section, python, names, status });
  }
  return rows;
}

/** Looks up `a.b.c` in a module, and `a.B#method` on a class's prototype. */
function lookup(module: object, name: string): boolean {
  const [path, member] = name.split("#");
  let value: unknown = module;
  for (const key of path.split(".")) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return false;
    if (!(key in value)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined) return false;
  if (member === undefined) return true;
  const proto = (value as { prototype?: object }).prototype;
  return proto !== undefined && member in proto;
}

const rows = parse(features);

describe("FEATURES.md", () => {
  it("has the sections a reader of the lecture looks for, each with rows", () => {
    const sections = new Set(rows.map((r) => r.section));
    for (const s of [
      "numpy",
      "numpy.linalg",
      "scipy.optimize",
      "scipy.integrate",
      "scipy.interpolate",
      "scipy.differentiate",
      "jax",
      "numdifftools",
    ]) {
      expect(sections, s).toContain(s);
    }
    expect(rows.length).toBeGreaterThan(80);
  });

  it("gives every row a status: supported, differences: …, or not yet", () => {
    for (const r of rows) {
      expect(r.status, r.python).toMatch(
        /^(supported( \(.+\))?|differences: .+|not yet(: .+| \(.+\))?)$/,
      );
      if (r.status.startsWith("not yet")) expect(r.names, r.python).toEqual([]);
      else expect(r.names.length, r.python).toBeGreaterThan(0);
    }
  });

  it("lists only names that the named package exports", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const r of rows) {
      for (const { pkg, name } of r.names) {
        expect(Object.keys(packages), `package of ${name}`).toContain(pkg);
        if (!lookup(packages[pkg], name)) missing.push(`${name} (${pkg}) for ${r.python}`);
        checked++;
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it("covers every function the lecture calls, none of them 'not yet'", () => {
    const lecture = [
      "np.array",
      "np.linspace",
      "np.gradient",
      "np.allclose",
      "np.sqrt",
      "np.sin",
      "np.cos",
      "np.ones",
      "np.zeros",
      "np.diag",
      "np.polyfit",
      "np.polyval",
      "np.polyder",
      "np.random.normal",
      "np.linalg.det",
      "np.linalg.inv",
      "interp1d",
      "dblquad",
      'minimize(method="dogleg")',
      "nd.Derivative",
      "jax.grad",
      "jax.vmap",
      "jax.jacfwd",
      "jax.hessian",
      "jax.numpy",
      "scipy.misc.derivative",
      "sym.diff",
    ];
    for (const fn of lecture) {
      const row = rows.find((r) => r.python.includes(`\`${fn}`));
      expect(row, fn).toBeDefined();
      expect(row?.status.startsWith("not yet"), fn).toBe(false);
    }
  });

  it("the lookup rejects what is not exported (the check can fail)", () => {
    expect(lookup(packages.ndarray, "linspace")).toBe(true);
    expect(lookup(packages.ndarray, "linalg.solve")).toBe(true);
    expect(lookup(packages.ndarray, "NDArray#reshape")).toBe(true);
    expect(lookup(packages.autodiff, "np.linalg.det")).toBe(true);
    expect(lookup(packages.ndarray, "interp")).toBe(false);
    expect(lookup(packages.ndarray, "linalg.eig")).toBe(false);
    expect(lookup(packages.ndarray, "NDArray#einsum")).toBe(false);
    expect(lookup(packages.optimize, "root")).toBe(false);
    expect(() => parse("## numpy\n| `np.x` | `x` ndarray | supported |")).toThrow();
  });
});
