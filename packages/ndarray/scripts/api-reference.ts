// Regenerates the API reference in packages/ndarray/README.md (between the api:start and
// api:end markers) from the TSDoc of every export of src/index.ts, so the README lists each
// export exactly once, with its signature, summary, example and source file.
//   npx tsx packages/ndarray/scripts/api-reference.ts
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const indexPath = join(root, "src", "index.ts");
const readmePath = join(root, "README.md");

const program = ts.createProgram([indexPath], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
});
const checker = program.getTypeChecker();
const indexFile = program.getSourceFile(indexPath);
if (!indexFile) throw new Error("cannot read src/index.ts");

const resolve = (s: ts.Symbol): ts.Symbol =>
  s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;

function text(parts: ts.SymbolDisplayPart[] | undefined): string {
  return ts.displayPartsToString(parts ?? []).trim();
}

function docOf(symbol: ts.Symbol, decl?: ts.Declaration): { summary: string; examples: string[] } {
  let summary = text(symbol.getDocumentationComment(checker));
  let tags = symbol.getJsDocTags(checker);
  if (!summary && decl) {
    // Overloads: the comment may sit on any declaration.
    for (const d of symbol.declarations ?? []) {
      const sig = ts.isFunctionLike(d)
        ? checker.getSignatureFromDeclaration(d as ts.SignatureDeclaration)
        : undefined;
      if (sig) {
        summary = text(sig.getDocumentationComment(checker));
        tags = sig.getJsDocTags();
        if (summary) break;
      }
    }
  }
  const examples = tags.filter((t) => t.name === "example").map((t) => text(t.text));
  return { summary, examples };
}

function params(decl: ts.SignatureDeclaration): string {
  return decl.parameters
    .map((p) => {
      const name = p.name.getText();
      const rest = p.dotDotDotToken ? "..." : "";
      const optional = p.questionToken || p.initializer ? "?" : "";
      return `${rest}${name}${optional}`;
    })
    .join(", ");
}

/** The widest overload (or the only declaration) of a function-like symbol. */
function signature(symbol: ts.Symbol): ts.SignatureDeclaration | undefined {
  const decls = (symbol.declarations ?? []).filter((d): d is ts.SignatureDeclaration =>
    ts.isFunctionLike(d),
  );
  const overloads = decls.filter((d) => !(d as ts.FunctionDeclaration).body);
  const pool = overloads.length ? overloads : decls;
  return pool.sort((a, b) => b.parameters.length - a.parameters.length)[0];
}

function sourceOf(decl: ts.Declaration): string {
  return relative(root, decl.getSourceFile().fileName);
}

const anchor = (name: string): string => name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");

function entry(
  qualified: string,
  call: string,
  symbol: ts.Symbol,
  decl: ts.Declaration,
  level = "###",
): string {
  const { summary, examples } = docOf(symbol, decl);
  const id = anchor(qualified);
  let out = `${level} <a name="${id}" href="#${id}">#</a> ${call} · [source](${sourceOf(decl)})\n\n`;
  if (summary) out += `${summary}\n\n`;
  for (const ex of examples) out += `\`\`\`ts\n${ex}\n\`\`\`\n\n`;
  return out;
}

