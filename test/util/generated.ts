import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { listFiles } from "../../src/write/plan.js";
import { transpileTo } from "./typecheck-dir.js";
import { tempDir } from "./project.js";

/** Reads a generated folder into memory. */
export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((rel) => [rel, readFileSync(path.join(dir, ...rel.split("/")), "utf8")]));
}

/** Writes files into a new temp folder marked as an ES module package; returns the folder. */
export function writeTree(files: ReadonlyMap<string, string>, prefix = "llm-contracts-gen-"): string {
  const dir = tempDir(prefix);
  writeFileSync(path.join(dir, "package.json"), '{"type":"module"}\n');
  for (const [rel, text] of files) {
    const file = path.join(dir, ...rel.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** Transpiles a generated folder to JS in a temp folder and imports its `index.js`. */
export async function importGenerated(files: ReadonlyMap<string, string>): Promise<Record<string, unknown>> {
  const dir = writeTree(transpileTo(files), "llm-contracts-js-");
  return (await import(pathToFileURL(path.join(dir, "index.js")).href)) as Record<string, unknown>;
}
