/**
 * Two copies of a generated project, one run with the cache and one without, for the incremental equality tests
 * (scoped.test.ts, classes.test.ts): `step` runs the same command on both and asserts identical results,
 * byte-identical generated trees and migration modules, and which contracts the cached run redid.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, check, type RunOptions } from "../../src/api/build.js";
import { resolveProject } from "../../src/config/config.js";
import { contractName, generateProject } from "../../bench/generate.js";
import { readTree } from "../util/generated.js";
import { tempDir } from "../util/project.js";

export const C = (i: number): string => contractName(i);

/** Runs `what` on the plain copy and on the cached copy; returns both results and what the cached run redid. */
export async function both(dirs: readonly [string, string], what: "build" | "check"): Promise<{ plain: string; cached: string; redid: string; lane: boolean }> {
  const options: RunOptions[] = [{ cache: { enabled: false }, workers: 1 }, { workers: 1 }];
  const out: string[] = [];
  const traces: string[] = [];
  const error = console.error;
  const write = process.stderr.write;
  process.env["LLM_CONTRACTS_TRACE"] = "1";
  try {
    for (let i = 0; i < 2; i++) {
      console.error = (...args: unknown[]) => void (i === 1 && traces.push(args.join(" ")));
      // The phase marks (src/api/phases.ts) are written to stderr directly.
      process.stderr.write = ((chunk: unknown) => (i === 1 && traces.push(String(chunk)), true)) as typeof process.stderr.write;
      const project = resolveProject({ cwd: dirs[i]! });
      out.push(JSON.stringify(what === "build" ? await build(project, options[i]) : await check(project, options[i])));
    }
  } finally {
    console.error = error;
    process.stderr.write = write;
    delete process.env["LLM_CONTRACTS_TRACE"];
  }
  const scope = traces.map((t) => /^scope: ([^;]*);/.exec(t)?.[1]).find((s) => s !== undefined);
  if (process.env["DEBUG_SCOPE"] === "1") error(traces.join("\n"));
  // check's examples-only lane (src/incremental/examples-lane.ts) marks its phase.
  const lane = traces.some((t) => t.includes("examples only"));
  return { plain: out[0]!, cached: out[1]!, redid: scope ?? "replay or no units", lane };
}

export function files(dir: string): Map<string, string> {
  const out = new Map([...readTree(path.join(dir, "generated"))].map(([f, t]) => [`generated/${f}`, t]));
  for (const [f, t] of readTree(path.join(dir, "schemas"))) if (f.includes("/migrations/")) out.set(`schemas/${f}`, t);
  return out;
}

export async function step(dirs: readonly [string, string], what: "build" | "check", label: string, redid: string): Promise<string> {
  const r = await both(dirs, what);
  assert.equal(r.cached, r.plain, `${label}: ${what} result differs in the incremental run`);
  assert.deepEqual(files(dirs[1]), files(dirs[0]), `${label}: generated/ or migrations differ`);
  assert.equal(r.redid, redid, `${label}: ${what} redid other contracts than expected`);
  return r.plain;
}

export function edit(dirs: readonly [string, string], rel: string, change: (text: string) => string): void {
  for (const d of dirs) {
    const file = path.join(d, rel);
    writeFileSync(file, change(readFileSync(file, "utf8")));
  }
}

export function twins(n: number): [string, string] {
  const a = tempDir("llm-contracts-plain-");
  generateProject(a, n);
  const b = tempDir("llm-contracts-incremental-");
  cpSync(path.join(a, "schemas"), path.join(b, "schemas"), { recursive: true });
  return [a, b];
}