function classEntries(prefix: string, instance: string, symbol: ts.Symbol): string {
  let out = "";
  const terse: string[] = [];
  const members = symbol.members ? [...symbol.members.values()] : [];
  for (const m of members) {
    const name = m.getName();
    if (name.startsWith("__") || name.startsWith("[")) continue;
    const decl = m.declarations?.[0];
    if (!decl) continue;
    const mods = ts.getCombinedModifierFlags(decl);
    if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
    if (!docOf(m, decl).summary) {
      if (ts.isMethodDeclaration(decl)) terse.push(`${name}(${params(signature(m) ?? decl)})`);
      continue;
    }
    if (ts.isMethodDeclaration(decl)) {
      const sig = signature(m) ?? decl;
      out += entry(`${prefix}.${name}`, `${instance}.**${name}**(${params(sig)})`, m, decl, "####");
    } else if (ts.isPropertyDeclaration(decl) || ts.isGetAccessorDeclaration(decl)) {
      out += entry(`${prefix}.${name}`, `${instance}.**${name}**`, m, decl, "####");
    }
  }
  if (terse.length) {
    out += `Chainable methods, each the namespace function of the same meaning (\`${instance.replace(/\*/g, "")}.mul(b)\` is \`multiply(${instance.replace(/\*/g, "")}, b)\`): ${terse.map((t) => `\`${t}\``).join(", ")}.\n\n`;
  }
  return out;
}

const rendered = new Set<ts.Symbol>();

function render(name: string, exported: ts.Symbol, qualifier = ""): string {
  const symbol = resolve(exported);
  rendered.add(symbol);
  const decl = symbol.declarations?.[0];
  if (!decl) return "";
  const q = qualifier ? `${qualifier}.` : "";
  if (symbol.flags & ts.SymbolFlags.Function) {
    const sig = signature(symbol);
    return entry(`${q}${name}`, `${q}**${name}**(${sig ? params(sig) : ""})`, symbol, decl);
  }
  if (symbol.flags & ts.SymbolFlags.Class) {
    const ctor = (symbol.members?.get("__constructor" as ts.__String)?.declarations ?? [])[0] as
      | ts.ConstructorDeclaration
      | undefined;
    const head = entry(
      `${q}${name}`,
      `new ${q}**${name}**(${ctor ? params(ctor) : ""})`,
      symbol,
      decl,
    );
    const instance =
      name === "NDArray" ? "*a*" : `*${name.charAt(0).toLowerCase()}${name.slice(1)}*`;
    return head + classEntries(`${q}${name}`, instance, symbol);
  }
  if (symbol.flags & ts.SymbolFlags.Variable) {
    // Objects with methods (NablaError.isInstance) or constants.
    let out = entry(`${q}${name}`, `${q}**${name}**`, symbol, decl);
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    for (const p of type.getProperties()) {
      const d = p.declarations?.[0];
      if (d && ts.isMethodDeclaration(d))
        out += entry(
          `${q}${name}.${p.getName()}`,
          `${q}${name}.**${p.getName()}**(${params(d)})`,
          p,
          d,
          "####",
        );
    }
    return out;
  }
  return "";
}

// index.ts is one flat sorted list; the README groups its exports by topic, by source module.
const SECTIONS: [string, RegExp][] = [
  ["Core", /^\.\/(ndarray|dtype|errors|scalar)\.js$/],
  ["Creation", /^\.\/creation\.js$/],
  ["Ufuncs", /^\.\/(arithmetic|math|sign|compare)\.js$/],
  [
    "Reductions, sorting and statistics",
    /^\.\/(reduce|cumulative|diff|nanreduce|sort|quantile|average)\.js$/,
  ],
  ["Indexing, joining and rearranging", /^\.\/(indexing|join|rearrange|diag|isclose)\.js$/],
  ["Linear algebra, calculus on data, polynomials", /^\.\/(linalg|gradient|polynomial)/],
  ["Printing", /^\.\/print/],
  ["Random numbers", /^\.\/random/],
  ["Helpers for sibling nabla packages", /^\.\/internal\//],
];
const HELPERS = new Set([
  "typeError",
  "rangeError",
  "checkOptions",
  "broadcastShapes",
  "normalizeAxis",
]);
const groups = new Map<string, string[]>(SECTIONS.map(([title]) => [title, []]));
groups.set("Other", []);
const sectionOf = (module: string, name: string): string => {
  if (HELPERS.has(name)) return "Helpers for sibling nabla packages";
  return SECTIONS.find(([, re]) => re.test(module))?.[0] ?? "Other";
};

const types: string[] = [];
const seen = new Set<string>();
const namespaces: ts.ExportDeclaration[] = [];
for (const stmt of indexFile.statements) {
  if (!ts.isExportDeclaration(stmt) || !stmt.moduleSpecifier) continue;
  const module = (stmt.moduleSpecifier as ts.StringLiteral).text;
  const clause = stmt.exportClause;
  if (clause && ts.isNamespaceExport(clause)) {
    namespaces.push(stmt);
    continue;
  }
  if (!clause || !ts.isNamedExports(clause)) continue;
  for (const el of clause.elements) {
    const name = el.name.text;
    if (seen.has(name)) continue;
    seen.add(name);
    const s = checker.getSymbolAtLocation(el.name);
    if (!s) continue;
    const r = resolve(s);
    if (
      (el.isTypeOnly || r.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)) &&
      !(r.flags & ts.SymbolFlags.Value)
    ) {
      types.push(name);
      continue;
    }
    const target = groups.get(sectionOf(module, name))!;
    const propertyName = el.propertyName?.text;
    if (propertyName && propertyName !== name) {
      target.push(
        `### <a name="${anchor(name)}" href="#${anchor(name)}">#</a> **${name}**(…)\n\nThe same function as [${propertyName}](#${anchor(propertyName)}).\n\n`,
      );
      continue;
    }
    // The array class opens the reference; everything else keeps index.ts's order.
    if (name === "NDArray") target.unshift(render(name, s));
    else target.push(render(name, s));
  }
}
// Namespaces after the named exports, so that members documented above are only linked.
for (const stmt of namespaces) {
  const ns = (stmt.exportClause as ts.NamespaceExport).name.text;
  const module = (stmt.moduleSpecifier as ts.StringLiteral).text;
  const moduleSymbol = checker.getSymbolAtLocation(stmt.moduleSpecifier!);
  if (!moduleSymbol) continue;
  let out = `\n### The \`${ns}\` namespace\n\n`;
  const again: string[] = [];
  for (const s of checker.getExportsOfModule(moduleSymbol)) {
    const r = resolve(s);
    if (!(r.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable)))
      continue;
    if (rendered.has(r)) again.push(`[${ns}.${s.getName()}](#${anchor(s.getName())})`);
    else out += render(s.getName(), s, ns);
  }
  if (again.length) out += `Also in this namespace, documented above: ${again.join(", ")}.\n\n`;
  groups.get(sectionOf(module, ns))!.push(out);
}
let md = "";
for (const [title, entries] of groups) {
  if (entries.length) md += `\n## ${title}\n\n${entries.join("")}`;
}
md += `\n## Types\n\n${types.map((t) => `\`${t}\``).join(", ")}\n`;

// {@link name} -> a link to the entry, found at top level or in a namespace.
const anchors = new Set([...md.matchAll(/<a name="([^"]+)"/g)].map((m) => m[1]));
md = md.replace(
  /\{@link\s+([^}\s|]+)\s*(?:\|\s*([^}]+))?\}/g,
  (_, target: string, label?: string) => {
    const id = [anchor(target), `random-${anchor(target)}`, `linalg-${anchor(target)}`].find((a) =>
      anchors.has(a),
    );
    const shown = `\`${(label ?? target).trim()}\``;
    return id ? `[${shown}](#${id})` : shown;
  },
);

const readme = readFileSync(readmePath, "utf8");
const start = "<!-- api:start -->";
const end = "<!-- api:end -->";
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < 0) throw new Error("README.md lacks the api:start/api:end markers");
writeFileSync(readmePath, `${readme.slice(0, a + start.length)}\n${md.trim()}\n${readme.slice(b)}`);
console.log(`API reference: ${seen.size} exports, ${types.length} types`);
