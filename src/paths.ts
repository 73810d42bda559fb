import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Every file the CLI and the library read from their own package at run time, relative to the package root.
 * They are read through `readPackageFile` only, so this list is complete, and test/adoption/packaged-files.test.ts
 * checks that `npm pack` ships each of them (a file left out of `files` broke every build of an installed copy).
 */
export const PACKAGE_FILES = [
  "package.json",
  "src/config/config.schema.json",
  "src/config/contract.schema.json",
  "src/runtime/runtime.ts",
  "src/runtime/types.ts",
  "src/runtime/limits.ts",
  "src/runtime/errors.ts",
  "src/runtime/numbers.ts",
  "src/runtime/text.ts",
  "src/runtime/upgrade.ts",
  "src/runtime/standard.ts",
  "src/runtime/json-schema.ts",
  "src/emit/javascript/precompiled.json",
  ...(["result", "record", "select", "dedup", "execute", "retry", "repair", "otel", "choice", "openai", "anthropic", "gemini", "mcp", "partial-json", "stream", "router"] as const).map((f) => `src/sdk/runtime/${f}.ts` as const),
] as const;

export type PackageFile = (typeof PACKAGE_FILES)[number];

/**
 * The package's own root folder (the one holding package.json), whether this code runs compiled from `dist/` or
 * is loaded from an installed package. Files the build copies or reads (runtime source, JSON Schemas) live there.
 */
export function packageRoot(): string {
  // Asked once per copied file and file read (about thirty times a run); the answer cannot change in a process.
  knownRoot ??= findPackageRoot();
  return knownRoot;
}

let knownRoot: string | undefined;

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "src", "runtime"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("llm-contracts: package root not found");
    dir = parent;
  }
}

/** Absolute path of a file shipped with the package. */
export function packageFilePath(file: PackageFile): string {
  return path.join(packageRoot(), ...file.split("/"));
}

/** Text of a file shipped with the package (see PACKAGE_FILES). */
export function readPackageFile(file: PackageFile): string {
  return readFileSync(packageFilePath(file), "utf8");
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readPackageFile("package.json")) as { version: string }).version;
}
