/**
 * The cache folder as another process may have left it (src/cache/read-bounded.ts): where the tool reads a file, a
 * named pipe, a link to a device that never ends, or an oversized file. Each read is a miss, promptly: a `check` on
 * such a cache finishes and says what a check without a cache says. A regression here hangs the reading thread
 * (a pipe blocks the read synchronously, so no in-process timeout could fire): every case that could hang runs in
 * a child process with a time limit, and a hang is a failed assertion naming the case.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CACHE_KEY_ENV } from "../../src/cache/secret.js";
import { PACKAGE_FILES } from "../../src/paths.js";
import { BIN, REPO_ROOT, copyOfExamples, tempDir } from "../util/project.js";

const CAN_PIPE = process.platform !== "win32" && existsSync("/dev/zero");
const SKIP = CAN_PIPE ? false : "named pipes and /dev/zero are POSIX: this platform has neither";
const READER = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "../../src/cache/read-bounded.js")).href;

function mkfifo(file: string): void {
  const r = spawnSync("mkfifo", [file]);
  assert.equal(r.status, 0, `mkfifo ${file}: ${r.stderr}`);
}

/** `expr` (short: it is a command-line argument) evaluated in a child that imports read-bounded.ts as `r` and has
 * `createHash`; its value as JSON, or a failure after 10 s. */
function inChild(expr: string): unknown {
  const program = `import * as r from ${JSON.stringify(READER)}; import { createHash } from "node:crypto"; const v = ${expr}; console.log(JSON.stringify(v === undefined ? "undefined" : v));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8", timeout: 10_000 });
  assert.equal(run.error, undefined, `${expr}: did not finish within 10 s (${String(run.error)})`);
  assert.equal(run.status, 0, `${expr}: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

test("read-bounded › pipes, endless devices, links and oversized files are misses; regular files are read whole", { skip: SKIP }, () => {
  const dir = tempDir("llm-contracts-bounded-");
  const pipe = path.join(dir, "pipe.json");
  mkfifo(pipe);
  const zero = path.join(dir, "zero.json");
  symlinkSync("/dev/zero", zero);
  const plain = path.join(dir, "plain.json");
  const text = `{"a":"é ✓"}\n`.repeat(50_000);
  writeFileSync(plain, text);
  const link = path.join(dir, "link.json");
  symlinkSync(plain, link);
  const q = JSON.stringify;
  for (const file of [pipe, zero, link, path.join(dir, "absent.json"), dir]) {
    assert.equal(inChild(`r.readBounded(${q(file)})`), "undefined", `readBounded(${path.basename(file)})`);
    assert.equal(inChild(`r.hashBounded(${q(file)})`), "undefined", `hashBounded(${path.basename(file)})`);
  }
  const sha = (t: string): string => createHash("sha256").update(t).digest("hex");
  assert.equal(inChild(`createHash("sha256").update(r.readBounded(${q(plain)})).digest("hex")`), sha(text), "a regular file read whole");
  assert.equal(inChild(`r.readBounded(${q(plain)}, ${Buffer.byteLength(text) - 1})`), "undefined", "one byte over the limit");
  assert.equal(inChild(`r.readBounded(${q(plain)}, ${Buffer.byteLength(text)})?.length`), Buffer.byteLength(text), "exactly the limit");
  // Chunked hashing gives the hash of the whole file (larger than one chunk here).
  assert.equal(inChild(`r.hashBounded(${q(plain)})`), sha(text));
});

/** Every file of the cache folder a check reads, but the key: replaced one by one in `kinds`' ways. */
function cacheFiles(cacheDir: string): string[] {
  const out: string[] = [];
  for (const ns of readdirSync(cacheDir)) {
    if (ns === "tmp") continue;
    for (const f of readdirSync(path.join(cacheDir, ns))) out.push(path.join(cacheDir, ns, f));
  }
  return out.sort();
}

test("read-bounded › a check over a cache of pipes and endless links finishes and equals a check without a cache", { skip: SKIP, timeout: 300_000 }, () => {
  const root = copyOfExamples();
  const env = { ...process.env, NO_COLOR: "1" };
  const cli = (args: string[], label: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env, timeout: 60_000 });
    assert.equal(r.error, undefined, `${label}: did not finish within 60 s (${String(r.error)})`);
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  assert.equal(cli(["build"], "build").code, 0);
  const plain = cli(["check", "--no-cache"], "check --no-cache");
  assert.equal(plain.code, 0, plain.err);
  const cacheDir = path.join(root, "node_modules", ".cache", "llm-contracts");
  for (const [kind, plant] of [
    ["named pipe", mkfifo],
    ["link to /dev/zero", (f: string) => symlinkSync("/dev/zero", f)],
  ] as const) {
    // A check first, so that every entry it reads exists, then each replaced.
    assert.equal(cli(["check"], `${kind}: the check before`).code, 0);
    const files = cacheFiles(cacheDir);
    assert.ok(files.some((f) => f.includes(`${path.sep}state${path.sep}`)) && files.length > 10, `the cache holds its snapshot and entries: ${files.length}`);
    for (const f of files) {
      rmSync(f, { recursive: true, force: true });
      plant(f);
    }
    const cached = cli(["check"], `check over a cache of each file a ${kind}`);
    assert.deepEqual([cached.code, cached.out, cached.err], [plain.code, plain.out, plain.err], kind);
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
  }
  // The cache key (src/cache/secret.ts, kept outside the cache folder) a named pipe: no key, so no cache, promptly.
  const keyPipe = path.join(tempDir("llm-contracts-key-"), "cache.key");
  mkfifo(keyPipe);
  const r = spawnSync(process.execPath, [BIN, "check"], { cwd: root, encoding: "utf8", env: { ...env, [CACHE_KEY_ENV]: keyPipe }, timeout: 60_000 });
  assert.equal(r.error, undefined, `check with a named pipe for its key: did not finish within 60 s (${String(r.error)})`);
  assert.deepEqual([r.status, r.stdout, r.stderr], [plain.code, plain.out, plain.err], "a named pipe for the key");
});

