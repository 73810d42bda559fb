/**
 * `build --watch`: the dev loop. Builds once, then rebuilds whenever something under the schemas folder (or the
 * config file) changes, after a quiet period (debounce) so that an editor's save of several files is one rebuild.
 * Each rebuild goes through the build cache, so only the contracts that changed are compiled again. A failing
 * build prints its problems and the watcher keeps going; the previous output stays in place (builds are atomic).
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { build, type BuildResult, type RunOptions } from "../api/build.js";
import { displayPath, type Project } from "../config/config.js";
import { formatDiagnostic, InputError } from "../errors.js";

export interface WatchOptions extends RunOptions {
  /** Quiet period before a rebuild, in milliseconds (default 100). */
  readonly debounceMs?: number;
  /** Stops watching when aborted. */
  readonly signal?: AbortSignal;
  out(line: string): void;
  err(line: string): void;
}

/** Resolves when `signal` aborts. */
export async function watchBuild(project: Project, options: WatchOptions): Promise<void> {
  const debounce = options.debounceMs ?? 100;
  const changed = new Set<string>();
  // Files the build itself wrote (migration stubs): their events are not a reason to build again.
  let ownWrites = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const runOnce = async (reason: string): Promise<void> => {
    const started = process.hrtime.bigint();
    try {
      const result = await build(project, options);
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      ownWrites = new Set(result.ok ? [...result.migrations.created, ...result.migrations.updated].map((f) => path.resolve(project.rootDir, f)) : []);
      report(result, ms, reason);
    } catch (error) {
      if (error instanceof InputError) options.err(`${formatDiagnostic(error.diagnostic)}`);
      else options.err(`build failed (${reason}): ${(error as Error).message}`);
      options.err(`build failed (${reason}); still watching`);
    }
  };

  const report = (result: BuildResult, ms: number, reason: string): void => {
    const out = displayPath(project.rootDir, project.outDir);
    if (!result.ok) {
      for (const p of result.problems) options.err(formatDiagnostic(p));
      options.err(`build failed (${reason}): ${result.problems.length} problem(s); ${out}/ left as it was; still watching`);
      return;
    }
    const stubs = result.migrations.created.length + result.migrations.updated.length;
    options.out(
      result.changed
        ? `rebuilt ${out}/ in ${ms} ms (${reason}): ${result.written} file(s) written, ${result.removed} removed${stubs > 0 ? `, ${stubs} migration module(s) scaffolded or updated` : ""}`
        : `${out}/ is up to date (${reason}, ${ms} ms)`,
    );
  };

  const trigger = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running !== undefined) {
        again = true;
        return;
      }
      const files = [...changed].sort();
      changed.clear();
      const reason = files.length === 1 ? `${files[0]} changed` : `${files.length} files changed`;
      running = runOnce(reason).finally(() => {
        running = undefined;
        if (again) {
          again = false;
          if (changed.size > 0) trigger();
        }
      });
    }, debounce);
  };

  const onEvent = (dir: string) => (_event: string, name: string | Buffer | null): void => {
    const abs = name === null ? dir : path.resolve(dir, name.toString());
    if (ownWrites.has(abs) || path.basename(abs).startsWith(".")) return;
    changed.add(displayPath(project.rootDir, abs));
    trigger();
  };

  await runOnce("initial build");
  const watchers: FSWatcher[] = [watch(project.schemasDir, { recursive: true }, onEvent(project.schemasDir))];
  if (project.configFile !== undefined) watchers.push(watch(project.configFile, onEvent(path.dirname(project.configFile))));
  options.out(`watching ${displayPath(project.rootDir, project.schemasDir)}/ for changes (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted === true) return resolve();
    options.signal?.addEventListener("abort", () => resolve(), { once: true });
  });
  for (const w of watchers) w.close();
  if (timer !== undefined) clearTimeout(timer);
  await running;
}
