/**
 * Progress on a terminal only: a TTY stream outside CI gets a line rewritten in place (versions done of the total,
 * elapsed seconds), throttled, and cleared at the end; a pipe, CI, or a short run gets nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { progressFor } from "../../cli/progress.js";
import { contractFiles, makeProject, runCli } from "../util/project.js";

function fake(isTTY: boolean): { stream: { isTTY: boolean; write(t: string): boolean }; written: string[] } {
  const written: string[] = [];
  return { stream: { isTTY, write: (t: string) => (written.push(t), true) }, written };
}

test("progress › a terminal outside CI: versions done of the total and elapsed seconds, throttled, then cleared", () => {
  let clock = 0;
  const { stream, written } = fake(true);
  const p = progressFor(stream, {}, () => clock)!;
  assert.ok(p !== undefined);
  p.update(0, 500); // within the first second: nothing
  clock = 1500;
  p.update(10, 500);
  clock = 1550;
  p.update(11, 500); // within 200 ms of the last line: skipped
  clock = 2600;
  p.update(300, 500);
  p.end();
  assert.deepEqual(written, ["\r\u001b[2Kcompiling 10/500 contract versions, 2 s", "\r\u001b[2Kcompiling 300/500 contract versions, 3 s", "\r\u001b[2K"]);
});

test("progress › nothing when piped, in CI, on a dumb terminal, or for a run shorter than a second", () => {
  assert.equal(progressFor(fake(false).stream, {}), undefined, "piped");
  assert.equal(progressFor(fake(true).stream, { CI: "true" }), undefined, "CI");
  assert.equal(progressFor(fake(true).stream, { TERM: "dumb" }), undefined, "dumb terminal");
  assert.notEqual(progressFor(fake(true).stream, { CI: "false" }), undefined, "CI=false is not CI");
  const { stream, written } = fake(true);
  const p = progressFor(stream, {}, () => 10)!;
  p.update(5, 5);
  p.end();
  assert.deepEqual(written, [], "a short run shows nothing and clears nothing");
});

test("progress › a piped build prints no progress (stderr is empty)", () => {
  const r = runCli(["build"], makeProject({ ...contractFiles("ping", [{ type: "object" }]), "schemas/ping/examples/v1/valid/a.json": {} }));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "");
});
