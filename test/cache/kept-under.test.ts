/**
 * keptUnder (src/cache/snapshot-format.ts) answers whether a path is a kept folder or lies inside one, equal to the
 * plain definition whatever order it is asked in (a walk's order, its reverse, paths asked twice).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { keptUnder } from "../../src/cache/snapshot-format.js";

test("kept under › equals the plain definition in walk order, reversed and repeated", () => {
  const root = path.join(path.parse(process.cwd()).root, "p");
  const at = (...parts: string[]): string => path.join(root, ...parts);
  const kept = new Set([at("schemas", "c1"), at("schemas", "c3"), at("generated", "c1"), at("generated", "c1", "deep")]);
  const paths = [
    root,
    at("schemas"),
    at("schemas", "c1"),
    at("schemas", "c1", "v1"),
    at("schemas", "c1", "v1", "examples"),
    at("schemas", "c10"),
    at("schemas", "c10", "v1"),
    at("schemas", "c2"),
    at("schemas", "c3"),
    at("schemas", "c3x"),
    at("schemas", "c3", "v2"),
    at("generated"),
    at("generated", "c1", "deep", "x"),
    at("generated", "c1"),
    at("generated", "c2"),
  ];
  const plain = (p: string): boolean => [...kept].some((k) => p === k || p.startsWith(k + path.sep));
  for (const order of [paths, [...paths].reverse(), [...paths, ...paths]]) {
    const under = keptUnder(kept);
    for (const p of order) assert.equal(under(p), plain(p), p);
  }
});
