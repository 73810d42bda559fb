import type { CompileResult, CompiledVersion } from "../shapes/compiled.js";
import path from "node:path";
import { displayPath, type Project, type ProviderProfile } from "../config/config.js";
import type { Diagnostic, Location } from "../errors.js";
import { loadSchemaFileMapped, LoadCache } from "../load/index.js";
import { lintSchema, lintToolset } from "./engine.js";
import { PROFILES } from "./profiles/index.js";
import type { LintFinding, LintTarget } from "./types.js";

export interface LintOptions {
  /** Profiles to run instead of each contract's `providers`. */
  readonly providers?: readonly ProviderProfile[];
  /** Contract names sent together in one request: their latest versions are checked against request budgets. */
  readonly toolset?: readonly string[];
}

/** A finding with the place it points at in the source files. */
export interface LocatedFinding extends LintFinding {
  readonly location: Location;
}

/**
 * Lints every compiled contract version against its profiles (the contract's `providers`, or `--provider`), and
 * the toolset, if one is given, against the request-level budgets of the same profiles.
 */
export function lintCompiled(project: Project, compiled: CompileResult, options: LintOptions = {}): LocatedFinding[] {
  const locate = locator(project);
  const out: LocatedFinding[] = [];
  for (const v of compiled.versions) {
    const target = lintTarget(v);
    for (const profile of options.providers ?? v.contract.manifest.providers) {
      for (const f of lintSchema(target, PROFILES[profile])) {
        const { ruleId, severity, pointer, message } = f;
        const location = ruleId === "tool-name" && v.contract.manifest.toolName !== undefined ? toolNameLocation(project, v) : locate(v, pointer);
        out.push({ ruleId, profile, severity, contract: v.contract.name, version: v.source.version, pointer, message, ...(f.export !== undefined ? { export: f.export } : {}), location });
      }
    }
  }
  if (options.toolset !== undefined && options.toolset.length > 0) out.push(...lintToolsetOf(compiled, options, locate));
  return out;
}

/** Lints one toolset (contract names sent together in a request) against its contracts' request budgets. */
export function lintToolsetBudgets(project: Project, compiled: CompileResult, toolset: readonly string[]): LocatedFinding[] {
  return lintToolsetOf(compiled, { toolset }, locator(project));
}

function lintToolsetOf(compiled: CompileResult, options: LintOptions, locate: (v: CompiledVersion, p: string) => Location): LocatedFinding[] {
  const latest = new Map<string, CompiledVersion>();
  for (const v of compiled.versions) latest.set(v.contract.name, v);
  const members = (options.toolset ?? []).map((name) => latest.get(name)).filter((v): v is CompiledVersion => v !== undefined);
  const profiles = options.providers ?? [...new Set(members.flatMap((v) => v.contract.manifest.providers))];
  const out: LocatedFinding[] = [];
  for (const profile of profiles) {
    const targets = members.map(lintTarget);
    for (const f of lintToolset(targets, PROFILES[profile])) {
      const owner = members.find((v) => v.contract.name === f.contract) ?? members[0]!;
      out.push({
        ruleId: f.ruleId,
        profile,
        severity: f.severity,
        contract: `toolset(${members.map((v) => v.contract.name).join(",")})`,
        pointer: f.pointer,
        message: f.message,
        location: locate(owner, f.pointer),
      });
    }
  }
  return out;
}

/** What lint sees of a compiled version: its contract name, wire name (`toolName`), kind and schema. */
export function lintTarget(v: CompiledVersion): LintTarget {
  const toolName = v.contract.manifest.toolName;
  return { name: v.contract.name, ...(toolName !== undefined ? { toolName } : {}), kind: v.contract.manifest.kind, schema: v.schema };
}

/** A `toolName` finding points at the manifest field, not at the schema. */
function toolNameLocation(project: Project, v: CompiledVersion): Location {
  return { file: displayPath(project.rootDir, path.join(v.contract.dir, "contract.json")), pointer: "/toolName" };
}

/** Maps a pointer in a bundled schema back to its file, pointer and line there. Each version is mapped once. */
function locator(project: Project): (v: CompiledVersion, pointer: string) => Location {
  const cache = new LoadCache();
  const maps = new Map<CompiledVersion, (p: string) => Location>();
  return (v, pointer) => {
    let map = maps.get(v);
    if (map === undefined) {
      try {
        map = loadSchemaFileMapped(v.source.file, { schemasDir: project.schemasDir, rootDir: project.rootDir, cache }).sourceOf;
      } catch {
        map = (p) => ({ file: v.source.display, pointer: p });
      }
      maps.set(v, map);
    }
    return map(pointer);
  };
}

/** Findings as diagnostics (`lint.<rule-id>`); the profile leads the message so one rule in two profiles reads apart. */
export function toDiagnostic(f: LocatedFinding): Diagnostic {
  return { ...f.location, code: `lint.${f.ruleId}`, message: `[${f.profile}] ${f.message}` };
}
