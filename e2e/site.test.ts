/**
 * The documentation site (`npm run docs` → docs/site) served over HTTP and opened in headless
 * Chromium: the home page, the lecture guide with its figures and an API page load without
 * console or page errors, every same-site link on them answers 200, the figures render, and
 * screenshots land in e2e/screenshots/. A static pass also checks every relative link of every
 * page in the site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const site = join(root, "docs", "site");
const screenshots = join(root, "e2e", "screenshots");

const mime: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** A file under docs/site for a URL path: a directory serves its index.html, as static hosts do. */
function fileFor(urlPath: string): string | undefined {
  const path = join(site, decodeURIComponent(urlPath));
  if (path !== site && !path.startsWith(site + sep)) return undefined;
  if (!existsSync(path)) return undefined;
  if (statSync(path).isDirectory()) {
    const index = join(path, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return path;
}

function serveSite(): Promise<Server> {
  const server = createServer((req, res) => {
    const file = fileFor(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (file === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": mime[extname(file)] ?? "text/plain; charset=utf-8" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** The guide page typedoc made from docs/guides/lecture.md, found by its front-matter title. */
function lectureGuide(): { url: string; figures: string[] } {
  const markdown = readFileSync(join(root, "docs", "guides", "lecture.md"), "utf8");
  const title = /^title:\s*(.+)$/m.exec(markdown)?.[1]?.trim();
  if (title === undefined) throw new Error("docs/guides/lecture.md has no front-matter title");
  const pages = readdirSync(join(site, "documents")).filter((f) => f.endsWith(".html"));
  const page = pages.find((f) =>
    readFileSync(join(site, "documents", f), "utf8").includes(`<title>${title} | `),
  );
  if (page === undefined) throw new Error(`no page titled "${title}" in docs/site/documents`);
  const figures = [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+\.svg)\)/g)].map((m) =>
    m[1].split("/").pop(),
  ) as string[];
  return { url: `documents/${page}`, figures };
}

interface Visit {
  errors: string[];
  links: string[];
  page: Page;
}

/** Opens a page, collecting console errors, page errors and failed same-site requests. */
async function visit(browser: Browser, origin: string, path: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // npm test runs the e2e files side by side on a small machine: allow for slow loads.
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.url().startsWith(origin) && r.status() >= 400) errors.push(`${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(`${origin}/${path}`, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  // typedoc builds the sidebar and search from its compressed data after load; let it finish.
  await page.waitForFunction(() => document.querySelector("#tsd-nav-container li") !== null);
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const links = [
    ...new Set(hrefs.filter((h) => h.startsWith(`${origin}/`)).map((h) => h.split("#")[0])),
  ];
  return { errors, links, page };
}

/** Same-page anchors (#id) that point at no element. */
async function danglingAnchors(page: Page): Promise<string[]> {
  return page.$$eval("a[href^='#']", (as) =>
    as
      .map((a) => decodeURIComponent(a.getAttribute("href")?.slice(1) ?? ""))
      .filter((id) => id !== "" && document.getElementById(id) === null),
  );
}

async function statuses(links: string[]): Promise<string[]> {
  const bad: string[] = [];
  for (const link of links) {
    const r = await fetch(link);
    await r.arrayBuffer();
    if (r.status !== 200) bad.push(`${r.status} ${link}`);
  }
  return bad;
}

describe("documentation site in headless Chromium", () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(join(site, "index.html"))) {
      throw new Error("docs/site/index.html is missing: run `npm run docs` first");
    }
    mkdirSync(screenshots, { recursive: true });
    server = await serveSite();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  });

  it("home page: the README, the six packages and the guides, no errors or broken links", async () => {
    const { errors, links, page } = await visit(browser, origin, "index.html");
    expect(await page.title()).toMatch(/^nabla/);
    expect(await page.textContent("h1")).toContain("nabla");
    for (const name of [
      "ndarray",
      "autodiff",
      "optimize",
      "integrate",
      "interpolate",
      "differentiate",
    ]) {
      expect(links).toContain(`${origin}/modules/_nabla_${name}.html`);
    }
    // The guides are in the sidebar (typedoc fills it in from script).
    const nav = await page.$$eval("#tsd-nav-container a", (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(nav.filter((h) => h.includes("/documents/")).length).toBeGreaterThanOrEqual(3);
    expect(await danglingAnchors(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "home.png"), fullPage: true });
    expect(await statuses([...new Set([...links, ...nav])])).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lecture guide: every figure of the markdown renders as a non-empty image", async () => {
    const guide = lectureGuide();
    expect(guide.figures.length).toBeGreaterThan(0);
    const { errors, links, page } = await visit(browser, origin, guide.url);
    const images = await page.$$eval("img", (imgs) =>
      imgs.map((img) => {
        const box = img.getBoundingClientRect();
        return {
          src: img.currentSrc || img.src,
          complete: img.complete,
          naturalWidth: img.naturalWidth,
          width: box.width,
          height: box.height,
        };
      }),
    );
    for (const figure of guide.figures) {
      const image = images.find((i) => i.src.endsWith(`/media/${figure}`));
      expect(image, `figure ${figure} on ${guide.url}`).toBeDefined();
      expect(image?.complete, figure).toBe(true);
      expect(image?.naturalWidth, figure).toBeGreaterThan(0);
      expect(image?.width, figure).toBeGreaterThan(100);
      expect(image?.height, figure).toBeGreaterThan(50);
    }
    expect(await page.$$eval("pre code", (c) => c.length)).toBeGreaterThan(0);
    expect(await danglingAnchors(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "lecture.png"), fullPage: true });
    expect(await statuses(links)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("API page: autodiff's grad with its signature and example", async () => {
    const { errors, links, page } = await visit(
      browser,
      origin,
      "functions/_nabla_autodiff.grad.html",
    );
    expect(await page.textContent("h1")).toContain("grad");
    const text = (await page.textContent(".col-content")) ?? "";
    expect(text).toContain("Example");
    expect(text).toContain("argnums");
    expect(await page.$$eval("pre code", (c) => c.length)).toBeGreaterThan(0);
    expect(links).toContain(`${origin}/modules/_nabla_autodiff.html`);
    expect(await danglingAnchors(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "api-grad.png"), fullPage: true });
    expect(await statuses(links)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("documentation site, every page", () => {
  it("has no relative link or image that points at a missing file", () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(".html")) pages.push(path);
      }
    };
    walk(site);
    expect(pages.length).toBeGreaterThan(50);
    const broken: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, "utf8");
      for (const [, target] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(target)) continue;
        const path = target.split(/[#?]/)[0];
        if (path === "") continue;
        const url = `/${relative(site, join(dirname(file), path))
          .split(sep)
          .join("/")}`;
        if (fileFor(url) === undefined) broken.push(`${relative(site, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

interface JsonComment {
  summary?: { text: string }[];
  blockTags?: { tag: string }[];
}
interface JsonReflection {
  name: string;
  kind: number;
  comment?: JsonComment;
  signatures?: { comment?: JsonComment }[];
  children?: JsonReflection[];
}

// typedoc's ReflectionKind values (typedoc/models).
const kind = {
  namespace: 4,
  variable: 32,
  function: 64,
  class: 128,
  constructor: 512,
  reference: 4194304,
};

describe("API reference (docs/site/api.json, typedoc's JSON of the same build)", () => {
  it("documents every export: values with an @example, types and namespaces with a summary", () => {
    const project = JSON.parse(readFileSync(join(site, "api.json"), "utf8")) as JsonReflection;
    const hasExample = (c?: JsonComment) =>
      c?.blockTags?.some((t) => t.tag === "@example") ?? false;
    const hasSummary = (c?: JsonComment) =>
      (c?.summary?.some((p) => p.text.trim() !== "") ?? false) || hasExample(c);
    const noExample: string[] = [];
    const noSummary: string[] = [];
    let values = 0;
    const walk = (node: JsonReflection, prefix: string) => {
      for (const child of node.children ?? []) {
        const name = `${prefix}${child.name}`;
        if (child.kind === kind.reference) continue; // an alias (`var` for `var_`)
        const comments = [child.comment, ...(child.signatures ?? []).map((s) => s.comment)];
        for (const member of child.children ?? []) {
          if (member.kind === kind.constructor) {
            comments.push(...(member.signatures ?? []).map((s) => s.comment));
          }
        }
        if (child.kind === kind.namespace) {
          if (!comments.some(hasSummary)) noSummary.push(name);
          walk(child, `${name}.`);
        } else if ([kind.variable, kind.function, kind.class].includes(child.kind)) {
          values++;
          if (!comments.some(hasExample)) noExample.push(name);
        } else if (!comments.some(hasSummary)) noSummary.push(name);
      }
    };
    const packages = project.children ?? [];
    expect(packages.map((p) => p.name).sort()).toEqual(
      ["autodiff", "differentiate", "integrate", "interpolate", "ndarray", "optimize"].map(
        (p) => `@nabla/${p}`,
      ),
    );
    for (const pkg of packages) walk(pkg, `${pkg.name}: `);
    expect(values).toBeGreaterThan(250);
    expect(noExample).toEqual([]);
    expect(noSummary).toEqual([]);
  });
});
