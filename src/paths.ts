import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package's own root folder (the one holding package.json), whether this code runs compiled from `dist/` or
 * is loaded from an installed package. Files the build copies or reads (runtime source, JSON Schemas) live there.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "src", "runtime"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("llm-contracts: package root not found");
    dir = parent;
  }
}
