import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { array } from "@nabla/ndarray";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { packageExports } from "./packages.js";

// The guides' code runs as written, and what their comments say a line gives is what it gives:
// each page's ```ts blocks run in order as one program, and a line `expr; // value` is checked
// when the value is an array repr, a number, a JSON literal or a string; a line followed by a
// comment `// SomeError: message` must throw that.

const guides = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "guides");
const pages = [
  "getting-started.md",
  "ndarray.md",
  "autodiff.md",
  "optimize.md",
  "integrate.md",
  "interpolate.md",
  "differentiate.md",
];
const modules = Object.fromEntries(
  Object.entries(packageExports).map(([name, exports]) => [`@nabla/${name}`, exports]),
);

interface Claim {
  line: string;
  expected?: string;
  error?: string;
}

/** The leading bracketed literal of `text` (`array(...)`, `[...]`, `{...}`), or undefined. */
function bracketed(text: string): string | undefined {
  const open = text.startsWith("array(") ? 5 : /^[[{]/.test(text) ? 0 : -1;
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if ("([{".includes(text[i])) depth++;
    if (")]}".includes(text[i]) && --depth === 0) return text.slice(0, i + 1);
  }
  return undefined;
}

const balanced = (code: string) =>
  [..."([{"].every((o, k) => code.split(o).length === code.split(")]}"[k]).length);

/** The page's ts blocks as one function body, with checks around the claimed lines. */
function program(markdown: string): { body: string; claims: Claim[] } {
  const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const imports = new Map<string, Set<string>>();
  const out: string[] = [];
  const claims: Claim[] = [];
  const lines = blocks.join("\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const imp = /^import (type )?\{([^}]*)\} from "([^"]+)";$/.exec(line);
    if (imp) {
      const names = imports.get(imp[3]) ?? new Set<string>();
      if (!imp[1]) {
        for (const n of imp[2].split(",").map((s) => s.trim())) {
          if (n !== "" && !n.startsWith("type ")) names.add(n);
        }
      }
      imports.set(imp[3], names);
      continue;
    }
    const m = /^(.*?;)\s*(?:\/\/ (.*))?$/.exec(line);
    const next = lines[i + 1] ?? "";
    const errorMatch = /^\/\/ (\w*Error: .*)$/.exec(next);
    if (m && !line.startsWith(" ") && balanced(m[1]) && (m[2] === undefined || m[2] !== "")) {
      let code = m[1].slice(0, -1);
      let comment = m[2];
      if (comment === undefined && errorMatch) {
        // the statement throws: the message spans the comment lines that follow
        const message = [errorMatch[1]];
        while (/^\/\/ \S/.test(lines[i + 2] ?? "")) message.push(lines[++i + 1].slice(3));
        i++;
        claims.push({ line, error: message.join(" ") });
        out.push(`__throws(${claims.length - 1}, () => { ${code}; });`);
        continue;
      }
      if (comment === undefined && /^\/\/ array\(/.test(next)) comment = next.slice(3);
      const expected = comment === undefined ? undefined : expectation(comment);
      if (expected === undefined) {
        out.push(line);
        continue;
      }
      claims.push({ line, expected });
      const decl = /^(const|let) (\w+) = (.*)$/.exec(code);
      if (decl) {
        out.push(`${decl[1]} ${decl[2]} = ${decl[3]};`);
        code = decl[2];
      }
      out.push(`__claim(${claims.length - 1}, () => (${code}));`);
      continue;
    }
    out.push(line);
  }
  const header = [...imports].map(
    ([mod, names]) => `const { ${[...names].join(", ")} } = __modules[${JSON.stringify(mod)}];`,
  );
  const body = transformSync([...header, ...out].join("\n"), { loader: "ts" }).code;
  return { body, claims };
}

/** What a comment claims, if it is checkable: an array repr, a number, a JSON value. */
function expectation(claim: string): string | undefined {
  // "a[1, 2]    → 6": numpy's spelling, then the value
  const comment = claim.includes("→ ") ? claim.slice(claim.lastIndexOf("→ ") + 2) : claim;
  const literal = bracketed(comment);
  if (literal !== undefined) {
    if (literal.startsWith("array(")) return literal;
    try {
      JSON.parse(literal);
      return literal;
    } catch {
      return undefined;
    }
  }
  const scalar = /^(-?(?:\d+\.?\d*(?:e[-+]?\d+)?|Infinity)|true|false|"[^"]*")(?=$|[\s:,(])/.exec(
    comment,
  );
  return scalar?.[1];
}

const squash = (s: string) => s.replace(/\s+/g, " ").replace(/([[(]) /g, "$1");

function check(actual: unknown, expected: string, label?: string): void {
  if (expected.startsWith("array(")) expect(squash(String(actual)), label).toBe(squash(expected));
  else expect(actual, label).toEqual(JSON.parse(expected));
}

describe.each(pages)("docs/guides/%s", (page) => {
  const { body, claims } = program(readFileSync(join(guides, page), "utf8"));

  it("runs, and every checkable comment states what its line gives", () => {
    const results: { claim: Claim; actual?: unknown; thrown?: unknown }[] = [];
    const claim = (k: number, f: () => unknown) => results.push({ claim: claims[k], actual: f() });
    const throws = (k: number, f: () => void) => {
      try {
        f();
        results.push({ claim: claims[k] });
      } catch (e) {
        results.push({ claim: claims[k], thrown: e });
      }
    };
    const quiet = { ...console, log: () => {} };
    new Function("__modules", "__claim", "__throws", "console", body)(
      modules,
      claim,
      throws,
      quiet,
    );
    expect(results.length).toBe(claims.length);
    expect(claims.length).toBeGreaterThan(1);
    for (const { claim: c, actual, thrown } of results) {
      if (c.error !== undefined) {
        expect(thrown, c.line).toBeInstanceOf(Error);
        expect(String(thrown), c.line).toBe(c.error);
      } else {
        check(actual, c.expected as string, c.line);
      }
    }
  });
});

describe("the guide checker", () => {
  it("reads claims and can fail", () => {
    expect(expectation("array([1., 2.]), as numpy")).toBe("array([1., 2.])");
    expect(expectation("[9, 12]")).toBe("[9, 12]");
    expect(expectation("2.6600658384592597: plain evaluation")).toBe("2.6600658384592597");
    expect(expectation("the same")).toBeUndefined();
    expect(() => check(array([1, 2]), "array([1., 3.])")).toThrow();
    expect(() => check(20, "21")).toThrow();
    const { claims } = program("```ts\nf(1); // 3\ng(2);\n// RangeError: bad\n```\n");
    expect(claims).toEqual([
      { line: "f(1); // 3", expected: "3" },
      { line: "g(2);", error: "RangeError: bad" },
    ]);
  });
});
