/**
 * Writing a cold build's output while it is still being compiled.
 *
 * Why: a build with no output folder yet writes every planned file. Written after the compile, those writes are a
 * serial tail of several seconds at a thousand contracts (one thread, ten thousand files) while the cores idle.
 * Written as each version's result arrives, they overlap the worker threads' compile.
 *
 * The files go into a folder of this run beside the output folder, `.<out>.llm-contracts-stream-<pid>`, never into
 * the output folder itself: `applyPlan` (apply.ts) takes that folder as its staging once it holds the lock and
 * the plan is final, writes what is missing or differs, and swaps it in as usual (swap.ts). So the guarantee is
 * the one the swap gives: the output folder is the old tree or the new one, never half of one.
 *
 * Any failure here (a full disk, a file where the parent folder must be) only stops the streaming and removes its
 * folder: the apply writes everything itself and reports the fault as it always has. A run killed mid-stream
 * leaves the folder under its pid; the next run clears it once that pid is dead (lock.ts `leftovers`), and never
 * while it is alive (a live run's stream is not yet under the lock).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { rmSync } from "../contain/stat.js";
import path from "node:path";

export const STREAM_INFIX = ".llm-contracts-stream-";

export interface StreamedOutput {
  /** The folder written into. */
  readonly dir: string;
  /** Each file written, by planned path, with the text it holds (the last one written, when planned twice). */
  readonly written: ReadonlyMap<string, string>;
  /** False once a write failed: nothing streamed is then trusted (the folder is gone). */
  readonly ok: boolean;
  write(files: Iterable<readonly [string, string]>): void;
  /** Removes the folder (a no-op once the apply has taken it over). */
  discard(): void;
}

export function streamFolder(outDir: string, pid: number = process.pid): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}${STREAM_INFIX}${pid}`);
}

/** A stream into a fresh folder of this run beside `outDir` (the caller decides it is worth it: a cold build). */
export function openStream(outDir: string): StreamedOutput {
  const dir = streamFolder(outDir);
  const written = new Map<string, string>();
  const made = new Set<string>();
  let ok = true;
  // A failed write and the apply's discard end the same way: nothing streamed is trusted, the folder is gone.
  const stop = (): void => {
    ok = false;
    written.clear();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  } catch {
    stop();
  }
  return {
    dir,
    written,
    get ok() {
      return ok;
    },
    write(files) {
      if (!ok) return;
      try {
        for (const [rel, text] of files) {
          if (written.get(rel) === text) continue;
          const file = path.join(dir, ...rel.split("/"));
          const parent = path.dirname(file);
          // One mkdir per folder, not per file: each contract folder receives several files.
          if (!made.has(parent)) {
            mkdirSync(parent, { recursive: true });
            made.add(parent);
          }
          writeFileSync(file, text, "utf8");
          written.set(rel, text);
        }
      } catch {
        stop();
      }
    },
    discard: stop,
  };
}
