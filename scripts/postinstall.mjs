// Builds dist/ after `npm install` / `npm ci` in a source checkout (a git clone), and does nothing in an installed
// copy of the package (which ships a prebuilt dist/ and no tsconfig.json).
//
// Why postinstall and not prepare: pre-commit installs a hook repository with `npm install` in the clone, then
// takes the file name `npm pack` prints on stdout. npm prints a banner for every lifecycle script `npm pack` runs
// (prepare, prepack) on that same stdout, so with a `prepare` script pre-commit reads "> llm-contracts@… prepare"
// as the tarball name and the hook never installs. `npm pack` runs no install scripts.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (!existsSync(path.join(root, "tsconfig.json")) || !existsSync(path.join(root, "cli", "main.ts"))) process.exit(0);
if (!existsSync(path.join(root, "node_modules", "@types", "node"))) {
  console.error("llm-contracts: devDependencies are not installed; not building dist/ (run `npm run compile` later)");
  process.exit(0);
}
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.json")], { stdio: ["ignore", 2, 2] });
process.exit(result.status ?? 1);
