/**
 * `build --watch` as a user runs it: a child process that builds, then rebuilds when a schema is edited (one line
 * per rebuild), reports a broken schema and keeps watching, and recovers when the schema is fixed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BIN, copyOfExamples } from "../util/project.js";

/** Waits until the child's combined output holds `pattern` (after `from` characters), or fails after `ms`. */
function waitFor(get: () => string, pattern: RegExp, from: number, ms = 60_000): Promise<string> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      const text = get().slice(from);
      if (pattern.test(text)) return resolve(text);
      if (Date.now() - start > ms) return reject(new Error(`timed out waiting for ${pattern}; output:\n${get()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

test("build --watch › rebuilds what changed, survives a broken schema, recovers", async () => {
  const dir = copyOfExamples();
  const child = spawn(process.execPath, [BIN, "build", "--watch"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const get = (): string => output;
  try {
    await waitFor(get, /watching schemas\/ for changes/, 0);
    assert.match(output, /rebuilt generated\/ in \d+ ms \(initial build\)/);
    const generated = path.join(dir, "generated/ticket-triage/v3.ts");
    const before = readFileSync(generated, "utf8");
    const schema = path.join(dir, "schemas/ticket-triage/v3.json");
    const original = readFileSync(schema, "utf8");

    let mark = output.length;
    writeFileSync(schema, original.replace("One-sentence summary for the queue view.", "A one-line summary for the queue."));
    const rebuilt = await waitFor(get, /rebuilt generated\/ in \d+ ms \(schemas\/ticket-triage\/v3\.json changed\): \d+ file\(s\) written/, mark);
    assert.equal(rebuilt.trim().split("\n").length, 1, `one line per rebuild: ${rebuilt}`);
    const after = readFileSync(generated, "utf8");
    assert.notEqual(after, before);
    assert.match(after, /A one-line summary for the queue\./);

    mark = output.length;
    writeFileSync(schema, "{ not json");
    await waitFor(get, /build failed \(schemas\/ticket-triage\/v3\.json changed\).*still watching/, mark);
    assert.match(output.slice(mark), /schemas\/ticket-triage\/v3\.json:1:/, "the error names the file and position");
    assert.equal(readFileSync(generated, "utf8"), after, "a failed build leaves the output as it was");
    assert.equal(child.exitCode, null, "still running");

    mark = output.length;
    writeFileSync(schema, original);
    await waitFor(get, /rebuilt generated\/ in \d+ ms/, mark);
    assert.equal(readFileSync(generated, "utf8"), before);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
});
