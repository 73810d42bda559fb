/**
 * What identifies the tool in cache keys: its version, its own code (so a rebuilt checkout never reads entries of
 * an older build), the versions of the libraries that shape the output, and the node major.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { packageRoot } from "../paths.js";

/** Libraries whose version changes generated code, findings or type-check results. */
const OUTPUT_LIBRARIES = ["ajv", "ajv-formats", "ajv-draft-04", "json-schema-to-typescript", "typescript", "ts-morph", "yaml", "refa", "redos-detector"];

/** Every file the tool's behaviour comes from: compiled code, the copied runtime, packaged schemas, library manifests. */
export function toolFiles(): string[] {
  const root = packageRoot();
  const out: string[] = [path.join(root, "package.json")];
  // Why plain string tests and joins: an edited example's `check` lists these ~500 files once, before the JIT has
  // warmed up, and a regular expression and path.join per entry cost it about four times as much. A name read from
  // a folder holds no separator, so `dir + sep + name` is the joined path.
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const name = e.name;
      const abs = dir + path.sep + name;
      if (e.isDirectory()) walk(abs);
      else if (name.endsWith(".js") || name.endsWith(".json") || (name.endsWith(".ts") && !name.endsWith(".d.ts"))) out.push(abs);
    }
  };
  for (const sub of ["dist/src", "dist/cli", "src/runtime", "src/sdk/runtime", "src/config"]) walk(path.join(root, sub));
  const require = createRequire(path.join(root, "package.json"));
  for (const lib of OUTPUT_LIBRARIES) {
    try {
      out.push(require.resolve(`${lib}/package.json`));
    } catch {
      // not installed: its absence is part of the identity through the list below
      out.push(`missing:${lib}`);
    }
  }
  return out.sort();
}

/** The tool identity from the content hashes of `toolFiles()` (given, so callers can reuse memoised hashes). */
export function toolIdentity(fileHashes: ReadonlyMap<string, string>): string {
  const h = createHash("sha256");
  h.update(`node ${process.versions.node.split(".")[0]}\n`);
  const root = packageRoot();
  for (const [file, hash] of [...fileHashes].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${path.relative(root, file)} ${hash}\n`);
  return h.digest("hex");
}

export function hashFileContent(file: string): string {
  if (file.startsWith("missing:")) return "missing";
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
