/**
 * The package as its users get it: `npm pack`, the tarball installed as a devDependency of a fresh project (the
 * registry serves its dependencies only, from the warm cache where possible), then, through the installed `bin`,
 * `init`, `build` and `check` in four kinds of consumer project, each compiled (where there is something to compile)
 * and run. One install is shared by the four kinds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import { REPO_ROOT, tempDir } from "../util/project.js";
import { BUNDLER, EXPECTED_OUTPUT, PLAIN_JS, TS_COMMONJS, TS_NODENEXT, type Consumer } from "./consumers.js";

/** The environment of a user's shell: nothing inherited from the `npm test` that runs us. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

function run(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: cleanEnv(), timeout: 600_000 });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} (in ${cwd}) exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const npmAvailable = spawnSync("npm", ["--version"], { encoding: "utf8" }).status === 0;

test("pack-install › the packed tarball installs and works in TypeScript NodeNext, bundler, plain JavaScript and CommonJS projects", { skip: npmAvailable ? false : "npm is not on the PATH" }, async (t) => {
  const work = tempDir("llm-contracts-adoption-");
  // `npm pack` runs no build script (see scripts/postinstall.mjs): it packs the dist/ that `npm test` just compiled.
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], REPO_ROOT)) as [{ filename: string; version: string }];
  const tarball = path.join(work, packed[0].filename);
  const app = path.join(work, "app");
  mkdirSync(app);
  writeFileSync(path.join(app, "package.json"), `${JSON.stringify({ name: "adopter", private: true, type: "module" }, null, 2)}\n`);
  run("npm", ["install", "--save-dev", "--prefer-offline", "--no-audit", "--no-fund", tarball], app);
  const tsc = path.join(app, "node_modules", "typescript", "bin", "tsc");
  const cli = (...args: string[]): string => run("npx", ["--no-install", "llm-contracts", ...args], app);

  await t.test("npx --no-install llm-contracts runs the installed bin", () => {
    assert.equal(cli("--version").trim(), packed[0].version);
    assert.match(cli("--help"), /init +set up a project/);
  });

  const setUp = (consumer: Consumer): string => {
    const dir = path.join(app, consumer.dir);
    for (const [rel, text] of Object.entries(consumer.files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    cli("init", "--root", consumer.dir);
    const config = JSON.parse(readFileSync(path.join(dir, "llm-contracts.config.json"), "utf8")) as { $schema: string };
    assert.ok(existsSync(path.join(dir, config.$schema)), `$schema ${config.$schema} must point at the installed config schema`);
    assert.match(cli("build", "--root", consumer.dir), /built 2 contracts, 2 versions/);
    assert.match(cli("check", "--root", consumer.dir), /check passed/);
    return dir;
  };
  const node = (dir: string, file: string): string => run(process.execPath, [file], dir).trim();

  await t.test(`TypeScript ESM (NodeNext): tsc -p tsconfig.json && node dist/main.js`, () => {
    const dir = setUp(TS_NODENEXT);
    assert.ok(existsSync(path.join(dir, "src/generated/index.ts")));
    run(process.execPath, [tsc, "-p", "tsconfig.json"], dir);
    assert.equal(node(dir, "dist/main.js"), EXPECTED_OUTPUT);
  });

  await t.test("bundler (moduleResolution Bundler): tsc --noEmit, esbuild bundle, node runs the bundle", async () => {
    const dir = setUp(BUNDLER);
    run(process.execPath, [tsc, "-p", "tsconfig.json"], dir);
    await esbuild.build({ absWorkingDir: dir, entryPoints: ["src/app.ts"], bundle: true, format: "esm", platform: "browser", outfile: "out/app.js", logLevel: "silent" });
    assert.equal(node(dir, "out/app.js"), EXPECTED_OUTPUT);
  });

  await t.test("plain JavaScript ESM (emit js): node main.js, and tsc --checkJs against the .d.ts", () => {
    const dir = setUp(PLAIN_JS);
    assert.ok(existsSync(path.join(dir, "generated/index.js")) && existsSync(path.join(dir, "generated/index.d.ts")));
    assert.ok(!existsSync(path.join(dir, "generated/index.ts")));
    assert.equal(node(dir, "main.js"), EXPECTED_OUTPUT);
    run(process.execPath, [tsc, "--noEmit", "--allowJs", "--checkJs", "--strict", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--target", "ES2022", "--skipLibCheck", "main.js"], dir);
  });

  await t.test('CommonJS TypeScript ("module": "commonjs"): tsc -p tsconfig.json && node dist/main.js', () => {
    const dir = setUp(TS_COMMONJS);
    run(process.execPath, [tsc, "-p", "tsconfig.json"], dir);
    assert.match(readFileSync(path.join(dir, "dist/main.js"), "utf8"), /require\("\.\/generated\/index\.js"\)/);
    assert.equal(node(dir, "dist/main.js"), EXPECTED_OUTPUT);
  });

  await t.test("the library entry point imports from the installed package", () => {
    const out = run(process.execPath, ["--input-type=module", "-e", 'import("llm-contracts").then((m) => console.log(typeof m.build, typeof m.check))'], app);
    assert.equal(out.trim(), "function function");
  });
});
