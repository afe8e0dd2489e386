/**
 * Shared by the install and browser tests: pack the built packages with `npm pack` and install
 * tarballs into scratch projects, the way a user gets them (no workspace links, no
 * "@nabla/source" condition).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { assertBuilt, type PackageName, root } from "../scripts/workspace";

const execFileAsync = promisify(execFile);

export { assertBuilt, type PackageName, packageNames, packages, root } from "../scripts/workspace";

// Children must not inherit the npm_* settings of an enclosing `npm test` (workspace,
// prefix, ...), or `npm install` in a scratch project would act on the monorepo.
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_fund: "false" };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; resolves with its exit code and output instead of throwing. */
export async function run(cmd: string, args: string[], cwd: string): Promise<RunResult> {
  try {
    const { stdout, stderr } = await execFileAsync(cmd, args, {
      cwd,
      env: cleanEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === "number" ? e.code : 1,
      stdout: e.stdout ?? "",
      stderr: e.stderr ?? String(error),
    };
  }
}

/** Like run, but throws with the command's output when it fails. */
export async function runOk(cmd: string, args: string[], cwd: string): Promise<string> {
  const r = await run(cmd, args, cwd);
  if (r.code !== 0) {
    throw new Error(
      `${cmd} ${args.join(" ")} (in ${cwd}) exited ${r.code}\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r.stdout;
}

/** `npm pack`s the packages into a fresh temp directory (one npm call); returns name -> tarball path. */
export async function packPackages(
  names: readonly PackageName[],
): Promise<{ dir: string; tarballs: Record<PackageName, string> }> {
  assertBuilt(names);
  const dir = await mkdtemp(join(tmpdir(), "nabla-pack-"));
  const workspaces = names.flatMap((n) => ["--workspace", `@nabla/${n}`]);
  const out = await runOk(
    "npm",
    ["pack", ...workspaces, "--pack-destination", dir, "--json", "--ignore-scripts"],
    root,
  );
  const packed = JSON.parse(out) as { name: string; filename: string }[];
  const tarballs = {} as Record<PackageName, string>;
  for (const p of packed)
    tarballs[p.name.replace("@nabla/", "") as PackageName] = join(dir, p.filename);
  for (const n of names) {
    if (!tarballs[n]) throw new Error(`npm pack did not report a tarball for @nabla/${n}: ${out}`);
  }
  return { dir, tarballs };
}

/**
 * A scratch project in `dir` with the given tarballs installed and nothing else. All tarballs
 * go in one `npm install`, so @nabla/ndarray resolves from its tarball (the scope is not on the
 * registry); `--offline` proves nothing is fetched.
 */
export async function installScratch(
  dir: string,
  tarballs: readonly string[],
  files: Record<string, string> = {},
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "scratch", version: "0.0.0", private: true }, null, 2)}\n`,
  );
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  await runOk(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs],
    dir,
  );
}
