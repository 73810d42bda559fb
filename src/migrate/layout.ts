/**
 * Where migrations live and how generated code and migrations import each other.
 *
 * Migration modules belong to the user (STYLE.md: "the tool adds and updates, never overwrites a body"), so they
 * live beside the schemas, never in the output folder the build may wipe: by default
 * `<schemasDir>/<contract>/migrations/v<N>-to-v<N+1>.ts`, or under `migrationsDir` from `contract.json`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import type { ContractSource } from "../discover/discover.js";
import { pascalCase } from "../emit/codegen/escape.js";
import { inputError } from "../errors.js";
import { isJsonObject } from "../ir/json.js";
import { readDocument } from "../load/read.js";
import { assertInsideRoot, isInside, realPathOf } from "../contain/real-path.js";

/** One step of a contract's chain: from version `from` to `from + 1`. */
export interface MigrationStep {
  readonly contract: string;
  readonly from: number;
  readonly to: number;
  /** Absolute path of the user's module. */
  readonly file: string;
  /** Project-relative, `/`-separated. */
  readonly display: string;
  /** `migrateTicketTriageV1ToV2` */
  readonly functionName: string;
}

/** Settings a contract.json may add for migrations (read here: discovery validates them against the manifest schema). */
export interface MigrationSettings {
  readonly migrationsDir: string;
  readonly versionField?: string;
}

export function migrationFunctionName(contract: string, from: number): string {
  return `migrate${pascalCase(contract)}V${from}ToV${from + 1}`;
}

export function migrationSettings(project: Project, contract: ContractSource): MigrationSettings {
  const manifest = path.join(contract.dir, "contract.json");
  // The one reader of project files (src/load): discovery has read this manifest already, but what is there now may
  // be anything (a pipe, a file of gigabytes, broken JSON): each is an input error naming it, never a wait or a crash.
  const raw: unknown = existsSync(manifest) ? readDocument(manifest, `${displayPath(project.rootDir, contract.dir)}/contract.json`).value : {};
  const rec = isJsonObject(raw) ? raw : {};
  const dirSetting = typeof rec["migrationsDir"] === "string" ? rec["migrationsDir"] : "migrations";
  const migrationsDir = path.resolve(contract.dir, dirSetting);
  const inside = (dir: string): boolean => migrationsDir === dir || migrationsDir.startsWith(dir + path.sep);
  if (!inside(project.rootDir) || inside(project.outDir)) {
    throw inputError(
      "contract.migrations-dir",
      { file: `${displayPath(project.rootDir, contract.dir)}/contract.json`, pointer: "/migrationsDir" },
      "migrationsDir must be a folder inside the project root and outside the output folder (which the build owns)",
    );
  }
  const where = { file: `${displayPath(project.rootDir, contract.dir)}/contract.json`, pointer: "/migrationsDir" };
  // By real path: `../../mig-link` is inside as text, but the link may lead anywhere (src/contain).
  assertInsideRoot(project.rootDir, migrationsDir, displayPath(project.rootDir, migrationsDir));
  const real = realPathOf(migrationsDir);
  const owned = [
    { name: "the output folder", dir: realPathOf(project.outDir), apart: (a: string, b: string) => isInside(a, b) || isInside(b, a) },
    { name: "the schemas folder", dir: realPathOf(project.schemasDir), apart: (a: string, b: string) => isInside(b, a) },
    ...(project.cacheDir !== undefined ? [{ name: "the cache folder", dir: realPathOf(project.cacheDir), apart: (a: string, b: string) => isInside(a, b) || isInside(b, a) }] : []),
  ];
  for (const o of owned) {
    if (o.apart(real, o.dir)) throw inputError("config.folders-overlap", where, `migrationsDir overlaps ${o.name}; the schemas, output, cache and migrations folders must not overlap`);
  }
  // Inside the schemas folder, a contract's migrations live in its own `migrations/` only: anywhere else there is
  // another contract's folder (its modules would be rewritten as this one's), the contract folder itself or its
  // golden examples (where discovery refuses the stubs), or the shared definitions.
  const own = realPathOf(path.join(contract.dir, "migrations"));
  if (isInside(real, realPathOf(project.schemasDir)) && !isInside(real, own)) {
    throw inputError("contract.migrations-dir", where, `inside the schemas folder, migrationsDir can only be this contract's own migrations/ folder; put them outside it instead (e.g. src/migrations/${contract.name})`);
  }
  const versionField = typeof rec["versionField"] === "string" ? rec["versionField"] : undefined;
  return { migrationsDir, ...(versionField !== undefined ? { versionField } : {}) };
}

/**
 * Every consecutive pair of versions of a contract, with its module's location and function name. `settings`:
 * the contract's, when the caller has just read them (each read checks the folders' real paths again).
 */
export function migrationSteps(project: Project, contract: ContractSource, settings: MigrationSettings = migrationSettings(project, contract)): MigrationStep[] {
  const { migrationsDir } = settings;
  const steps: MigrationStep[] = [];
  for (let from = 1; from < contract.versions.length; from++) {
    const file = path.join(migrationsDir, `v${from}-to-v${from + 1}.ts`);
    assertInsideRoot(project.rootDir, file, displayPath(project.rootDir, file));
    steps.push({
      contract: contract.name,
      from,
      to: from + 1,
      file,
      display: displayPath(project.rootDir, file),
      functionName: migrationFunctionName(contract.name, from),
    });
  }
  return steps;
}

/**
 * A relative ESM import specifier from one `.ts` file to another, as both module modes require: `/`-separated,
 * starting with `./` or `../`, and ending in `.js` (TypeScript maps it back to the `.ts` file).
 */
export function importSpecifier(fromFile: string, toFile: string): string {
  let rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join("/");
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel.replace(/\.ts$/, ".js");
}

/** The generated module of a contract version, as an absolute `.ts` path. */
export function generatedVersionFile(project: Project, contract: string, version: number): string {
  return path.join(project.outDir, contract, `v${version}.ts`);
}

export function generatedRuntimeFile(project: Project): string {
  return path.join(project.outDir, "_runtime.ts");
}
