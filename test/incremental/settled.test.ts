/**
 * Which redone contracts the check steps may skip (src/incremental/settled.ts): only those whose every change
 * is a golden example file or folder below `examples/`. Table cases over hand-made units and changed paths.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Project } from "../../src/config/config.js";
import type { Changes } from "../../src/incremental/changes.js";
import type { Scope } from "../../src/incremental/scope.js";
import type { ContractUnit } from "../../src/incremental/units.js";
import { carrySettled, settledContracts } from "../../src/incremental/settled.js";
import type { Diagnostic } from "../../src/errors.js";

const ROOT = path.resolve("/project");
const schemas = (...p: string[]): string => path.join(ROOT, "schemas", ...p);

function unit(name: string, extra: Partial<ContractUnit> = {}): ContractUnit {
  return {
    name,
    problems: [],
    warnings: [],
    examples: 0,
    compiled: [1],
    versions: 1,
    files: 0,
    read: [`schemas/${name}/v1.json`],
    roots: [schemas(name), path.join(ROOT, "generated", name)],
    findings: [],
    ...extra,
  };
}

function settled(units: readonly ContractUnit[], changed: readonly string[], toolsets: Record<string, string[]> = {}): string[] {
  const project = { rootDir: ROOT, schemasDir: schemas(), outDir: path.join(ROOT, "generated"), toolsets } as unknown as Project;
  const scope: Scope = { names: new Set(units.map((u) => u.name)), others: [], previous: units, proven: new Set() };
  const changes: Changes = { changed, subtrees: new Map(), records: [] };
  return [...settledContracts(project, scope, changes)].sort();
}

test("settled › only contracts whose every change lies below examples/", () => {
  const cases: { given: string; units: ContractUnit[]; changed: string[]; toolsets?: Record<string, string[]>; want: string[] }[] = [
    { given: "an edited example", units: [unit("a")], changed: [schemas("a", "examples/v1/valid/x.json")], want: ["a"] },
    { given: "an added example (file and its folder)", units: [unit("a")], changed: [schemas("a", "examples/v1/valid"), schemas("a", "examples/v1/valid/y.json")], want: ["a"] },
    { given: "an example and the schema", units: [unit("a")], changed: [schemas("a", "examples/v1/valid/x.json"), schemas("a", "v1.json")], want: [] },
    { given: "the examples folder itself (a version's folder added or removed)", units: [unit("a")], changed: [schemas("a", "examples")], want: [] },
    { given: "a migration", units: [unit("a")], changed: [schemas("a", "migrations/a.v1-v2.ts")], want: [] },
    { given: "its output folder", units: [unit("a")], changed: [path.join(ROOT, "generated", "a", "v1.ts")], want: [] },
    { given: "a shared file its schema reads", units: [unit("a", { read: ["schemas/a/v1.json", "schemas/_shared/m.json"] })], changed: [schemas("_shared", "m.json")], want: [] },
    { given: "no change (redone as a toolset member)", units: [unit("a")], changed: [schemas("b", "examples/v1/valid/x.json")], want: [] },
    { given: "a toolset member's example", units: [unit("a")], changed: [schemas("a", "examples/v1/valid/x.json")], toolsets: { t: ["a"] }, want: [] },
    { given: "a unit left to redo", units: [unit("a", { redo: true })], changed: [schemas("a", "examples/v1/valid/x.json")], want: [] },
    { given: "a file named like the folder", units: [unit("a")], changed: [schemas("a", "examples.json")], want: [] },
    { given: "two contracts, one settled", units: [unit("a"), unit("b")], changed: [schemas("a", "examples/v1/x.json"), schemas("b", "v1.json")], want: ["a"] },
  ];
  for (const c of cases) assert.deepEqual(settled(c.units, c.changed, c.toolsets), c.want, c.given);
});

test("settled › a settled contract's step findings are carried under their categories, compile findings are not", () => {
  const d = (code: string): Diagnostic => ({ code, file: "schemas/a/v2.json", message: code });
  const a = unit("a", { findings: [{ category: 1, diagnostic: d("generated.stale") }, { category: 5, diagnostic: d("drift.x") }, { category: 9, diagnostic: d("migration.type-error") }] });
  const b = unit("b", { findings: [{ category: 6, diagnostic: d("lint.y") }] });
  const scope: Scope = { names: new Set(["a", "b"]), others: [], previous: [a, b], proven: new Set() };
  const found: Diagnostic[][] = Array.from({ length: 10 }, () => []);
  carrySettled(scope, new Set(["a"]), 5, found);
  assert.deepEqual(found.map((l) => l.map((x) => x.code)), [[], [], [], [], [], ["drift.x"], [], [], [], ["migration.type-error"]]);
});
