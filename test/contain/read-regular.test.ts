/**
 * readRegular (src/contain/read-regular.ts), the one way a file is read from a folder others may write: a regular
 * file up to the limit is read whole; a folder, a pipe, a link under `noFollow`, an absent path and a file over
 * the limit are each refused with their reason, and nothing waits (a pipe is opened without waiting: this test
 * would hang, not fail, if it did, so the pipe case runs in a child with a time limit).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readRegular } from "../../src/contain/read-regular.js";
import { tempDir } from "../util/project.js";

const why = (r: ReturnType<typeof readRegular>): string => (r.ok ? `ok ${r.bytes.length}` : r.why === "too-large" ? `too-large ${r.size}` : `${r.why}${r.code !== undefined ? ` ${r.code}` : ""}`);

test("read-regular › each kind of path gives its answer", () => {
  const dir = tempDir("llm-contracts-read-regular-");
  const file = path.join(dir, "ten.txt");
  writeFileSync(file, "0123456789");
  mkdirSync(path.join(dir, "folder"));
  symlinkSync(file, path.join(dir, "link.txt"));
  const cases: [string, Parameters<typeof readRegular>[1], string][] = [
    ["ten.txt", { limit: 10 }, "ok 10"],
    ["ten.txt", { limit: 9 }, "too-large 10"],
    ["ten.txt", { limit: 0 }, "too-large 10"],
    ["link.txt", { limit: 10 }, "ok 10"],
    ["link.txt", { limit: 10, noFollow: true }, "unreadable ELOOP"],
    ["folder", { limit: 10 }, "not-regular"],
    ["absent.txt", { limit: 10 }, "absent ENOENT"],
    ["ten.txt/below", { limit: 10 }, "absent ENOTDIR"],
  ];
  for (const [rel, options, expected] of cases) assert.equal(why(readRegular(path.join(dir, rel), options)), expected, `${rel} ${JSON.stringify(options)}`);
  const read = readRegular(file, { limit: 10 });
  assert.equal(read.ok && read.bytes.toString("utf8"), "0123456789");
  const empty = path.join(dir, "empty.txt");
  writeFileSync(empty, "");
  assert.equal(why(readRegular(empty, { limit: 0 })), "ok 0");
});

test("read-regular › a named pipe is refused at once, without a writer", { skip: process.platform === "win32" ? "named pipes made by mkfifo are POSIX" : false }, () => {
  const pipe = path.join(tempDir("llm-contracts-read-regular-"), "pipe");
  assert.equal(spawnSync("mkfifo", [pipe]).status, 0);
  const module = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "../../src/contain/read-regular.js")).href;
  const program = `import { readRegular } from ${JSON.stringify(module)}; const r = readRegular(${JSON.stringify(pipe)}, { limit: 10 }); console.log(r.ok ? "ok" : r.why);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8", timeout: 10_000 });
  assert.equal(run.error, undefined, "reading a named pipe did not finish within 10 s");
  assert.equal(run.stdout.trim(), "not-regular", run.stderr);
});
