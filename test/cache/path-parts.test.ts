/**
 * The snapshot code's own dirname, basename and join (src/cache/snapshot-format.ts) answer what node:path answers
 * for every path a walk makes, and near the root too.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { join, nameOf, parentOf } from "../../src/cache/snapshot-format.js";

test("snapshot paths › parentOf and nameOf equal path.dirname and path.basename; join equals path.join for a folder's entry", () => {
  const root = path.parse(process.cwd()).root;
  const paths = [
    root,
    path.join(root, "a"),
    path.join(root, "a", "b"),
    path.join(root, "tmp", "proj", "schemas", "contract-0501", "examples", "v2", "valid", "typical.json"),
    path.join(root, "tmp", "proj", "generated", "contract-0001"),
    path.join(root, "x", ".hidden"),
    path.join(root, "x", "with space", "name.with.dots"),
    `${path.join(root, "trailing")}${path.sep}`,
  ];
  for (const p of paths) {
    assert.equal(parentOf(p), path.dirname(p), `parentOf ${p}`);
    assert.equal(nameOf(p), path.basename(p), `nameOf ${p}`);
  }
  for (const dir of [root, path.join(root, "a"), path.join(root, "a", "b")]) for (const name of ["c", ".d", "e.json"]) assert.equal(join(dir, name), path.join(dir, name));
});
