/**
 * Texts kept by content address (src/cache/texts.ts): a text reads back only when its bytes give its address, so a
 * missing, truncated or rewritten text is a miss; a text that has no UTF-8 form of its own (a lone surrogate) is
 * not stored by address; and a version outcome whose project file text is gone or damaged is a miss, never another
 * result.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getText, putText, TEXTS_FOLDER } from "../../src/cache/texts.js";
import { readTree } from "../util/generated.js";
import { contractFiles, makeProject, runCli, tempDir } from "../util/project.js";

test("texts › a text reads back by its address only while its bytes give that address", () => {
  const dir = tempDir("llm-contracts-texts-");
  const text = "export const a = 'é ✓ 𝄞';\n";
  const at = putText(dir, text);
  assert.match(at ?? "", /^[0-9a-f]{64}$/);
  assert.equal(putText(dir, text), at, "one address per text");
  const file = path.join(dir, TEXTS_FOLDER, `${at}.txt`);
  assert.equal(readFileSync(file, "utf8"), text);
  // Read as another process would (this one remembers what it wrote): each case in a fresh folder.
  const damaged = (bytes: string | undefined): string | undefined => {
    const other = tempDir("llm-contracts-texts-");
    mkdirSync(path.join(other, TEXTS_FOLDER));
    if (bytes !== undefined) writeFileSync(path.join(other, TEXTS_FOLDER, `${at}.txt`), bytes);
    return getText(other, at);
  };
  assert.equal(damaged(text), text);
  assert.equal(damaged(text.slice(0, 10)), undefined, "truncated");
  assert.equal(damaged(text.replace("a", "b")), undefined, "rewritten");
  assert.equal(damaged(undefined), undefined, "missing");
  assert.equal(getText(dir, "../x"), undefined, "not an address");
  assert.equal(getText(dir, 5), undefined, "not a string");
  assert.equal(putText(dir, "lone \ud800 surrogate"), undefined, "no UTF-8 form of its own: kept by the caller");
  assert.match(putText(dir, "pair \ud834\udd1e") ?? "", /^[0-9a-f]{64}$/, "a well-formed pair is stored");
});

const OBJ = { type: "object", properties: { a: { type: "string" } } };

test("texts › a version outcome whose project file text is gone or damaged is a miss: the build equals one without cache", () => {
  const files = { ...contractFiles("ping", [OBJ]), ...contractFiles("pong", [OBJ]) };
  const clean = makeProject(files);
  assert.equal(runCli(["build", "--no-cache"], clean).code, 0);
  const want = readTree(path.join(clean, "generated"));
  for (const damage of ["remove", "rewrite"] as const) {
    const dir = makeProject(files);
    assert.equal(runCli(["build"], dir).code, 0);
    const cache = path.join(dir, "node_modules/.cache/llm-contracts");
    const texts = readdirSync(path.join(cache, TEXTS_FOLDER));
    assert.ok(texts.length >= 1, "the project files are held as texts");
    const standard = readFileSync(path.join(dir, "generated/_standard.ts"), "utf8");
    const holding = readdirSync(path.join(cache, "version")).filter((f) => readFileSync(path.join(cache, "version", f), "utf8").includes(JSON.stringify(standard).slice(1, 80)));
    assert.deepEqual(holding, [], "no outcome repeats a project file's text");
    for (const f of texts) {
      const file = path.join(cache, TEXTS_FOLDER, f);
      if (damage === "remove") rmSync(file);
      else writeFileSync(file, readFileSync(file, "utf8").replace("export", "exp0rt"));
    }
    rmSync(path.join(dir, "generated"), { recursive: true });
    rmSync(path.join(cache, "state"), { recursive: true, force: true });
    const r = runCli(["build"], dir);
    assert.equal(r.code, 0, `${damage}: ${r.stderr}`);
    assert.deepEqual(readTree(path.join(dir, "generated")), want, damage);
  }
});
