/**
 * The versions without golden examples an incremental `build` reports (src/incremental/unexampled.ts): the previous
 * build's entries of the contracts it did not redo, the redone ones' fresh, in whole-discovery order. Each build must
 * report what a build without a cache reports (twins.ts), including the first folder to add, while redoing only the
 * contract a change is in; and a list it cannot read falls back to discovering the project.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { resolveProject } from "../../src/config/config.js";
import { carryUnexampled } from "../../src/incremental/unexampled.js";
import { C, edit, step, twins } from "./twins.js";
import { tempDir } from "../util/project.js";

const unexampled = (result: string): unknown => (JSON.parse(result) as { unexampled?: unknown }).unexampled;

function onBoth(dirs: readonly [string, string], change: (dir: string) => void): void {
  for (const d of dirs) change(d);
}
const examples = (dir: string, i: number, v: number): string => path.join(dir, "schemas", C(i), "examples", `v${v}`);

test("incremental › the versions without examples after a scoped build equal a build without a cache", { timeout: 300_000 }, async () => {
  const dirs = twins(5);
  onBoth(dirs, (d) => [[1, 2], [3, 2]].forEach(([i, v]) => rmSync(examples(d, i!, v!), { recursive: true })));
  const cold = await step(dirs, "build", "cold build", "replay or no units");
  assert.deepEqual(unexampled(cold), { versions: [`${C(1)} v2`, `${C(3)} v2`], firstFolder: `schemas/${C(1)}/examples/v2` });

  // The first entry's contract gets its examples back; an earlier contract loses one: the first folder moves twice.
  onBoth(dirs, (d) => {
    cpSync(examples(d, 1, 1), examples(d, 1, 2), { recursive: true });
    rmSync(examples(d, 0, 2), { recursive: true });
  });
  const moved = await step(dirs, "build", "examples moved: build", `${C(0)}, ${C(1)}`);
  assert.deepEqual(unexampled(moved), { versions: [`${C(0)} v2`, `${C(3)} v2`], firstFolder: `schemas/${C(0)}/examples/v2` });

  // A schema edit elsewhere: the list is the previous one, carried; then the first entry goes, and a kept one leads.
  edit(dirs, `schemas/${C(4)}/v2.json`, (t) => t.replace("Short title.", "Short title, edited."));
  assert.deepEqual(unexampled(await step(dirs, "build", "other schema: build", C(4))), unexampled(moved));
  onBoth(dirs, (d) => cpSync(examples(d, 0, 1), examples(d, 0, 2), { recursive: true }));
  const kept = await step(dirs, "build", "first entry gone: build", C(0));
  assert.deepEqual(unexampled(kept), { versions: [`${C(3)} v2`], firstFolder: `schemas/${C(3)}/examples/v2` });

  // The last one gone: an empty list with no folder.
  onBoth(dirs, (d) => cpSync(examples(d, 3, 1), examples(d, 3, 2), { recursive: true }));
  assert.deepEqual(unexampled(await step(dirs, "build", "none left: build", C(3))), { versions: [] });
});

test("incremental › carryUnexampled: whole-discovery order, and no answer from a list of another form", () => {
  const project = resolveProject({ cwd: tempDir("llm-contracts-unexampled-") });
  const previous = { versions: ["b-contract v1", "b-contract v3", "d-contract v10"], firstFolder: "schemas/b-contract/examples/v1" };
  const redone = { versions: ["a-contract v2", "c-contract v1"] };
  assert.deepEqual(carryUnexampled(project, previous, new Set(["a-contract", "b-contract", "c-contract"]), redone), {
    versions: ["a-contract v2", "c-contract v1", "d-contract v10"],
    firstFolder: "schemas/a-contract/examples/v2",
  });
  // Versions in numeric order within a contract, as discovery lists them (v2 before v10).
  assert.deepEqual(carryUnexampled(project, { versions: ["d-contract v10"] }, new Set(["e"]), { versions: [] })?.versions, ["d-contract v10"]);
  assert.deepEqual(carryUnexampled(project, previous, new Set(["d-contract"]), { versions: ["d-contract v2", "d-contract v10"] })?.versions, [
    "b-contract v1",
    "b-contract v3",
    "d-contract v2",
    "d-contract v10",
  ]);
  assert.equal(carryUnexampled(project, undefined, new Set(), redone), undefined);
  assert.equal(carryUnexampled(project, { versions: ["b-contract"] }, new Set(), redone), undefined);
  assert.equal(carryUnexampled(project, { versions: ["b-contract v0"] }, new Set(), redone), undefined);
});
