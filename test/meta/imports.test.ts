/**
 * Every import points down: no file circles (type-only imports included) and no import from a floor to one it may
 * not use (the table in test/meta/layers.ts, pictured in docs/architecture.md). There are no exceptions; a new one
 * would be named here with its reason and in docs/architecture.md.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { circles, importGraph, importsOf, sourceFiles, type ImportEdge } from "./import-graph.js";
import { LAYERS, layerOf, tableProblems, type Layer } from "./layers.js";
import { REPO_ROOT } from "../util/project.js";

const CHECKED = ["src", "cli", "bench"] as const;

/** `file:line:col imports target (floor a → floor b)` for each import the table does not allow. */
function against(edges: readonly ImportEdge[], layers: readonly Layer[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from, layers);
    const to = layerOf(e.to, layers);
    if (from === undefined || to === undefined || from === to || from.mayImport.includes(to.name)) continue;
    out.push(`${e.from}:${e.line}:${e.column} imports ${e.to}${e.typeOnly ? " (type only)" : ""} (${from.name} may not import ${to.name})`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The house itself
// ---------------------------------------------------------------------------------------------------------------

const EDGES = importGraph(REPO_ROOT, CHECKED);

test("the layer table is well formed: known floors, each importing only floors below it", () => {
  assert.deepEqual(tableProblems(), []);
  const names = LAYERS.map((l) => l.name);
  assert.equal(new Set(names).size, names.length, "floor names are unique");
});

test("every checked file belongs to a floor", () => {
  const orphans = sourceFiles(REPO_ROOT, CHECKED).filter((f) => layerOf(f) === undefined);
  assert.deepEqual(orphans, [], "add a row for the new folder to test/meta/layers.ts and docs/architecture.md");
});

test("every import target is a file of ours that exists and belongs to a floor", () => {
  const known = new Set(sourceFiles(REPO_ROOT, [...CHECKED, "test"]));
  assert.deepEqual(EDGES.filter((e) => !known.has(e.to) || layerOf(e.to) === undefined).map((e) => `${e.from} → ${e.to}`), []);
});

test("no import circles, type-only imports included", () => {
  assert.deepEqual(circles(EDGES), []);
});

test("every import points to a floor its own floor may use", () => {
  assert.deepEqual(against(EDGES, LAYERS), []);
});

// ---------------------------------------------------------------------------------------------------------------
// The checks can fail
// ---------------------------------------------------------------------------------------------------------------

test("importsOf sees value, type-only, re-export, dynamic and import-type imports, and skips packages", () => {
  const text = [
    'import { a } from "./a.js";',
    'import type { B } from "../b/b.js";',
    'import { type C } from "./c.js";',
    'export { d } from "./d.js";',
    'export type { E } from "./e.js";',
    'const f = await import("./f.js");',
    'type G = typeof import("./g.js").g;',
    'import ts from "typescript";',
    'import fs from "node:fs";',
    'import data from "./data.json" with { type: "json" };',
  ].join("\n");
  const got = importsOf("src/x/y.ts", text).map((e) => [e.to, e.typeOnly, e.line]);
  assert.deepEqual(got, [
    ["src/x/a.ts", false, 1],
    ["src/b/b.ts", true, 2],
    ["src/x/c.ts", true, 3],
    ["src/x/d.ts", false, 4],
    ["src/x/e.ts", true, 5],
    ["src/x/f.ts", false, 6],
    ["src/x/g.ts", true, 7],
  ]);
});

test("circles finds a type-only circle and a self-import, and nothing in a chain", () => {
  const e = (from: string, to: string) => ({ from, to });
  assert.deepEqual(circles([e("a", "b"), e("b", "c")]), []);
  assert.deepEqual(circles([e("a", "b"), e("b", "c"), e("c", "a"), e("d", "a")]), [["a", "b", "c"]]);
  assert.deepEqual(circles([e("s", "s")]), [["s"]]);
  const typeCircle = [...importsOf("src/p.ts", 'import type { Q } from "./q.js";'), ...importsOf("src/q.ts", 'import type { P } from "./p.js";')];
  assert.deepEqual(circles(typeCircle), [["src/p.ts", "src/q.ts"]]);
});

test("circles handles a long chain without overflowing the stack", () => {
  const chain = Array.from({ length: 50_000 }, (_, i) => ({ from: `f${i}`, to: `f${i + 1}` }));
  assert.deepEqual(circles(chain), []);
  assert.equal(circles([...chain, { from: "f50000", to: "f0" }])[0]?.length, 50_001);
});

test("an import up a floor is reported with its place and both floors", () => {
  const layers: Layer[] = [
    { name: "low", purpose: "", paths: ["src/low/"], mayImport: [] },
    { name: "high", purpose: "", paths: ["src/high/"], mayImport: ["low"] },
    { name: "entry", purpose: "", paths: ["src/high/main.ts"], mayImport: ["high", "low"] },
  ];
  const edges = [
    ...importsOf("src/high/h.ts", 'import { l } from "../low/l.js";'),
    ...importsOf("src/low/l.ts", '\nimport type { H } from "../high/h.js";'),
    ...importsOf("src/low/m.ts", 'import type { E } from "../high/main.js";'),
  ];
  assert.deepEqual(against(edges, layers), [
    "src/low/l.ts:2:24 imports src/high/h.ts (type only) (low may not import high)",
    "src/low/m.ts:1:24 imports src/high/main.ts (type only) (low may not import entry)",
  ]);
  assert.equal(layerOf("src/high/main.ts", layers)?.name, "entry", "the longest matching path wins");
  assert.equal(layerOf("src/other/x.ts", layers), undefined);
});

test("a table whose floor may import one above it is reported", () => {
  const layers: Layer[] = [
    { name: "a", purpose: "", paths: ["a/"], mayImport: ["b"] },
    { name: "b", purpose: "", paths: ["b/"], mayImport: ["a", "c"] },
  ];
  assert.deepEqual(tableProblems(layers), ["a may import b, which is not below it", "b may import unknown floor c"]);
});
