/**
 * Releases move every package together (issue 8): one version for all six, internal ranges
 * that `changeset version` rewrites, and changelogs from the pending changesets. The release
 * runs in a throwaway copy (package.json files and .changeset/), since it consumes the
 * changesets.
 */
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageNames, root, runOk } from "./pack-utils";

type Bump = "major" | "minor" | "patch";
interface Changeset {
  file: string;
  releases: Record<string, Bump>;
  summary: string;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, "utf8")) as T;
}

async function manifests(dir: string): Promise<Manifest[]> {
  return Promise.all(
    packageNames.map((n) => readJson<Manifest>(join(dir, "packages", n, "package.json"))),
  );
}

async function changesets(dir: string): Promise<Changeset[]> {
  const files = (await readdir(join(dir, ".changeset"))).filter(
    (f) => f.endsWith(".md") && f !== "README.md",
  );
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, ".changeset", file), "utf8");
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`.changeset/${file} has no front matter`);
      const releases: Record<string, Bump> = {};
      for (const line of m[1].split("\n")) {
        const r = /^["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line.trim());
        if (r) releases[r[1]] = r[2] as Bump;
      }
      return { file, releases, summary: m[2].trim() };
    }),
  );
}

function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = version.split(".").map(Number);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

describe("one version for every package", () => {
  it("the six packages share a version and depend on each other with ^<that version>", async () => {
    const all = await manifests(root);
    const version = all[0].version;
    for (const m of all) {
      expect(m.version, m.name).toBe(version);
      for (const [dep, range] of Object.entries(m.dependencies ?? {})) {
        if (dep.startsWith("@nabla/")) expect(range, `${m.name} -> ${dep}`).toBe(`^${version}`);
      }
    }
  });

  it("changesets keeps them in one fixed group, so they always release together", async () => {
    const config = await readJson<{ fixed: string[][] }>(join(root, ".changeset", "config.json"));
    expect(config.fixed).toEqual([["@nabla/*"]]);
  });

  it("every changeset names only @nabla packages of this repository", async () => {
    const names = new Set(packageNames.map((n) => `@nabla/${n}`));
    for (const c of await changesets(root)) {
      expect(Object.keys(c.releases).length, c.file).toBeGreaterThan(0);
      for (const name of Object.keys(c.releases)) expect(names, c.file).toContain(name);
      expect(c.summary, c.file).not.toBe("");
    }
  });
});

describe("`changeset version` in a throwaway copy", () => {
  let copy: string;
  let pending: Changeset[];
  let before: Manifest[];

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), "nabla-release-"));
    await copyFile(join(root, "package.json"), join(copy, "package.json"));
    await cp(join(root, ".changeset"), join(copy, ".changeset"), { recursive: true });
    for (const n of packageNames) {
      await mkdir(join(copy, "packages", n), { recursive: true });
      await copyFile(
        join(root, "packages", n, "package.json"),
        join(copy, "packages", n, "package.json"),
      );
    }
    // the changelog generator named in config.json resolves from here
    await symlink(join(root, "node_modules"), join(copy, "node_modules"), "dir");
    pending = await changesets(copy);
    before = await manifests(copy);
    await runOk(
      process.execPath,
      [join(root, "node_modules", "@changesets", "cli", "bin.js"), "version"],
      copy,
    );
  });

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it("moves all six packages to the same next version, with ranges updated", async () => {
    const order: Bump[] = ["patch", "minor", "major"];
    const bumps = pending.flatMap((c) => Object.values(c.releases));
    const highest = order[Math.max(-1, ...bumps.map((b) => order.indexOf(b)))];
    const expected = highest ? bumpVersion(before[0].version, highest) : before[0].version;
    for (const m of await manifests(copy)) {
      expect(m.version, m.name).toBe(expected);
      for (const [dep, range] of Object.entries(m.dependencies ?? {})) {
        if (dep.startsWith("@nabla/")) expect(range, `${m.name} -> ${dep}`).toBe(`^${expected}`);
      }
    }
  });

  it("writes each package's CHANGELOG.md with the summaries of its changesets", async () => {
    const version = (await manifests(copy))[0].version;
    for (const n of packageNames) {
      const name = `@nabla/${n}`;
      const log = await readFile(join(copy, "packages", n, "CHANGELOG.md"), "utf8");
      expect(log.startsWith(`# ${name}\n\n## ${version}\n`), name).toBe(true);
      for (const c of pending.filter((c) => c.releases[name])) {
        expect(log, `${c.file} in ${name}'s changelog`).toContain(c.summary.split("\n")[0]);
      }
    }
  });

  it("consumes the changesets", async () => {
    const left = (await readdir(join(copy, ".changeset"))).sort();
    expect(left).toEqual(["README.md", "config.json"]);
  });
});
