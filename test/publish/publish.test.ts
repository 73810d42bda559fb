/**
 * Published versions are immutable, checked without git: `publish` records fingerprints in
 * schemas/published.lock.json, and `check` (with and without the build cache) fails with publish.changed on an
 * in-place edit and publish.removed on a deleted version, and passes again once the hint is followed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { changedPointers, fingerprint } from "../../src/publish/fingerprint.js";
import { parseSelection } from "../../src/publish/publish.js";
import { contractFiles, makeProject } from "../util/project.js";
import { builtCopyHere, runCliHere } from "../util/in-process.js";

const V1 = { type: "object", additionalProperties: false, required: ["status"], properties: { status: { enum: ["open", "closed"] }, note: { type: "string" } } };
const V2 = { ...V1, properties: { ...V1.properties, tag: { type: "string" } } };

/** Two contracts, built (once per file, then copied: the subject here is what comes after the build). */
async function project(): Promise<string> {
  return builtCopyHere("ticket-reply", () => makeProject({ ...contractFiles("ticket", [V1, V2]), ...contractFiles("reply", [{ type: "object", properties: { text: { type: "string" } } }]) }));
}

const lockOf = (dir: string): { published: Record<string, Record<string, { sha256: string }>> } =>
  JSON.parse(readFileSync(path.join(dir, "schemas/published.lock.json"), "utf8")) as never;

test("publish › fingerprint: the same schema in another key order has the same hash; a change is named by its pointer", () => {
  const a = fingerprint(V1 as never);
  const b = fingerprint(JSON.parse(JSON.stringify({ properties: V1.properties, required: V1.required, additionalProperties: false, type: "object" })) as never);
  assert.equal(a.sha256, b.sha256);
  const narrowed = fingerprint({ ...V1, properties: { ...V1.properties, status: { enum: ["open"] } } } as never);
  assert.notEqual(narrowed.sha256, a.sha256);
  assert.deepEqual(changedPointers(a, narrowed), ["/properties/status"]);
  assert.deepEqual(changedPointers(a, fingerprint({ ...V1, required: ["status", "note"] } as never)), ["/required"]);
});

test("publish › selection: <contract> and <contract>@v<N>; anything else is refused", () => {
  assert.deepEqual(parseSelection("ticket"), { contract: "ticket" });
  assert.deepEqual(parseSelection("ticket@v2"), { contract: "ticket", version: 2 });
  for (const bad of ["Ticket", "ticket@2", "ticket@v0", "@v1", "ticket@v1@v2"]) assert.equal(parseSelection(bad), undefined, bad);
});

test("publish › no argument publishes every unpublished version; again changes nothing; the lock is deterministic", async () => {
  const dir = await project();
  const r = await runCliHere(["publish"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^published reply@v1, ticket@v1, ticket@v2 in schemas\/published\.lock\.json/);
  const text = readFileSync(path.join(dir, "schemas/published.lock.json"), "utf8");
  assert.deepEqual(Object.keys(lockOf(dir).published), ["reply", "ticket"]);
  assert.deepEqual(Object.keys(lockOf(dir).published["ticket"]!), ["v1", "v2"]);
  const again = await runCliHere(["publish"], dir);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /nothing to publish: 3 version\(s\) already/);
  rmSync(path.join(dir, "schemas/published.lock.json"));
  assert.equal((await runCliHere(["publish"], dir)).code, 0);
  assert.equal(readFileSync(path.join(dir, "schemas/published.lock.json"), "utf8"), text, "byte-identical lock");
  assert.equal((await runCliHere(["check"], dir)).code, 0);
});

test("publish › <contract>@v<N> publishes that version only; the others stay drafts that may change", async () => {
  const dir = await project();
  assert.equal((await runCliHere(["publish", "ticket@v1"], dir)).code, 0);
  assert.deepEqual(Object.keys(lockOf(dir).published), ["ticket"]);
  assert.deepEqual(Object.keys(lockOf(dir).published["ticket"]!), ["v1"]);
  // v2 is a draft: editing it is fine (after a build).
  writeFileSync(path.join(dir, "schemas/ticket/v2.json"), JSON.stringify({ ...V2, title: "Ticket" }));
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  assert.equal((await runCliHere(["check"], dir)).code, 0);
  const unknown = await runCliHere(["publish", "ticket@v9"], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no ticket v9 to publish.*\[publish\.unknown\]/);
  assert.equal((await runCliHere(["publish", "Ticket"], dir)).code, 2);
});

for (const cache of [[], ["--no-cache"]]) {
  const label = cache.length === 0 ? "with the cache" : "without the cache";
  test(`publish › check fails with publish.changed on an in-place edit, passes once undone (${label}, no .git)`, async () => {
    const dir = await project();
    assert.ok(!existsSync(path.join(dir, ".git")));
    assert.equal((await runCliHere(["publish"], dir)).code, 0);
    assert.equal((await runCliHere(["check", ...cache], dir)).code, 0);
    const file = path.join(dir, "schemas/ticket/v2.json");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, JSON.stringify({ ...V2, properties: { ...V2.properties, status: { enum: ["open"] } } }, null, 2));
    const r = await runCliHere(["check", ...cache], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^schemas\/ticket\/v2\.json#\/properties\/status: ticket v2 is published \(schemas\/published\.lock\.json\) and its schema changed at \/properties\/status: .*undo the edit.*new version v3 \[publish\.changed\]$/m);
    // The hint: undo the edit.
    writeFileSync(file, original);
    const back = await runCliHere(["check", ...cache], dir);
    assert.equal(back.code, 0, back.stderr);
    // And publishing over the change is refused.
    writeFileSync(file, JSON.stringify({ ...V2, title: "changed" }));
    const refused = await runCliHere(["publish", "ticket@v2"], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\[publish\.changed\]/);
  });

  test(`publish › check fails with publish.removed when a published version's file is gone, passes once restored (${label})`, async () => {
    const dir = await project();
    assert.equal((await runCliHere(["publish"], dir)).code, 0);
    const file = path.join(dir, "schemas/reply/v1.json");
    const original = readFileSync(file, "utf8");
    rmSync(path.join(dir, "schemas/reply"), { recursive: true });
    assert.equal((await runCliHere(["build"], dir)).code, 0);
    const r = await runCliHere(["check", ...cache], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^schemas\/published\.lock\.json#\/published\/reply\/v1: reply v1 is published but its schema file is gone: restore schemas\/reply\/v1\.json .*\[publish\.removed\]$/m);
    mkdirSync(path.join(dir, "schemas/reply"));
    writeFileSync(path.join(dir, "schemas/reply/contract.json"), `${JSON.stringify({ kind: "model-output" }, null, 2)}\n`);
    writeFileSync(file, original);
    assert.equal((await runCliHere(["build"], dir)).code, 0);
    assert.equal((await runCliHere(["check", ...cache], dir)).code, 0);
  });
}

test("publish › a malformed lock is bad input: one line with file, pointer and line:col, exit 2 from check and publish", async () => {
  const dir = await project();
  assert.equal((await runCliHere(["publish"], dir)).code, 0);
  const lock = path.join(dir, "schemas/published.lock.json");
  writeFileSync(lock, readFileSync(lock, "utf8").replace(/"sha256": "[0-9a-f]+"/, '"sha256": "nope"'));
  for (const cmd of ["check", "publish"]) {
    const r = await runCliHere([cmd], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^schemas\/published\.lock\.json:\d+:\d+#\/published\/reply\/v1\/sha256: sha256 must be 64 lowercase hex digits.*\[publish\.lock-invalid\]$/m);
    assert.doesNotMatch(r.stderr, /internal error/);
  }
});