/** Runs the CLI at `bin` in `root`, bounded to 60 s: exit code, stdout, stderr. */
function cliIn(root: string, bin: string): (args: string[]) => [number | null, string, string] {
  const env = { ...process.env, NO_COLOR: "1" };
  return (args) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env, timeout: 60_000 });
    assert.equal(r.error, undefined, `${args.join(" ")}: did not finish within 60 s`);
    return [r.status, r.stdout, r.stderr];
  };
}

/**
 * The tool as a package manager that links `node_modules` installs it (pnpm; a git worktree sharing one): its
 * compiled code and package files, and `node_modules` a link to this repository's.
 */
function linkedInstall(): string {
  const dir = tempDir("llm-contracts-linked-");
  for (const sub of ["dist/src", "dist/cli"]) cpSync(path.join(REPO_ROOT, sub), path.join(dir, sub), { recursive: true });
  for (const f of PACKAGE_FILES) cpSync(path.join(REPO_ROOT, f), path.join(dir, f));
  symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

// A stat of a pipe left where Node's module loader reads it made the packages the check then imported (ajv) load
// through the link: an empty module, an internal error (src/contain/stat.ts). Only a linked node_modules shows it.
test("read-bounded › a check over a cache of pipes by a tool whose node_modules is a link equals a check without a cache", { skip: SKIP, timeout: 300_000 }, () => {
  const root = copyOfExamples();
  const cli = cliIn(root, path.join(linkedInstall(), "dist", "cli", "main.js"));
  assert.equal(cli(["build"])[0], 0);
  const plain = cli(["check", "--no-cache"]);
  assert.equal(plain[0], 0, String(plain[2]));
  assert.equal(cli(["check"])[0], 0);
  for (const f of cacheFiles(path.join(root, "node_modules", ".cache", "llm-contracts"))) {
    rmSync(f, { recursive: true, force: true });
    mkfifo(f);
  }
  assert.deepEqual(cli(["check"]), plain);
});

test("read-bounded › cache folders that are links out of the project are neither read nor written through", { skip: SKIP, timeout: 300_000 }, () => {
  const root = copyOfExamples();
  const cli = cliIn(root, BIN);
  assert.equal(cli(["build"])[0], 0);
  assert.equal(cli(["check"])[0], 0);
  const cacheDir = path.join(root, "node_modules", ".cache", "llm-contracts");
  const outside = tempDir("llm-contracts-outside-");
  const folders = readdirSync(cacheDir).filter((f) => f !== "tmp");
  assert.ok(folders.includes("state") && folders.includes("version"), folders.join(", "));
  // Each folder of the cache a link to a folder outside the project, holding what the folder held.
  for (const f of folders) {
    const away = path.join(outside, f);
    cpSync(path.join(cacheDir, f), away, { recursive: true });
    rmSync(path.join(cacheDir, f), { recursive: true });
    symlinkSync(away, path.join(cacheDir, f));
  }
  const before = listing(outside);
  // A change, so that the runs below read entries and write new ones (an example added), then the same again.
  const valid = path.join(root, "schemas", "ticket-triage", "examples", "v1", "valid");
  cpSync(path.join(valid, "double-charge.json"), path.join(valid, "added.json"));
  assert.deepEqual(cli(["check"]), cli(["check", "--no-cache"]), "check over linked cache folders");
  assert.equal(cli(["build"])[0], 0, "build over linked cache folders");
  assert.deepEqual(cli(["check"]), cli(["check", "--no-cache"]), "check after the build");
  assert.deepEqual(listing(outside), before, "nothing written or removed outside the project");
});

/** Every file under `dir` with its size and mtime. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const st = statSync(path.join(e.parentPath ?? e.path, e.name));
      return `${path.relative(dir, path.join(e.parentPath ?? e.path, e.name))} ${st.size} ${st.mtimeMs}`;
    })
    .sort();
}
