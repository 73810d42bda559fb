/**
 * `docs`: the contract catalogue. Composes the compile (through the build cache, so after a build every version is a
 * cache hit), lint, export, drift (its comparisons cached as in `check`) and the migration status into the
 * catalogue's data, renders it, and writes the site atomically. Nothing is written when an input has a problem.
 */
import path from "node:path";
import { CacheSession } from "../cache/session.js";
import { withRunCache } from "../cache/context.js";
import { displayPath, type Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import type { RunOptions } from "./build.js";

export interface DocsOptions extends RunOptions {
  /** Milliseconds per drift comparison (default: the config's `drift.timeout`). */
  readonly timeoutMs?: number;
}

export type DocsResult =
  | { readonly ok: true; readonly changed: boolean; readonly contracts: number; readonly versions: number; readonly files: number; readonly outDir: string }
  | { readonly ok: false; readonly problems: readonly Diagnostic[] };

export async function buildDocs(project: Project, outDir: string, options: DocsOptions = {}): Promise<DocsResult> {
  const session = CacheSession.open<unknown>("docs", project, options.cache);
  const run = session === undefined ? undefined : { session, store: session.store(), hasher: session.hasher };
  const { compileProject } = await import("./compile.js");
  const compiled = await compileProject(project, {
    ...(run !== undefined ? { cache: { store: run.store, hasher: run.hasher } } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  if (compiled.problems.length > 0) return { ok: false, problems: compiled.problems };
  const { lintCompiled } = await import("../lint/project.js");
  const { exportVersion } = await import("../export/export.js");
  const { driftProject } = await import("../drift/project.js");
  const { collectCatalogue } = await import("../catalogue/collect.js");
  const { sitePlan } = await import("../catalogue/site.js");
  const { writeSite } = await import("../catalogue/write.js");
  const catalogue = await withRunCache(run, async () => {
    const drift = await driftProject(project, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
    return collectCatalogue({ project, compiled, drift, lint: lintCompiled(project, compiled), exportOf: exportVersion });
  });
  const inside = path.relative(project.rootDir, outDir);
  const display = inside !== "" && !inside.startsWith("..") && !path.isAbsolute(inside) ? displayPath(project.rootDir, outDir) : outDir;
  const written = writeSite(outDir, display, sitePlan(catalogue));
  return {
    ok: true,
    changed: written.changed,
    contracts: catalogue.contracts.length,
    versions: catalogue.contracts.reduce((n, c) => n + c.versions.length, 0),
    files: written.files,
    outDir: display,
  };
}
