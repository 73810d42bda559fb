/**
 * The team's daily loop, through the packed tarball installed in a fresh TypeScript app (no `.git` anywhere):
 * init, build, publish; an in-place edit of the published version fails `check` with publish.changed; undoing it
 * passes; a new version with its migration implemented compiles under `tsc --noUnusedLocals --noUnusedParameters`,
 * and a second build leaves the migration and the output byte-identical. The docs ship in the package.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, snapshotTree, tempDir } from "../util/project.js";
import { TS_NODENEXT } from "./consumers.js";

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function exec(cmd: string, args: readonly string[], cwd: string): Ran {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: cleanEnv(), timeout: 600_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(cmd: string, args: readonly string[], cwd: string): string {
  const r = exec(cmd, args, cwd);
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const npmAvailable = spawnSync("npm", ["--version"], { encoding: "utf8" }).status === 0;

test("daily loop › packed tarball: init, build, publish, in-place edit refused without git, undo, new version with a clean migration", { skip: npmAvailable ? false : "npm is not on the PATH" }, () => {
  const work = tempDir("llm-contracts-daily-");
  const packed = JSON.parse(ok("npm", ["pack", "--json", "--pack-destination", work], REPO_ROOT)) as [{ filename: string; files: { path: string }[] }];
  const shipped = new Set(packed[0].files.map((f) => f.path));
  for (const doc of ["docs/sdk.md", "docs/generated-api.md", "docs/migrations.md", "docs/drift.md"]) assert.ok(shipped.has(doc), `${doc} is in the package`);
  const app = path.join(work, "app");
  mkdirSync(app);
  for (const [rel, text] of Object.entries(TS_NODENEXT.files)) {
    mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
    writeFileSync(path.join(app, rel), text);
  }
  ok("npm", ["install", "--save-dev", "--prefer-offline", "--no-audit", "--no-fund", path.join(work, packed[0].filename)], app);
  assert.ok(existsSync(path.join(app, "node_modules/llm-contracts/docs/sdk.md")), "docs installed");
  const cli = (...args: string[]): Ran => exec("npx", ["--no-install", "llm-contracts", ...args], app);
  const tsc = (...args: string[]): Ran => exec(process.execPath, [path.join(app, "node_modules/typescript/bin/tsc"), ...args], app);
  // No git anywhere up the tree of the app: the temp folder is outside every repository.
  assert.equal(exec("git", ["rev-parse", "--git-dir"], app).status === 0, false, "the app must not be inside a git repository");

  // 1. init, build, publish.
  assert.match(ok("npx", ["--no-install", "llm-contracts", "init"], app), /npx llm-contracts publish/, "init puts publish in the next steps");
  assert.equal(cli("build").status, 0);
  const published = cli("publish");
  assert.equal(published.status, 0, published.stderr);
  assert.match(published.stdout, /published lookup-order@v1, support-reply@v1 in schemas\/published\.lock\.json/);
  assert.equal(cli("check").status, 0);

  // 2. An in-place edit of the published version: check fails with publish.changed (exit 1), no .git present.
  const v1 = path.join(app, "schemas/support-reply/v1.json");
  const original = readFileSync(v1, "utf8");
  writeFileSync(v1, original.replace('"how-to",', ""));
  const edited = cli("check");
  assert.equal(edited.status, 1, edited.stderr);
  assert.match(edited.stderr, /^schemas\/support-reply\/v1\.json#\/properties\/category: support-reply v1 is published .*\[publish\.changed\]$/m);
  const hooked = cli("hook", "check", "schemas/support-reply/v1.json");
  assert.equal(hooked.status, 1, "the hook gives the same code");
  assert.ok(!existsSync(path.join(app, ".git")));

  // 3. Undo the edit: check passes.
  writeFileSync(v1, original);
  const undone = cli("check");
  assert.equal(undone.status, 0, undone.stderr);

  // 4. A new version that breaks old documents (order_id at most 20 characters): a stub with a marker; implemented.
  const lookup = JSON.parse(readFileSync(path.join(app, "schemas/lookup-order/v1.json"), "utf8")) as { properties: { order_id: Record<string, unknown> } };
  lookup.properties.order_id["maxLength"] = 20;
  writeFileSync(path.join(app, "schemas/lookup-order/v2.json"), `${JSON.stringify(lookup, null, 2)}\n`);
  const built = cli("build");
  assert.equal(built.status, 0, built.stderr);
  const stub = path.join(app, "src/migrations/lookup-order/v1-to-v2.ts");
  const scaffolded = readFileSync(stub, "utf8");
  assert.match(scaffolded, /order_id: notImplemented\(/);
  assert.equal(cli("check").status, 1, "the marker fails the gate");
  const implemented = scaffolded.replace(/notImplemented\("(?:[^"\\]|\\.)*"\)/, "input.order_id.slice(0, 20)");
  writeFileSync(stub, implemented);
  tscClean(tsc("-p", "tsconfig.json", "--noEmit", "--noUnusedLocals", "--noUnusedParameters"));
  const before = snapshotTree(path.join(app, "src"));
  const second = cli("build");
  assert.equal(second.status, 0, second.stderr);
  assert.equal(readFileSync(stub, "utf8"), implemented, "the second build left the migration byte-identical");
  assert.deepEqual([...snapshotTree(path.join(app, "src"))].map(([k, v]) => [k, v.slice(v.indexOf(":") + 1)]), [...before].map(([k, v]) => [k, v.slice(v.indexOf(":") + 1)]), "the second build changed nothing under src/");
  const checked = cli("check");
  assert.equal(checked.status, 0, checked.stderr);
  // v2 is a draft until published; publishing it locks it too.
  assert.match(ok("npx", ["--no-install", "llm-contracts", "publish", "lookup-order@v2"], app), /published lookup-order@v2/);
});

function tscClean(r: Ran): void {
  assert.equal(r.status, 0, `tsc --noUnusedLocals --noUnusedParameters failed:\n${r.stdout}${r.stderr}`);
}
