/**
 * findScope (src/incremental/scope.ts) redoes every contract that read a changed shared file, however the unit
 * wrote the path it read (plain, through "..", with "./", absolute), and no contract that read another file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Project } from "../../src/config/config.js";
import { findScope } from "../../src/incremental/scope.js";
import type { ContractUnit } from "../../src/incremental/units.js";

const root = path.join(path.parse(process.cwd()).root, "proj");
const project = { rootDir: root, schemasDir: path.join(root, "schemas"), outDir: path.join(root, "generated"), toolsets: {} } as unknown as Project;
const unit = (name: string, read: string[]): ContractUnit =>
  ({ name, roots: [path.join(root, "schemas", name), path.join(root, "generated", name)], read, findings: [] }) as unknown as ContractUnit;

test("scope › a changed shared file redoes each contract that read it, whatever form its read path takes", () => {
  const units = [
    unit("a", ["schemas/a/v1/schema.json", "shared/defs.json"]),
    unit("b", ["schemas/b/v1/schema.json", "schemas/../shared/defs.json"]),
    unit("c", ["schemas/c/v1/schema.json", "./shared/./defs.json"]),
    unit("d", ["schemas/d/v1/schema.json", path.join(root, "shared", "defs.json")]),
    unit("e", ["schemas/e/v1/schema.json", "shared/other.json", "shared/defs.json.bak"]),
    unit("f", ["schemas/f/v1/schema.json"]),
    unit("g", ["schemas/g/v1/schema.json"]),
    unit("h", ["schemas/h/v1/schema.json"]),
    unit("i", ["schemas/i/v1/schema.json"]),
  ];
  const scope = findScope(project, units, [path.join(root, "shared", "defs.json")]);
  assert.deepEqual([...(scope?.names ?? [])].sort(), ["a", "b", "c", "d"]);
  // A shared folder read as a folder ("shared/sub/..") counts as read when the folder itself changed.
  const byFolder = findScope(project, [...units.slice(0, 8), unit("i", ["shared/sub/.."])], [path.join(root, "shared")]);
  assert.deepEqual([...(byFolder?.names ?? [])].sort(), ["i"]);
  // A change nobody read: the whole project.
  assert.equal(findScope(project, units, [path.join(root, "shared", "unread.json")]), undefined);
});
