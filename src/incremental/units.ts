/**
 * What a run leaves for the next one to redo only the contracts a change touched: one unit per contract, with
 * the folders that are its alone, its part of the compile (src/compile `ContractSlice`) and, for `check`, the
 * findings that name its files.
 *
 * Why units are only written when every finding can be attributed: a finding the next run would neither redo
 * nor carry would silently disappear. A finding in a shared file, or a contract whose schemas read another
 * contract's files, makes the run leave no units, and the next run does the whole project.
 */
import path from "node:path";
import { CONFIG_FILE, displayPath, type Project } from "../config/config.js";
import type { ContractSlice } from "../shapes/compiled.js";
import type { ContractSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import { migrationSettings } from "../migrate/layout.js";

export interface ContractUnit extends ContractSlice {
  /** Absolute folders whose every file belongs to this contract: schemas/<c>, <out>/<c>, its migrations folder. */
  readonly roots: readonly string[];
  /** `check`: findings after the compile that name this contract's files, each with its category (see assemble.ts). */
  readonly findings: readonly Finding[];
  /** Set when the run that left this unit could not finish the contract: every later run redoes it. */
  readonly redo?: true;
}

export interface Finding {
  readonly category: number;
  readonly diagnostic: Diagnostic;
}

const FORMAT = "llm-contracts-units/1";

/** Where a finding belongs: a contract's name, PROJECT (redone by every run), or undefined (nobody's). */
export const PROJECT = "";

export function encodeUnits(units: readonly ContractUnit[]): string {
  return JSON.stringify({ format: FORMAT, units });
}

/** undefined for another format or a malformed file (then the run does the whole project). */
export function decodeUnits(text: string): ContractUnit[] | undefined {
  try {
    const raw = JSON.parse(text) as { format?: unknown; units?: unknown };
    if (raw.format !== FORMAT || !Array.isArray(raw.units)) return undefined;
    const ok = raw.units.every((u: Partial<ContractUnit>) => typeof u.name === "string" && Array.isArray(u.roots) && Array.isArray(u.read) && Array.isArray(u.findings));
    return ok ? (raw.units as ContractUnit[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The folders of a contract, absolute. */
export function unitRoots(project: Project, contract: ContractSource): string[] {
  const roots = [contract.dir, path.join(project.outDir, contract.name)];
  const { migrationsDir } = migrationSettings(project, contract);
  if (!isInside(migrationsDir, contract.dir)) roots.push(migrationsDir);
  return roots;
}

export function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + path.sep);
}

/**
 * Who a finding belongs to, by the file it names (display path): the contract whose folder holds it. Folders are
 * found by the file's first segment under the schemas and output folders; only migrations folders kept elsewhere
 * (a handful) are searched.
 */
export function attribution(project: Project, units: ReadonlyMap<string, { readonly roots: readonly string[] }>): (d: Diagnostic) => string | undefined {
  const out = `${displayPath(project.rootDir, project.outDir)}/`;
  const schemas = `${displayPath(project.rootDir, project.schemasDir)}/`;
  const configFile = project.configFile === undefined ? CONFIG_FILE : displayPath(project.rootDir, project.configFile);
  const elsewhere = [...units].flatMap(([name, u]) => u.roots.slice(2).map((r) => [displayPath(project.rootDir, r), name] as const));
  const segment = (file: string, under: string): string | undefined => {
    if (!file.startsWith(under)) return undefined;
    const top = file.slice(under.length).split("/")[0]!;
    return units.has(top) ? top : undefined;
  };
  return (d) => {
    if (d.file.startsWith(out)) return segment(d.file, out) ?? PROJECT;
    const owners = new Set(elsewhere.filter(([root]) => d.file === root || d.file.startsWith(`${root}/`)).map(([, name]) => name));
    const inSchemas = segment(d.file, schemas);
    if (inSchemas !== undefined) owners.add(inSchemas);
    if (owners.size === 1) return [...owners][0]!;
    // Toolset findings name the config file and are redone by every run (all toolset members are always redone).
    if (d.file === configFile && d.code.startsWith("lint.toolset")) return PROJECT;
    return undefined;
  };
}

/** Whether a contract read a file inside another contract's folder (then no units are written). */
export function readsAcross(project: Project, units: readonly ContractUnit[]): boolean {
  const schemas = `${displayPath(project.rootDir, project.schemasDir)}/`;
  const names = new Set(units.map((u) => u.name));
  for (const u of units) {
    for (const file of u.read) {
      if (!file.startsWith(schemas)) continue;
      const top = file.slice(schemas.length).split("/")[0]!;
      if (top !== u.name && names.has(top)) return true;
    }
  }
  return false;
}
